import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { periodLabel } from "../domain/recap";
import { recapCsv, recapXlsx } from "../lib/recap-file.server";
import { areaNames, getRecap, rowsOf, tmsCategoriesOf } from "../models/recap.server";
import { idParam } from "../lib/params";

/** /rekap/:id/ekspor?format=csv|xlsx: the recap in the Model A-Rekap PDPB layout. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const recap = getRecap(actor, idParam(args.params));
  const format = new URL(args.request.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "xlsx") fail(400, "Format ekspor harus csv atau xlsx.");
  const rows = rowsOf(recap.id);
  const names = areaNames(rows.map((r) => r.areaCode));
  const used = new Set(rows.flatMap((r) => Object.keys(r.tms)));
  const categories = tmsCategoriesOf(actor.office.id, false).filter((c) => c.isActive || used.has(c.code));
  const input = {
    officeName: actor.office.name,
    periodLabel: periodLabel(recap.period),
    levelLabel: recap.level === "desa" ? "Desa/Kelurahan" : "Kecamatan",
    categories,
    rows: rows.map((r) => ({ ...r, name: names.get(r.areaCode) ?? r.areaCode })),
  };
  const base = `model-a-rekap-pdpb-${actor.office.code.replace(/\./g, "")}-${recap.period}-v${recap.version}`;
  if (format === "csv")
    return new Response(`\uFEFF${recapCsv(input)}`, {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${base}.csv"` },
    });
  const body = await recapXlsx(input);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="${base}.xlsx"`,
    },
  });
}
