/**
 * The dossier of a meeting: one ZIP with its invitation letters, attendance sheet, agenda, recap
 * export, feedback with answers, berita acara, audit log and a manifest of SHA-256 sums. Files are
 * made one at a time while the ZIP streams out (fflate, see docs/decisions/0009-dossier-zip.md), so
 * memory holds one document at a time, not the whole archive.
 */
import { createHash } from "node:crypto";
import { Zip, ZipDeflate, ZipPassThrough } from "fflate";
import Papa from "papaparse";
import type { Actor } from "../auth/guard.server";
import { describeAudit, AUDIT_LABELS } from "../domain/audit";
import { agendaText, fileSlug, manifestText } from "../domain/dossier";
import { formatDateTime } from "../domain/format";
import { periodInWords } from "../domain/periods";
import { BOM, safeCell } from "../lib/csv";
import { logError } from "../log.server";
import { recapCsv } from "../lib/recap-file.server";
import { auditCountOfMeeting, auditOfMeeting } from "./audit.server";
import { feedbackCsv } from "./feedback-export.server";
import { attendanceSheet, invitationLetter } from "./meeting-documents.server";
import { agendaOf, chairName, decisionsOf, getMeeting, invitationsOf, type Meeting } from "./meeting.server";
import { minutesPdf } from "./minutes-document.server";
import { getMinutes, minutesOfMeeting, versionsOf, type Minutes } from "./minutes.server";
import { recapExportInput } from "./recap-export.server";
import { getRecap, recapSummaryForMeeting } from "./recap.server";
import { publicationOfMinutes, publishedFile } from "./signing.server";

export const DOSSIER_LIMITS = {
  /** Letters in one archive; a meeting with more is refused with a clear message. */
  invitations: 300,
  /** Rows of the audit log in its CSV; beyond this the manifest says the log was cut. */
  auditRows: 20_000,
  /** Uncompressed bytes of all files together; a safety net against a runaway document. */
  totalBytes: 150 * 1024 * 1024,
  /** Files (mostly PDFs, CPU-bound) made at once by this server across all downloads. */
  concurrent: 2,
} as const;

let making = 0;
const waiting: (() => void)[] = [];

/**
 * Runs `make` when fewer than `concurrent` files are being made by this server, else waits its
 * turn: many downloads at once then stream more slowly instead of starving every other request.
 */
async function inTurn<T>(make: () => Promise<T>): Promise<T> {
  if (making >= DOSSIER_LIMITS.concurrent) await new Promise<void>((resolve) => waiting.push(resolve));
  else making++;
  try {
    return await make();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else making--;
  }
}

const MINUTES_STATUS = { draf: "draf", diajukan: "diajukan, belum ditandatangani", ditandatangani: "ditandatangani dan diterbitkan", dibatalkan: "dibatalkan" } as const;

/**
 * The berita acara file of the dossier: the sealed (or scanned) file once published, else the
 * current version rendered as its web page shows it.
 */
export async function dossierMinutesPdf(actor: Actor, minutesId: number) {
  const m = getMinutes(actor, minutesId);
  const published = publicationOfMinutes(m.id);
  const file = published ? publishedFile(published.code) : undefined;
  if (published && file) {
    return {
      bytes: new Uint8Array(file.bytes),
      fileName: `berita-acara-${fileSlug(m.number ?? "draf", 80)}-${published.kind === "pindaian" ? "pindaian" : "bersegel"}.pdf`,
      description: `Berita acara ${m.number ?? ""}, ${published.kind === "pindaian" ? "pindaian kertas bertanda tangan" : "bersegel elektronik"}, SHA-256 ${published.sha256}`,
    };
  }
  const notes = versionsOf(m.id).find((v) => v.version.version === m.currentVersion)?.version.notes ?? "";
  const { pdf } = await minutesPdf(actor, m.meetingId, m.number, notes);
  return {
    bytes: new Uint8Array(pdf),
    fileName: `berita-acara-${fileSlug(m.number ?? "draf", 80)}.pdf`,
    description: `Berita acara ${m.number ?? "(draf)"}, versi ${m.currentVersion}, ${MINUTES_STATUS[m.status]}`,
  };
}

