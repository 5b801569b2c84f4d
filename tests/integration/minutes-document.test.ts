import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/guard.server";
import { db } from "../../app/db.server";
import { formatNumber } from "../../app/domain/format";
import { minutesPdf, minutesSubject } from "../../app/models/minutes-document.server";
import { officeByCode } from "../../db/factories";
import { meetings, recapRows, recaps } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
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
