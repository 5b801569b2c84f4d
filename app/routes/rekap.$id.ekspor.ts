import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { BOM } from "../lib/csv";
import { recapCsv, recapXlsx } from "../lib/recap-file.server";
import { recapExportInput } from "../models/recap-export.server";
import { getRecap } from "../models/recap.server";
import { idParam } from "../lib/params";

/** /rekap/:id/ekspor?format=csv|xlsx: the recap in the Model A-Rekap PDPB layout. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const recap = getRecap(actor, idParam(args.params));
  const format = new URL(args.request.url).searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "xlsx") fail(400, "Format ekspor harus csv atau xlsx.");
  const { input, baseName: base } = recapExportInput(actor, recap);
  if (format === "csv")
    return new Response(`${BOM}${recapCsv(input)}`, {
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
