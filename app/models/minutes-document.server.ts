/**
 * The berita acara of a meeting, written from its data in words and figures, through the same
 * template renderer as every Pleno document (templates/berita-acara-*.txt).
 */
import { and, asc, eq, like, sql } from "drizzle-orm";
import { areas, offices, recapRows, recaps } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { db } from "../db.server";
import { ATTENDANCE_LABELS } from "../domain/agenda";
import { CATEGORY_LABELS, FOLLOW_UP_LABELS } from "../domain/feedback-schema";
import { formatDate, formatNumber, formatTime, type ZoneName } from "../domain/format";
import { parsePeriod, periodInWords } from "../domain/periods";
import type { TemplateSchema } from "../domain/template";
import { MONTH_NAMES, dateInWords, ordinalWord } from "../domain/words";
import type { TableOptions } from "../pdf/document.server";
import { compileTemplate, renderTemplate } from "../domain/template";
import { renderDocument, templateSource } from "../pdf/render.server";
import { feedbackForMeeting } from "./feedback.server";
import { kopLines } from "./meeting-documents.server";
import { attendanceOf, decisionsOf, getMeeting, type Meeting } from "./meeting.server";
import { settingsOf } from "./register.server";
import { templateOverrides } from "../../db/schema";

/** The office's own wording of a template, when it has one. */
function overrideSource(officeId: number, name: string): string | undefined {
  return db()
    .select({ body: templateOverrides.body })
    .from(templateOverrides)
    .where(and(eq(templateOverrides.officeId, officeId), eq(templateOverrides.name, name)))
    .get()?.body;
}

export const MINUTES_SCHEMA: TemplateSchema = {
  values: ["nomor", "tentang", "tanggal_kata", "tempat", "jam", "kantor", "periode", "kota", "tanggal", "catatan"],
  lists: {
    masukan: { values: ["organisasi"], lists: { poin: { values: ["uraian"] } } },
    keputusan: { values: ["teks"] },
    tidak_hadir: { values: ["nama", "alasan"] },
  },
  tables: ["rekap", "tanda_tangan", "lampiran_rekap", "lampiran_tanggapan"],
};

export function minutesTemplateFor(kind: Meeting["kind"]) {
  if (kind === "coordination_quarterly") return "berita-acara-rapat-koordinasi";
  if (kind === "internal_monthly") return "berita-acara-pleno-bulanan";
  return "berita-acara-pleno-terbuka";
}

/** "REKAPITULASI DAFTAR PEMILIH BERKELANJUTAN TRIWULAN KEEMPAT TAHUN 2025" and its siblings. */
export function minutesSubject(kind: Meeting["kind"], period: string): string {
  const p = parsePeriod(period);
  if (!p) return periodInWords(period).toUpperCase();
  const when =
    p.kind === "month"
      ? `BULAN ${MONTH_NAMES[p.index - 1].toUpperCase()} TAHUN ${p.year}`
      : `${p.kind === "quarter" ? "TRIWULAN" : "SEMESTER"} ${ordinalWord(p.index)} TAHUN ${p.year}`;
  if (kind === "coordination_quarterly") return `RAPAT KOORDINASI PEMUTAKHIRAN DATA PEMILIH BERKELANJUTAN ${when}`;
  if (kind === "internal_monthly") return `PENETAPAN DAFTAR PEMILIH BERKELANJUTAN ${when}`;
  return `REKAPITULASI DAFTAR PEMILIH BERKELANJUTAN ${when}`;
}

function recapOfMeeting(officeId: number, meetingId: number) {
  const recap = db().select().from(recaps).where(and(eq(recaps.officeId, officeId), eq(recaps.meetingId, meetingId))).orderBy(sql`${recaps.version} desc`).get();
  if (!recap) return null;
  const rows = db()
    .select({ row: recapRows, name: areas.name })
    .from(recapRows)
    .leftJoin(areas, eq(areas.code, recapRows.areaCode))
    .where(eq(recapRows.recapId, recap.id))
    .orderBy(asc(recapRows.areaCode))
    .all();
  return { recap, rows };
}

const n = formatNumber;

