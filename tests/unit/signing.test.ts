import { describe, expect, it } from "vitest";
import { allSigned, looksLikePdf, mayDecideNow, splitByAttendance, VERIFY_CODE, type Signatory } from "../../app/domain/signing";

const sig = (membershipId: number, position: "ketua" | "anggota", status: Signatory["status"] = "menunggu"): Signatory => ({ membershipId, position, status });

describe("signing rules", () => {
  it("signatories are the commissioners present; the others are absent, including those not yet recorded", () => {
    const { signers, absent } = splitByAttendance([
      { id: 1, status: "hadir" as const },
      { id: 2, status: "sakit" as const },
      { id: 3, status: null },
    ]);
    expect(signers.map((s) => s.id)).toEqual([1]);
    expect(absent.map((s) => s.id)).toEqual([2, 3]);
  });

  it("parallel by default; with ketua last the ketua waits for every other signatory", () => {
    const list = [sig(1, "ketua"), sig(2, "anggota"), sig(3, "anggota", "ditandatangani")];
    expect(mayDecideNow(list, 1, false)).toEqual({ ok: true });
    expect(mayDecideNow(list, 1, true)).toEqual({ ok: false, message: expect.stringMatching(/masih menunggu 1 tanda tangan/) });
    expect(mayDecideNow(list, 2, true)).toEqual({ ok: true });
    expect(mayDecideNow([sig(1, "ketua"), sig(2, "anggota", "ditandatangani")], 1, true)).toEqual({ ok: true });
  });

  it("refuses someone absent and a second decision", () => {
    const list = [sig(1, "ketua", "ditandatangani"), sig(2, "anggota", "ditolak")];
    expect(mayDecideNow(list, 9, false)).toMatchObject({ ok: false, message: expect.stringMatching(/tidak tercatat hadir/) });
    expect(mayDecideNow(list, 1, false)).toMatchObject({ ok: false, message: "Anda sudah menandatangani versi ini." });
    expect(mayDecideNow(list, 2, false)).toMatchObject({ ok: false, message: "Anda sudah menolak versi ini." });
  });

  it("all signed only when there is someone and everyone signed", () => {
    expect(allSigned([])).toBe(false);
    expect(allSigned([sig(1, "ketua", "ditandatangani"), sig(2, "anggota")])).toBe(false);
    expect(allSigned([sig(1, "ketua", "ditandatangani")])).toBe(true);
  });

  it("a PDF is recognised by content, not by its name", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(looksLikePdf(enc("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n"))).toBe(true);
    expect(looksLikePdf(enc("Ini teks biasa bernama berkas.pdf"))).toBe(false);
    expect(looksLikePdf(enc("%PDF-1.7 terpotong tanpa akhir"))).toBe(false);
  });

  it("verification codes are 20 base64url characters", () => {
    expect(VERIFY_CODE.test("tBsYW4P-QLKbUj_252KR")).toBe(true);
    expect(VERIFY_CODE.test("../../etc/passwd")).toBe(false);
    expect(VERIFY_CODE.test("tBsYW4P-QLKbUj_252K")).toBe(false);
  });
});
