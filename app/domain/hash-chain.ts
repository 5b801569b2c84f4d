import { createHash } from "node:crypto";

/**
 * The public register of published documents is a hash chain: each entry holds the SHA-256 of its
 * PDF and of the previous entry, so removing, inserting or changing any entry is detectable.
 */
export const GENESIS_HASH = "0".repeat(64);

export type ChainFields = {
  seq: number;
  officeCode: string;
  documentNumber: string;
  documentSha256: string;
  publishedAt: string; // ISO instant
  previousHash: string;
};

export type ChainEntry = ChainFields & { entryHash: string };

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** The entry's own hash over its fields in a fixed order (no JSON key-order surprises). */
export function entryHash(f: ChainFields): string {
  return sha256Hex(
    [f.seq, f.officeCode, f.documentNumber, f.documentSha256, f.publishedAt, f.previousHash].join("\n"),
  );
}

export function nextEntry(previous: ChainEntry | null, fields: Omit<ChainFields, "seq" | "previousHash">): ChainEntry {
  const base: ChainFields = {
    ...fields,
    seq: previous ? previous.seq + 1 : 1,
    previousHash: previous ? previous.entryHash : GENESIS_HASH,
  };
  return { ...base, entryHash: entryHash(base) };
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; seq: number; reason: string };

/** Checks the whole chain in order and names the first entry where it breaks. */
export function verifyChain(entries: ChainEntry[]): ChainCheck {
  let previousHash = GENESIS_HASH;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1) return { ok: false, seq: e.seq, reason: `nomor urut ${e.seq} seharusnya ${i + 1} (entri hilang atau disisipkan)` };
    if (e.previousHash !== previousHash) return { ok: false, seq: e.seq, reason: "hash entri sebelumnya tidak cocok" };
    if (entryHash(e) !== e.entryHash) return { ok: false, seq: e.seq, reason: "isi entri telah diubah" };
    previousHash = e.entryHash;
  }
  return { ok: true, entries: entries.length };
}