/** Everything the berita acara says, ready for the PDF writer or the web page. */
export function minutesContent(actor: Actor, meetingId: number, number: string | null, notes = "") {
  const meeting = getMeeting(actor, meetingId);
  const office = db().select().from(offices).where(eq(offices.id, actor.office.id)).get()!;
  const zone = office.timeZone as ZoneName;
  const attendance = attendanceOf(actor, meetingId);
  const present = attendance.filter((a) => a.status === "hadir");
  const absent = attendance.filter((a) => a.status && a.status !== "hadir");
  const feedback = feedbackForMeeting(actor, meetingId).filter((o) => o.submission);
  const recap = recapOfMeeting(office.id, meetingId);
  const villages =
    db()
      .select({ n: sql<number>`count(*)` })
      .from(areas)
      .where(and(eq(areas.level, "village"), like(areas.code, `${office.code}.%`)))
      .get()?.n ?? 0;

  const totals = recap
    ? recap.rows.reduce(
        (t, { row }) => ({
          pl: t.pl + row.previousL, pp: t.pp + row.previousP, nl: t.nl + row.newVotersL, np: t.np + row.newVotersP,
          tl: t.tl + row.tmsL, tp: t.tp + row.tmsP, dl: t.dl + row.dpbL, dp: t.dp + row.dpbP,
        }),
        { pl: 0, pp: 0, nl: 0, np: 0, tl: 0, tp: 0, dl: 0, dp: 0 },
      )
    : null;

  const tables: Record<string, TableOptions> = {
    rekap: {
      columns: [
        { header: "Jumlah kecamatan", width: 2, align: "right" },
        { header: "Jumlah desa/kelurahan", width: 2, align: "right" },
        { header: "Laki-laki", width: 2, align: "right" },
        { header: "Perempuan", width: 2, align: "right" },
        { header: "Jumlah (L+P)", width: 2, align: "right" },
      ],
      rows: totals && recap ? [[n(recap.rows.length), n(villages), n(totals.dl), n(totals.dp), n(totals.dl + totals.dp)]] : [["-", "-", "-", "-", "belum ada rekap"]],
      fontSize: 10,
    },
    tanda_tangan: {
      columns: [
        { header: "No", width: 1, align: "right" },
        { header: "Nama", width: 5 },
        { header: "Jabatan", width: 4 },
        { header: "Tanda tangan", width: 4 },
      ],
      rows: present.map((c, i) => [String(i + 1), c.name, c.title, ""]),
      minRowHeight: 30,
      fontSize: 10,
    },
    lampiran_rekap: {
      columns: [
        { header: "No", width: 1, align: "right" },
        { header: "Kecamatan", width: 4 },
        { header: "DPB lalu L", width: 2, align: "right" },
        { header: "DPB lalu P", width: 2, align: "right" },
        { header: "Baru L", width: 2, align: "right" },
        { header: "Baru P", width: 2, align: "right" },
        { header: "TMS L", width: 2, align: "right" },
        { header: "TMS P", width: 2, align: "right" },
        { header: "DPB L", width: 2, align: "right" },
        { header: "DPB P", width: 2, align: "right" },
        { header: "DPB L+P", width: 2, align: "right" },
      ],
      rows: recap
        ? [
            ...recap.rows.map(({ row, name }, i) => [
              String(i + 1), name ?? row.areaCode, n(row.previousL), n(row.previousP), n(row.newVotersL), n(row.newVotersP),
              n(row.tmsL), n(row.tmsP), n(row.dpbL), n(row.dpbP), n(row.dpbL + row.dpbP),
            ]),
            ["", "JUMLAH", n(totals!.pl), n(totals!.pp), n(totals!.nl), n(totals!.np), n(totals!.tl), n(totals!.tp), n(totals!.dl), n(totals!.dp), n(totals!.dl + totals!.dp)],
          ]
        : [],
      boldRows: recap ? new Set([recap.rows.length]) : undefined,
      fontSize: 8,
    },
    lampiran_tanggapan: {
      columns: [
        { header: "No", width: 1, align: "right" },
        { header: "Organisasi", width: 4 },
        { header: "Tanggapan", width: 7 },
        { header: "Tindak lanjut KPU", width: 6 },
      ],
      rows: feedback.flatMap((o) =>
        o.submission!.points.map((p) => [
          "",
          o.stakeholder.name,
          `${CATEGORY_LABELS[p.category]}, ${p.districtCode}: ${p.description} (${n(p.voters)} pemilih)`,
          p.answer ? `${p.answer}${p.followUpStatus ? ` — ${FOLLOW_UP_LABELS[p.followUpStatus]}` : ""}` : "belum dijawab",
        ]),
      ).map((r, i) => [String(i + 1), ...r.slice(1)]),
      fontSize: 9,
    },
  };

  const template = minutesTemplateFor(meeting.kind);
  return {
    template,
    source: overrideSource(office.id, template),
    schema: MINUTES_SCHEMA,
    kop: kopLines(office),
    meta: { title: `Berita acara ${meeting.title} ${periodInWords(meeting.period)}`, author: office.name, paper: settingsOf(office.id).paper },
    footer: `${office.name} · ${number ?? "draf berita acara"}`,
    tables,
    data: {
      nomor: number ?? "(draf, belum bernomor)",
      tentang: minutesSubject(meeting.kind, meeting.period),
      tanggal_kata: dateInWords(meeting.startsAt, zone).sentence,
      tempat: meeting.place,
      jam: formatTime(meeting.startsAt, zone),
      kantor: office.name,
      periode: periodInWords(meeting.period),
      kota: office.city,
      tanggal: formatDate(meeting.startsAt, zone, false),
      masukan: feedback.map((o) => ({
        organisasi: o.stakeholder.name,
        poin: o.submission!.points.map((p) => ({ uraian: `${CATEGORY_LABELS[p.category]}: ${p.description}` })),
      })),
      keputusan: decisionsOf(meetingId).map((d) => ({ teks: d.text })),
      tidak_hadir: absent.map((a) => ({ nama: a.name, alasan: `${ATTENDANCE_LABELS[a.status!]}${a.note ? `: ${a.note}` : ""}` })),
      catatan: notes,
    },
    fileName: `berita-acara-${meeting.period}${number ? "" : "-draf"}.pdf`,
  };
}

