import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/guard.server";
import { db } from "../../app/db.server";
import { formatNumber } from "../../app/domain/format";
import fs from "node:fs";
import path from "node:path";
import { minutesBlocks, minutesPdf, minutesSnapshot, minutesSubject, snapshotBlocks, snapshotRenderInput } from "../../app/models/minutes-document.server";
import { renderDocument } from "../../app/pdf/render.server";
import { officeByCode } from "../../db/factories";
import { meetings, recapRows, recaps } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { addFeedbackPoints, addVillageRecap } from "../helpers/minutes-fixture";
import { pdfText, qpdfCheck } from "../helpers/pdf";

beforeAll(() => {
  useTestDatabase();
});

describe("berita acara in words and figures", () => {
  it("subjects name the period with its ordinal in words", () => {
    expect(minutesSubject("open_quarterly", "2025-Q4")).toBe("REKAPITULASI DAFTAR PEMILIH BERKELANJUTAN TRIWULAN KEEMPAT TAHUN 2025");
    expect(minutesSubject("internal_monthly", "2021-06")).toBe("PENETAPAN DAFTAR PEMILIH BERKELANJUTAN BULAN JUNI TAHUN 2021");
    expect(minutesSubject("coordination_quarterly", "2024-Q1")).toMatch(/TRIWULAN KESATU TAHUN 2024$/);
  });

  it("the Jepara Triwulan II 2025 pleno: date in words, every kecamatan, the totals, signatories; a clean PDF", async () => {
    const jepara = officeByCode(db(), "33.20");
    const meeting = db().select().from(meetings).where(and(eq(meetings.officeId, jepara.id), eq(meetings.period, "2025-Q2"), eq(meetings.kind, "open_quarterly"))).get()!;
    const actor = { office: { id: jepara.id, timeZone: "Asia/Jakarta" }, user: { id: 1 } } as Actor;
    const { pdf } = await minutesPdf(actor, meeting.id, null);
    expect(qpdfCheck(pdf)).toContain("No syntax or stream encoding errors found");
    const text = pdfText(pdf).join("\n");
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("REKAPITULASI DAFTAR PEMILIH BERKELANJUTAN TRIWULAN KEDUA TAHUN 2025");
    expect(flat).toMatch(/Pada hari ini \w+, tanggal [a-z ]+ bulan Juli tahun dua ribu dua puluh lima/);
    expect(flat).toContain(formatNumber(928_809));
    const recap = db().select().from(recaps).where(eq(recaps.meetingId, meeting.id)).get()!;
    const rows = db().select().from(recapRows).where(eq(recapRows.recapId, recap.id)).all();
    expect(rows.length).toBe(16);
    for (const r of rows) expect(flat).toContain(formatNumber(r.dpbL + r.dpbP));
    expect(flat).toContain("Sugeng Riyadi");
    expect(flat).toContain("Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.");
    expect(text).toMatch(/Halaman 1 dari \d/);
  });
});

describe("the frozen version of a berita acara", () => {
  it("renders with the office's logo in the kop when one is uploaded, without it otherwise", async () => {
    const jepara = officeByCode(db(), "33.20");
    const meeting = db().select().from(meetings).where(and(eq(meetings.officeId, jepara.id), eq(meetings.period, "2025-Q2"), eq(meetings.kind, "open_quarterly"))).get()!;
    const actor = { office: { id: jepara.id, timeZone: "Asia/Jakarta" }, user: { id: 1 } } as Actor;
    const snapshot = minutesSnapshot(actor, meeting.id, "01/PL.01.2-BA/3320/2025", 1, "");
    const logo = fs.readFileSync(path.resolve("tests/fixtures/logo.png"));
    const images = (pdf: Buffer) => (pdf.toString("latin1").match(/\/Subtype\s*\/Image/g) ?? []).length;
    const withLogo = await renderDocument(snapshotRenderInput(snapshot, logo));
    const without = await renderDocument(snapshotRenderInput(snapshot));
    expect(images(withLogo)).toBeGreaterThan(0);
    expect(images(without)).toBe(0);
    expect(snapshotBlocks(snapshot, true).logo).toBe(true);
  });
});

