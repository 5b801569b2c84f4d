import Papa from "papaparse";
import type { Actor } from "../auth/guard.server";
import { CATEGORY_LABELS, FOLLOW_UP_LABELS, STANCE_LABELS } from "../domain/feedback-schema";
import { BOM, safeCell as safe } from "../lib/csv";
import { feedbackForMeeting } from "./feedback.server";

const FIELDS = [
  "nomor_tanda_terima", "organisasi", "penanggap", "sikap", "poin", "kategori", "kecamatan", "desa",
  "jumlah_pemilih", "uraian", "jawaban", "status", "divisi",
] as const;

/** The feedback of a meeting with the secretariat's answers, one line per point, as CSV with BOM. */
export function feedbackCsv(actor: Actor, meetingId: number): { csv: string; points: number } {
  const rows = feedbackForMeeting(actor, meetingId).flatMap((o) =>
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
  const csv = Papa.unparse({ fields: [...FIELDS], data: rows.map((r) => FIELDS.map((f) => r[f])) });
  return { csv: `${BOM}${csv}`, points: rows.length };
}