export async function minutesPdf(actor: Actor, meetingId: number, number: string | null, notes = "") {
  const content = minutesContent(actor, meetingId, number, notes);
  return { pdf: await renderDocument(content), fileName: content.fileName };
}

/** The same content as blocks and plain tables, for the web page (optionally with a wording being edited). */
export function minutesBlocks(actor: Actor, meetingId: number, number: string | null, notes = "", source?: string) {
  const content = minutesContent(actor, meetingId, number, notes);
  const blocks = renderTemplate(compileTemplate(source ?? content.source ?? templateSource(content.template), MINUTES_SCHEMA), content.data);
  const tables = Object.fromEntries(
    Object.entries(content.tables).map(([name, t]) => [
      name,
      { columns: t.columns, rows: t.rows, boldRows: [...(t.boldRows ?? [])] },
    ]),
  );
  return { blocks, tables, kop: content.kop };
}

/** Tables as plain data (bold rows as a list), so a version's content can be stored as JSON. */
type PlainTable = Omit<TableOptions, "boldRows"> & { boldRows?: number[] };

/**
 * The exact content of one version of a berita acara, frozen when it is submitted: the wording
 * (the office's own or the default template text), the filled data and the tables. What signers
 * review, what the sealed PDF is rendered from, and, as JSON, what its SHA-256 is taken over.
 */
export type MinutesSnapshot = {
  number: string | null;
  version: number;
  subject: string;
  meetingDate: string;
  template: string;
  source: string;
  kop: string[];
  meta: { title: string; author: string; paper?: "A4" | "F4" };
  footer: string;
  tables: Record<string, PlainTable>;
  data: Record<string, unknown>;
  fileName: string;
};

export function minutesSnapshot(actor: Actor, meetingId: number, number: string | null, version: number, notes: string): MinutesSnapshot {
  const meeting = getMeeting(actor, meetingId);
  const content = minutesContent(actor, meetingId, number, notes);
  return {
    number,
    version,
    subject: minutesSubject(meeting.kind, meeting.period),
    meetingDate: meeting.startsAt.toISOString(),
    template: content.template,
    source: content.source ?? templateSource(content.template),
    kop: content.kop,
    meta: content.meta,
    footer: content.footer,
    tables: Object.fromEntries(Object.entries(content.tables).map(([k, t]) => [k, { ...t, boldRows: t.boldRows ? [...t.boldRows] : undefined }])),
    data: content.data,
    fileName: content.fileName,
  };
}

export function snapshotRenderInput(s: MinutesSnapshot) {
  return {
    template: s.template,
    source: s.source,
    schema: MINUTES_SCHEMA,
    data: s.data,
    kop: s.kop,
    meta: s.meta,
    footer: s.footer,
    tables: Object.fromEntries(Object.entries(s.tables).map(([k, t]) => [k, { ...t, boldRows: t.boldRows ? new Set(t.boldRows) : undefined }])),
  };
}

/** The frozen content as blocks for the web page. */
export function snapshotBlocks(s: MinutesSnapshot) {
  const blocks = renderTemplate(compileTemplate(s.source, MINUTES_SCHEMA), s.data);
  const tables = Object.fromEntries(Object.entries(s.tables).map(([k, t]) => [k, { columns: t.columns, rows: t.rows, boldRows: t.boldRows ?? [] }]));
  return { blocks, tables, kop: s.kop };
}
