import type { LoaderFunctionArgs } from "@remix-run/node";
import Papa from "papaparse";
import { fail, guard } from "../auth/guard.server";
import { CATEGORY_LABELS, FOLLOW_UP_LABELS, STANCE_LABELS } from "../domain/feedback-schema";
import { feedbackForMeeting } from "../models/feedback.server";
import { getMeeting } from "../models/meeting.server";
import { idParam } from "../lib/params";

/** Cells starting with =, +, - or @ are prefixed so a spreadsheet never runs them as formulas. */
const safe = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const id = idParam(args.params);
  if (!Number.isSafeInteger(id)) fail(404);
  const meeting = getMeeting(actor, id);
  const rows = feedbackForMeeting(actor, id).flatMap((o) =>
    (o.submission?.points ?? []).map((p, i) => ({
      nomor_tanda_terima: o.submission!.reference,
      organisasi: safe(o.stakeholder.name),
      penanggap: safe(`${o.submission!.responderName}, ${o.submission!.responderPosition}`),
      sikap: STANCE_LABELS[o.submission!.stance],
      poin: i + 1,
      kategori: CATEGORY_LABELS[p.category],
      kecamatan: p.districtCode,
      desa: p.villageCode ?? "",
      jumlah_pemilih: p.voters,
      uraian: safe(p.description),
      jawaban: safe(p.answer ?? ""),
      status: p.followUpStatus ? FOLLOW_UP_LABELS[p.followUpStatus] : "",
      divisi: p.division ?? "",
    })),
  );
  const fields = [
    "nomor_tanda_terima", "organisasi", "penanggap", "sikap", "poin", "kategori", "kecamatan", "desa",
    "jumlah_pemilih", "uraian", "jawaban", "status", "divisi",
  ] as const;
  const csv = Papa.unparse({ fields: [...fields], data: rows.map((r) => fields.map((f) => r[f])) });
  return new Response(`\uFEFF${csv}`, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="tanggapan-${meeting.period}.csv"` },
  });
}