type PlannedFile = {
  /** Path inside the archive; fixed before the file is made, except where `make` names it. */
  name: string;
  description: string;
  make: () => Promise<{ bytes: Uint8Array; name?: string; description?: string }>;
};

export type DossierPlan =
  | { kind: "empty" }
  | { kind: "too-large"; invitations: number }
  | { kind: "ready"; meeting: Meeting; minutes: Minutes | null; files: PlannedFile[]; omitted: string[]; fileName: string };

const utf8 = (text: string) => new TextEncoder().encode(text);

function auditCsv(actor: Actor, meetingId: number): { bytes: Uint8Array; cut: boolean } {
  const total = auditCountOfMeeting(actor.office.id, meetingId);
  const rows = auditOfMeeting(actor.office.id, meetingId, DOSSIER_LIMITS.auditRows);
  const csv = Papa.unparse({
    fields: ["waktu", "waktu_utc", "siapa", "tindakan", "keterangan", "berita_acara_id", "alamat_ip", "peramban"],
    data: rows.map((r) => [
      formatDateTime(r.at, actor.office.timeZone),
      r.at.toISOString(),
      safeCell(r.userName || "Sistem"),
      AUDIT_LABELS[r.action],
      safeCell(describeAudit(r.action, r.detail)),
      r.minutesId ?? "",
      r.ip,
      safeCell(r.userAgent),
    ]),
  });
  return { bytes: utf8(`${BOM}${csv}`), cut: total > rows.length };
}

/** What the meeting's dossier will hold, checked against the limits; nothing is rendered yet. */
export function dossierPlan(actor: Actor, meetingId: number): DossierPlan {
  const meeting = getMeeting(actor, meetingId);
  const invitations = invitationsOf(meeting.id);
  const agenda = agendaOf(meeting.id);
  const minutes = minutesOfMeeting(actor, meeting.id) ?? null;
  const recap = recapSummaryForMeeting(actor.office.id, meeting.id);
  const feedback = feedbackCsv(actor, meeting.id);
  if (!invitations.length && !agenda.length && !minutes && !recap && !feedback.points) return { kind: "empty" };
  if (invitations.length > DOSSIER_LIMITS.invitations) return { kind: "too-large", invitations: invitations.length };

  const period = meeting.period;
  const files: PlannedFile[] = invitations.map((r, i) => ({
    name: `01-undangan/undangan-${String(i + 1).padStart(3, "0")}-${fileSlug(r.stakeholder.name)}.pdf`,
    description: `Surat undangan untuk ${r.stakeholder.name}`,
    make: async () => ({ bytes: new Uint8Array((await invitationLetter(actor, meeting.id, r.invitation.id, { record: false })).pdf) }),
  }));
  files.push({
    name: `02-daftar-hadir-${period}.pdf`,
    description: "Daftar hadir rapat",
    make: async () => ({ bytes: new Uint8Array(await attendanceSheet(actor, meeting)) }),
  });
  files.push({
    name: `03-agenda-${period}.txt`,
    description: "Agenda dan keputusan rapat",
    make: async () => ({
      bytes: utf8(
        agendaText({
          officeName: actor.office.name,
          title: meeting.title,
          periodWords: periodInWords(period),
          startsAt: meeting.startsAt,
          endsAt: meeting.endsAt,
          zone: actor.office.timeZone,
          place: meeting.place,
          chair: chairName(meeting),
          status: meeting.status,
          items: agendaOf(meeting.id),
          decisions: decisionsOf(meeting.id),
        }),
      ),
    }),
  });
  const omitted: string[] = [];
  if (recap) {
    const { input, baseName } = recapExportInput(actor, getRecap(actor, recap.id));
    files.push({
      name: `04-rekap-${baseName}.csv`,
      description: `Rekapitulasi ${periodInWords(recap.period)} versi ${recap.version} (Model A-Rekap PDPB)`,
      make: async () => ({ bytes: utf8(`${BOM}${recapCsv(input)}`) }),
    });
  } else omitted.push("Rekap: belum ada rekapitulasi yang ditautkan ke rapat ini.");
  if (feedback.points) {
    files.push({
      name: `05-tanggapan-${period}.csv`,
      description: `Tanggapan peserta beserta jawaban (${feedback.points} poin)`,
      make: async () => ({ bytes: utf8(feedbackCsv(actor, meeting.id).csv) }),
    });
  } else omitted.push("Tanggapan: belum ada tanggapan peserta.");
  if (minutes) {
    files.push({
      name: "06-berita-acara.pdf",
      description: "Berita acara",
      make: async () => {
        const file = await dossierMinutesPdf(actor, minutes.id);
        return { bytes: file.bytes, name: `06-${file.fileName}`, description: file.description };
      },
    });
  } else omitted.push("Berita acara: draf berita acara belum dibuat.");
  files.push({
    name: `07-jejak-audit-${period}.csv`,
    description: "Jejak audit berita acara rapat ini",
    make: async () => {
      const { bytes, cut } = auditCsv(actor, meeting.id);
      if (cut) omitted.push(`Jejak audit: hanya ${DOSSIER_LIMITS.auditRows} baris pertama yang disertakan.`);
      return { bytes };
    },
  });
  const fileName = `berkas-rapat-${actor.office.code.replace(/\./g, "")}-${period}-${meeting.id}.zip`;
  return { kind: "ready", meeting, minutes, files, omitted, fileName };
}

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Already-compressed formats are stored as they are; text is deflated. */
function addToZip(zip: Zip, name: string, bytes: Uint8Array, mtime: Date) {
  const entry = name.endsWith(".pdf") ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
  entry.mtime = mtime;
  zip.add(entry);
  entry.push(bytes, true);
}