describe("lampiran per desa and the feedback with the KPU's answers", () => {
  it("Tangerang Triwulan IV 2025 kept per desa: 29 kecamatan, 274 desa with subtotals, 40 points with answers; a clean PDF", async () => {
    const tangerang = officeByCode(db(), "36.03");
    const meeting = db().select().from(meetings).where(and(eq(meetings.officeId, tangerang.id), eq(meetings.period, "2025-Q4"), eq(meetings.kind, "open_quarterly"))).get()!;
    expect(addVillageRecap(db(), meeting.id)).toBe(274);
    addFeedbackPoints(db(), meeting.id, 40);
    const actor = { office: { id: tangerang.id, timeZone: "Asia/Jakarta" }, user: { id: 1 } } as Actor;

    const web = minutesBlocks(actor, meeting.id, null);
    const desa = web.tables.lampiran_rekap_desa;
    expect(desa.rows.filter((r) => r[2] === "Jumlah")).toHaveLength(29);
    expect(desa.rows.filter((r) => r[0] !== "")).toHaveLength(274);
    const kecamatan = web.tables.lampiran_rekap;
    // The desa table's grand total is the kecamatan table's total, and each subtotal its kecamatan's row.
    expect(desa.rows.at(-1)!.slice(3)).toEqual(kecamatan.rows.at(-1)!.slice(2));
    for (const k of kecamatan.rows.slice(0, -1)) expect(desa.rows.find((r) => r[1] === k[1] && r[2] === "Jumlah")!.slice(3)).toEqual(k.slice(2));
    expect(web.tables.rekap.rows[0].slice(0, 2)).toEqual(["29", "274"]);
    expect(web.tables.lampiran_tanggapan.rows).toHaveLength(40);
    expect(web.tables.lampiran_tanggapan.rows.filter((r) => r[3] === "belum dijawab")).toHaveLength(6);
    expect(web.tables.lampiran_tanggapan.rows[0][2]).toMatch(/Kec\. [A-Z]/);

    const { pdf } = await minutesPdf(actor, meeting.id, "07/PL.01.2-BA/3603/KPU-Kab/I/2026");
    expect(qpdfCheck(pdf)).toContain("No syntax or stream encoding errors found");
    const pages = pdfText(pdf);
    const flat = pages.join("\n").replace(/\s+/g, " ");
    expect(flat).toContain("Rincian rekapitulasi per kecamatan dan per desa/kelurahan serta tanggapan peserta");
    for (const r of desa.rows) expect(flat).toContain(r.at(-1)!);
    expect(flat.match(/belum dijawab/g)?.length).toBe(6);
    expect(flat).toMatch(/— Selesai|\bSelesai\b/);
    expect(flat).toMatch(/\bDitolak\b/);
    // The desa table runs over several pages, its header drawn again on each.
    const withDesaHeader = pages.filter((p) => p.includes("Kelurahan"));
    expect(withDesaHeader.length).toBeGreaterThan(3);
    expect(pages.at(-1)).toMatch(new RegExp(`Halaman ${pages.length} dari ${pages.length}`));
  });

  it("a recap kept per desa only gives the kecamatan table as the sum of its desa", () => {
    const jepara = officeByCode(db(), "33.20");
    const meeting = db().select().from(meetings).where(and(eq(meetings.officeId, jepara.id), eq(meetings.period, "2025-Q3"), eq(meetings.kind, "open_quarterly"))).get()!;
    const actor = { office: { id: jepara.id, timeZone: "Asia/Jakarta" }, user: { id: 1 } } as Actor;
    const before = minutesBlocks(actor, meeting.id, null).tables;
    addVillageRecap(db(), meeting.id);
    // Unlink the kecamatan recap: only the desa one is left for this meeting.
    db().update(recaps).set({ meetingId: null, period: "2099-Q1" }).where(and(eq(recaps.meetingId, meeting.id), eq(recaps.level, "kecamatan"))).run();
    const after = minutesBlocks(actor, meeting.id, null).tables;
    expect(after.lampiran_rekap.rows).toEqual(before.lampiran_rekap.rows);
    expect(after.rekap.rows[0][0]).toBe("16");
    expect(after.lampiran_rekap_desa.rows.length).toBeGreaterThan(100);
  });

  it("before the pleno determines it, a DPB pleno writes its period's recap not yet linked; a coordination meeting does not", () => {
    const cilacap = officeByCode(db(), "33.01");
    const actor = { office: { id: cilacap.id, timeZone: "Asia/Jakarta" }, user: { id: 1 } } as Actor;
    const pleno = db().select().from(meetings).where(and(eq(meetings.officeId, cilacap.id), eq(meetings.period, "2025-Q3"), eq(meetings.kind, "open_quarterly"))).get()!;
    const linked = minutesBlocks(actor, pleno.id, null).tables.lampiran_rekap.rows;
    db().update(recaps).set({ meetingId: null }).where(eq(recaps.meetingId, pleno.id)).run();
    expect(minutesBlocks(actor, pleno.id, null).tables.lampiran_rekap.rows).toEqual(linked);
    // The same meeting as a coordination meeting of the period: no recap of its own.
    db().update(meetings).set({ kind: "coordination_quarterly" }).where(eq(meetings.id, pleno.id)).run();
    expect(minutesBlocks(actor, pleno.id, null).tables.lampiran_rekap.rows).toEqual([]);
    db().update(meetings).set({ kind: "open_quarterly" }).where(eq(meetings.id, pleno.id)).run();
  });

  it("a meeting with a recap per kecamatan only has no desa table", () => {
    const jepara = officeByCode(db(), "33.20");
    const meeting = db().select().from(meetings).where(and(eq(meetings.officeId, jepara.id), eq(meetings.period, "2025-Q2"), eq(meetings.kind, "open_quarterly"))).get()!;
    const actor = { office: { id: jepara.id, timeZone: "Asia/Jakarta" }, user: { id: 1 } } as Actor;
    const web = minutesBlocks(actor, meeting.id, null);
    expect(web.tables.lampiran_rekap_desa).toBeUndefined();
    expect(JSON.stringify(web.blocks)).not.toContain("per desa/kelurahan");
    expect(web.blocks.some((b) => "text" in b && b.text.startsWith("Rincian rekapitulasi per kecamatan dan tanggapan peserta"))).toBe(true);
  });
});
