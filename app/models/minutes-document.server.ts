/**
 * The berita acara of a meeting, written from its data in words and figures, through the same
 * template renderer as every Pleno document (templates/berita-acara-*.txt).
 */
import { and, asc, desc, eq, isNull, like, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { areas, offices, recapRows, recaps } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { db } from "../db.server";
import { ATTENDANCE_LABELS } from "../domain/agenda";
import { CATEGORY_LABELS, FOLLOW_UP_LABELS } from "../domain/feedback-schema";
import { formatDate, formatNumber, formatTime, type ZoneName } from "../domain/format";
import { parsePeriod, periodInWords } from "../domain/periods";
import { compileTemplate, renderTemplate, type TemplateSchema } from "../domain/template";
import { MONTH_NAMES, dateInWords, ordinalWord } from "../domain/words";
import type { Column, TableOptions } from "../pdf/document.server";
import { documentBlocks, renderDocument, templateSource } from "../pdf/render.server";
import { feedbackForMeeting } from "./feedback.server";
import { kopLines } from "./meeting-documents.server";
import { attendanceOf, decisionsOf, getMeeting, type Meeting } from "./meeting.server";
import { logoBytes, overrideSource } from "./document-settings.server";
import { settingsOf } from "./register.server";

export const MINUTES_SCHEMA: TemplateSchema = {
  values: ["nomor", "tentang", "tanggal_kata", "tempat", "jam", "kantor", "periode", "kota", "tanggal", "catatan", "rekap_desa", "kantor_kapital"],
  lists: {
    masukan: { values: ["organisasi"], lists: { poin: { values: ["uraian"] } } },
    keputusan: { values: ["teks"] },
    tidak_hadir: { values: ["nama", "alasan"] },
  },
  tables: ["rekap", "tanda_tangan", "lampiran_rekap", "lampiran_rekap_desa", "lampiran_tanggapan"],
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

/** The counts a lampiran prints for an area: previous DPB, new voters, TMS and DPB, each L and P. */
type Counts = { pl: number; pp: number; nl: number; np: number; tl: number; tp: number; dl: number; dp: number };
const ZERO: Counts = { pl: 0, pp: 0, nl: 0, np: 0, tl: 0, tp: 0, dl: 0, dp: 0 };
const add = (a: Counts, b: Counts): Counts => ({
  pl: a.pl + b.pl, pp: a.pp + b.pp, nl: a.nl + b.nl, np: a.np + b.np, tl: a.tl + b.tl, tp: a.tp + b.tp, dl: a.dl + b.dl, dp: a.dp + b.dp,
});
type AreaCounts = { code: string; name: string; district: string; districtName: string; counts: Counts };

/** The latest version of the meeting's recap at one level, with area names and the kecamatan of each desa. */
function recapOfMeeting(officeId: number, meeting: Meeting, level: "kecamatan" | "desa"): AreaCounts[] | null {
  const latest = (where: SQL | undefined) =>
    db().select({ id: recaps.id }).from(recaps).where(and(eq(recaps.officeId, officeId), eq(recaps.level, level), where)).orderBy(desc(recaps.version)).get();
  // The recap the meeting determined; before that, a DPB pleno writes the period's recap not yet linked to a meeting.
  const recap =
    latest(eq(recaps.meetingId, meeting.id)) ??
    (meeting.kind === "coordination_quarterly" ? undefined : latest(and(isNull(recaps.meetingId), eq(recaps.period, meeting.period))));
  if (!recap) return null;
  const district = alias(areas, "district");
  return db()
    .select({ row: recapRows, name: areas.name, parent: areas.parentCode, districtName: district.name })
    .from(recapRows)
    .leftJoin(areas, eq(areas.code, recapRows.areaCode))
    .leftJoin(district, eq(district.code, areas.parentCode))
    .where(eq(recapRows.recapId, recap.id))
    .orderBy(asc(recapRows.areaCode))
    .all()
    .map(({ row, name, parent, districtName }) => ({
      code: row.areaCode,
      name: name ?? row.areaCode,
      district: level === "desa" ? (parent ?? row.areaCode.split(".").slice(0, 3).join(".")) : row.areaCode,
      districtName: level === "desa" ? (districtName ?? parent ?? "") : (name ?? row.areaCode),
      counts: {
        pl: row.previousL, pp: row.previousP, nl: row.newVotersL, np: row.newVotersP,
        tl: row.tmsL, tp: row.tmsP, dl: row.dpbL, dp: row.dpbP,
      },
    }));
}

/** Desa rows summed per kecamatan, in code order: the kecamatan table when the recap is kept per desa only. */
function perDistrict(villages: AreaCounts[]): AreaCounts[] {
  const byCode = new Map<string, AreaCounts>();
  for (const v of villages) {
    const d = byCode.get(v.district) ?? { code: v.district, name: v.districtName, district: v.district, districtName: v.districtName, counts: ZERO };
    byCode.set(v.district, { ...d, counts: add(d.counts, v.counts) });
  }
  return [...byCode.values()].sort((a, b) => a.code.localeCompare(b.code));
}

const n = formatNumber;
const countCells = (c: Counts) => [n(c.pl), n(c.pp), n(c.nl), n(c.np), n(c.tl), n(c.tp), n(c.dl), n(c.dp), n(c.dl + c.dp)];
const COUNT_COLUMNS: Column[] = [
  { header: "DPB lalu L", width: 2, align: "right" },
  { header: "DPB lalu P", width: 2, align: "right" },
  { header: "Baru L", width: 2, align: "right" },
  { header: "Baru P", width: 2, align: "right" },
  { header: "TMS L", width: 2, align: "right" },
  { header: "TMS P", width: 2, align: "right" },
  { header: "DPB L", width: 2, align: "right" },
  { header: "DPB P", width: 2, align: "right" },
  { header: "DPB L+P", width: 2, align: "right" },
];

/** The lampiran per desa: every desa under its kecamatan, a bold subtotal per kecamatan and the grand total. */
function villageTable(villages: AreaCounts[], districts: AreaCounts[]): TableOptions {
  const rows: string[][] = [];
  const bold = new Set<number>();
  let no = 0;
  for (const d of districts) {
    for (const v of villages.filter((x) => x.district === d.code)) rows.push([String(++no), d.name, v.name, ...countCells(v.counts)]);
    bold.add(rows.length);
    rows.push(["", d.name, "Jumlah", ...countCells(d.counts)]);
  }
  bold.add(rows.length);
  rows.push(["", "JUMLAH", "", ...countCells(districts.reduce((t, d) => add(t, d.counts), ZERO))]);
  return {
    columns: [{ header: "No", width: 1.2, align: "right" }, { header: "Kecamatan", width: 3 }, { header: "Desa/Kelurahan", width: 3.4 }, ...COUNT_COLUMNS],
    rows,
    boldRows: bold,
    fontSize: 7.5,
  };
}

/** Everything the berita acara says, ready for the PDF writer or the web page. */
export function minutesContent(actor: Actor, meetingId: number, number: string | null, notes = "") {
  const meeting = getMeeting(actor, meetingId);
  const office = db().select().from(offices).where(eq(offices.id, actor.office.id)).get()!;
  const zone = office.timeZone as ZoneName;
  const attendance = attendanceOf(actor, meetingId);
  const present = attendance.filter((a) => a.status === "hadir");
  const absent = attendance.filter((a) => a.status && a.status !== "hadir");
  const feedback = feedbackForMeeting(actor, meetingId).filter((o) => o.submission);
  // The kecamatan recap when there is one; a recap kept per desa also gives the lampiran per desa.
  const villageRows = recapOfMeeting(office.id, meeting, "desa");
  const districtRows = recapOfMeeting(office.id, meeting, "kecamatan") ?? (villageRows ? perDistrict(villageRows) : null);
  const villages =
    villageRows?.length ??
    db()
      .select({ n: sql<number>`count(*)` })
      .from(areas)
      .where(and(eq(areas.level, "village"), like(areas.code, `${office.code}.%`)))
      .get()?.n ??
    0;
  const totals = districtRows ? districtRows.reduce((t, d) => add(t, d.counts), ZERO) : null;
  const districtNames = new Map(
    db()
      .select({ code: areas.code, name: areas.name })
      .from(areas)
      .where(and(eq(areas.level, "district"), like(areas.code, `${office.code}.%`)))
      .all()
      .map((a) => [a.code, a.name]),
  );

  const tables: Record<string, TableOptions> = {
    rekap: {
      columns: [
        { header: "Jumlah kecamatan", width: 2, align: "right" },
        { header: "Jumlah desa/kelurahan", width: 2, align: "right" },
        { header: "Laki-laki", width: 2, align: "right" },
        { header: "Perempuan", width: 2, align: "right" },
        { header: "Jumlah (L+P)", width: 2, align: "right" },
      ],
      rows: totals && districtRows ? [[n(districtRows.length), n(villages), n(totals.dl), n(totals.dp), n(totals.dl + totals.dp)]] : [["-", "-", "-", "-", "belum ada rekap"]],
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
      columns: [{ header: "No", width: 1, align: "right" }, { header: "Kecamatan", width: 4 }, ...COUNT_COLUMNS],
      rows: districtRows
        ? [...districtRows.map((d, i) => [String(i + 1), d.name, ...countCells(d.counts)]), ["", "JUMLAH", ...countCells(totals!)]]
        : [],
      boldRows: districtRows ? new Set([districtRows.length]) : undefined,
      fontSize: 8,
    },
    ...(villageRows && districtRows ? { lampiran_rekap_desa: villageTable(villageRows, districtRows) } : {}),
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
          `${CATEGORY_LABELS[p.category]}, Kec. ${districtNames.get(p.districtCode) ?? p.districtCode}: ${p.description} (${n(p.voters)} pemilih)`,
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
    logo: logoBytes(office.id),
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
      kantor_kapital: office.name.toUpperCase(),
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
      rekap_desa: villageRows ? "ya" : "",
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
  return documentBlocks(minutesContent(actor, meetingId, number, notes), source);
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

/** The frozen content ready for the PDF writer; the logo is the office's current one (not frozen). */
export function snapshotRenderInput(s: MinutesSnapshot, logo?: Buffer) {
  return {
    logo,
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
export function snapshotBlocks(s: MinutesSnapshot, logo = false) {
  const blocks = renderTemplate(compileTemplate(s.source, MINUTES_SCHEMA), s.data);
  const tables = Object.fromEntries(Object.entries(s.tables).map(([k, t]) => [k, { columns: t.columns, rows: t.rows, boldRows: t.boldRows ?? [] }]));
  return { blocks, tables, kop: s.kop, logo };
}