type Done = { name: string; bytes: number; sha256: string; description: string };

/**
 * The archive as a byte stream: each pull makes the next file, adds it to the ZIP and passes the
 * compressed bytes on; the manifest goes last, with the sum of every file before it.
 */
export function dossierStream(actor: Actor, plan: Extract<DossierPlan, { kind: "ready" }>, now = new Date()): ReadableStream<Uint8Array> {
  const done: Done[] = [];
  let next = 0;
  let total = 0;
  let ended = false;
  let zip: Zip;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      zip = new Zip((error, chunk, final) => {
        if (error) return controller.error(error);
        controller.enqueue(chunk);
        if (final) controller.close();
      });
    },
    async pull(controller) {
      if (ended) return;
      try {
        if (next < plan.files.length) {
          const planned = plan.files[next++];
          const made = await inTurn(planned.make);
          const name = made.name ?? planned.name;
          total += made.bytes.length;
          if (total > DOSSIER_LIMITS.totalBytes) throw new Error(`dossier of meeting ${plan.meeting.id} exceeds ${DOSSIER_LIMITS.totalBytes} bytes`);
          addToZip(zip, name, made.bytes, now);
          done.push({ name, bytes: made.bytes.length, sha256: sha256(made.bytes), description: made.description ?? planned.description });
          return;
        }
        ended = true;
        const manifest = {
          kantor: actor.office.name,
          rapat: { id: plan.meeting.id, judul: plan.meeting.title, periode: periodInWords(plan.meeting.period) },
          dibuat: now.toISOString(),
          dibuat_waktu_kantor: formatDateTime(now, actor.office.timeZone),
          dibuat_oleh: actor.user.name,
          catatan: [
            ...plan.omitted,
            "Berita acara dalam berkas ini adalah versi terkini yang dibuat saat berkas diunduh.",
            "Periksa keutuhan berkas dengan: sha256sum -c MANIFEST.txt",
          ],
          berkas: done.map((f) => ({ nama: f.name, keterangan: f.description, ukuran_byte: f.bytes, sha256: f.sha256 })),
        };
        addToZip(zip, "manifest.json", utf8(`${JSON.stringify(manifest, null, 2)}\n`), now);
        addToZip(zip, "MANIFEST.txt", utf8(manifestText(done)), now);
        zip.end();
      } catch (error) {
        ended = true;
        logError(error, { msg: "dossier failed", meetingId: plan.meeting.id });
        controller.error(error);
      }
    },
    cancel() {
      // The browser went away: make no more files.
      ended = true;
    },
  });
}
