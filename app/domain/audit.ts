/**
 * How the audit log reads to people, and the bounds of what a row may hold. Pure: used by the
 * document page, the dossier's CSV and the model that writes rows.
 */
import type { AuditAction } from "./enums";

export const AUDIT_LABELS: Record<AuditAction, string> = {
  dibuat: "Dibuat",
  dinomori: "Diberi nomor",
  disunting: "Disunting",
  diajukan: "Diajukan kepada komisioner",
  dilihat_penandatangan: "Dilihat oleh penanda tangan",
  ditandatangani: "Ditandatangani",
  ditolak: "Ditolak penanda tangan",
  disegel: "Disegel",
  diterbitkan: "Diterbitkan",
  diganti: "Diganti versi baru",
  diunduh: "Diunduh",
  dibatalkan: "Dibatalkan",
  pindaian_diunggah: "Pindaian bertanda tangan diunggah",
};

/** What a row may say beside its action; every field optional, all short. */
export type AuditDetail = {
  version?: number;
  number?: string;
  reason?: string;
  file?: string;
  draft?: boolean;
  /** SHA-256 (hex) of the file the action was about, e.g. the version signed. */
  sha256?: string;
};

export const AUDIT_BOUNDS = { ip: 64, userAgent: 300, userName: 200, text: 500 } as const;

/** Cuts a text to `max` characters (by code point, so a surrogate pair is never split). */
export function clip(value: string | null | undefined, max: number): string {
  const chars = Array.from(value ?? "");
  return chars.length > max ? chars.slice(0, max).join("") : chars.join("");
}

/** The detail as stored: known keys only, texts clipped, so the JSON stays well under 2.000 chars. */
export function auditDetailJson(detail: AuditDetail = {}): string {
  const out: AuditDetail = {};
  if (Number.isSafeInteger(detail.version)) out.version = detail.version;
  if (detail.number) out.number = clip(detail.number, 100);
  if (detail.reason) out.reason = clip(detail.reason, AUDIT_BOUNDS.text);
  if (detail.file) out.file = clip(detail.file, 200);
  if (detail.draft) out.draft = true;
  if (detail.sha256 && /^[0-9a-f]{64}$/.test(detail.sha256)) out.sha256 = detail.sha256;
  return JSON.stringify(out);
}

export function parseAuditDetail(json: string): AuditDetail {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as AuditDetail) : {};
  } catch {
    return {};
  }
}

/** One line in Bahasa Indonesia: "Disunting (versi 3)", "Dibatalkan: alasan …". */
export function describeAudit(action: AuditAction, detail: AuditDetail): string {
  const parts: string[] = [];
  if (detail.number) parts.push(`nomor ${detail.number}`);
  if (detail.version) parts.push(`versi ${detail.version}`);
  if (detail.file) parts.push(detail.file);
  if (detail.draft) parts.push("draf tanpa nomor");
  if (detail.sha256) parts.push(`SHA-256 ${detail.sha256.slice(0, 12)}…`);
  const label = AUDIT_LABELS[action] ?? action;
  const head = parts.length ? `${label} (${parts.join(", ")})` : label;
  return detail.reason ? `${head}: ${detail.reason}` : head;
}
