import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { CATEGORY_LABELS, STANCE_LABELS } from "../domain/feedback-schema";
import { formatDateTime, formatNumber, type ZoneName } from "../domain/format";
import { periodInWords } from "../domain/periods";
import { OfficialDocument } from "../pdf/document.server";
import { logoBytes } from "../models/document-settings.server";
import { kopLines } from "../models/meeting-documents.server";
import { settingsOf } from "../models/register.server";
import { resolveToken, submissionOf } from "../models/feedback.server";

/** A PDF copy of the organisation's submission, as received. Every text is written as text. */
export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { access: "public" });
  const ctx = resolveToken(args.params.token ?? "");
  if (!ctx) fail(404, "Tautan formulir tanggapan ini tidak dikenal atau sudah tidak berlaku.");
  const submission = submissionOf(ctx.invitation.id);
  if (!submission) fail(404, "Organisasi Anda belum menyampaikan tanggapan.");
  const zone = ctx.office.timeZone as ZoneName;
  const doc = new OfficialDocument({ title: `Tanda terima tanggapan ${submission.reference}`, author: ctx.office.name, paper: settingsOf(ctx.office.id).paper });
  doc.kop(kopLines(ctx.office), logoBytes(ctx.office.id));
  doc.heading("TANDA TERIMA TANGGAPAN PESERTA RAPAT");
  doc.fields([
    ["Nomor", submission.reference],
    ["Rapat", `${ctx.meeting.title} (${periodInWords(ctx.meeting.period)})`],
    ["Organisasi", ctx.stakeholder.name],
    ["Disampaikan oleh", `${submission.responderName}, ${submission.responderPosition}`],
    ["Sikap", STANCE_LABELS[submission.stance]],
    ["Versi", `${submission.version}, ${formatDateTime(submission.updatedAt, zone)}`],
  ]);
  doc.table({
    columns: [
      { header: "No", width: 1, align: "right" },
      { header: "Kategori", width: 3 },
      { header: "Wilayah", width: 3 },
      { header: "Pemilih", width: 2, align: "right" },
      { header: "Uraian", width: 8 },
    ],
    rows: submission.points.map((p, i) => [
      String(i + 1),
      CATEGORY_LABELS[p.category],
      `${p.districtCode}${p.villageCode ? ` / ${p.villageCode}` : ""}`,
      formatNumber(p.voters),
      `${p.description}${p.attachmentName ? `\nLampiran: ${p.attachmentName}` : ""}`,
    ]),
  });
  const pdf = await doc.finish(`${ctx.office.name} · ${submission.reference}`);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${submission.reference}.pdf"`, "Cache-Control": "private, no-store" },
  });
}
