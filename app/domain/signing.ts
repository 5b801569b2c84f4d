/** Rules of signing a berita acara, without I/O (tests/unit/signing.test.ts). */
import type { AttendanceStatus, SignatureStatus } from "./enums";

export type Signatory = { membershipId: number; position: "ketua" | "anggota" | null; status: SignatureStatus };

/** The commissioners present sign; the others are listed with why they were absent. */
export function splitByAttendance<T extends { status: AttendanceStatus | null }>(attendance: T[]) {
  return {
    signers: attendance.filter((a) => a.status === "hadir"),
    absent: attendance.filter((a) => a.status !== "hadir"),
  };
}

/**
 * Whether `who` may sign now. Signing is parallel; with "ketua menandatangani terakhir" the ketua
 * waits until every other signatory has signed.
 */
export function mayDecideNow(signatories: Signatory[], who: number, ketuaSignsLast: boolean): { ok: true } | { ok: false; message: string } {
  const me = signatories.find((s) => s.membershipId === who);
  if (!me) return { ok: false, message: "Anda tidak tercatat hadir pada rapat ini, sehingga bukan penanda tangan berita acara ini." };
  if (me.status === "ditandatangani") return { ok: false, message: "Anda sudah menandatangani versi ini." };
  if (me.status === "ditolak") return { ok: false, message: "Anda sudah menolak versi ini." };
  if (ketuaSignsLast && me.position === "ketua") {
    const waiting = signatories.filter((s) => s.membershipId !== who && s.status !== "ditandatangani").length;
    if (waiting > 0) return { ok: false, message: `Kantor ini menetapkan ketua menandatangani terakhir; masih menunggu ${waiting} tanda tangan anggota.` };
  }
  return { ok: true };
}

export function allSigned(signatories: Pick<Signatory, "status">[]): boolean {
  return signatories.length > 0 && signatories.every((s) => s.status === "ditandatangani");
}

/** A verification code: 120 random bits in base64url (20 characters), never derived from the id. */
export const VERIFY_CODE = /^[A-Za-z0-9_-]{20}$/;

/** A PDF is recognised by its content, not its name: "%PDF-" in the first 1 KiB and "%%EOF" near the end. */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const latin1 = new TextDecoder("latin1");
  const head = latin1.decode(bytes.subarray(0, 1024));
  const tail = latin1.decode(bytes.subarray(Math.max(0, bytes.length - 2048)));
  return head.includes("%PDF-") && tail.includes("%%EOF");
}
