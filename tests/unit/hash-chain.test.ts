import { describe, expect, it } from "vitest";
import { GENESIS_HASH, nextEntry, sha256Hex, verifyChain, type ChainEntry } from "../../app/domain/hash-chain";

function chain(n: number): ChainEntry[] {
  const out: ChainEntry[] = [];
  for (let i = 0; i < n; i++) {
    out.push(
      nextEntry(out.at(-1) ?? null, {
        officeCode: "33.20",
        documentNumber: `${i + 1}/PL.01.2-BA/3320/KPU-Kab/XII/2025`,
        documentSha256: sha256Hex(`pdf ${i}`),
        publishedAt: new Date(Date.UTC(2025, 11, i + 1)).toISOString(),
      }),
    );
  }
  return out;
}

describe("hash chain of the published register", () => {
  it("starts from the genesis hash and links every entry to the one before", () => {
    const c = chain(4);
    expect(c[0].previousHash).toBe(GENESIS_HASH);
    expect(c[2].previousHash).toBe(c[1].entryHash);
    expect(verifyChain(c)).toEqual({ ok: true, entries: 4 });
  });

  it("names the entry whose content was changed", () => {
    const c = chain(5);
    c[2] = { ...c[2], documentSha256: sha256Hex("another pdf") };
    expect(verifyChain(c)).toMatchObject({ ok: false, seq: 3, reason: "isi entri telah diubah" });
  });

  it("detects a removed entry and a re-hashed forgery", () => {
    const c = chain(5);
    expect(verifyChain([...c.slice(0, 2), ...c.slice(3)])).toMatchObject({ ok: false, seq: 4 });
    const forged = chain(5);
    const fake = nextEntry(forged[1], { officeCode: "33.20", documentNumber: "X", documentSha256: "f".repeat(64), publishedAt: "2025-12-03T00:00:00.000Z" });
    forged[2] = fake;
    expect(verifyChain(forged)).toMatchObject({ ok: false, seq: 4, reason: "hash entri sebelumnya tidak cocok" });
  });
});
