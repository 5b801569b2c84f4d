import { describe, expect, it } from "vitest";
import { nextNonce } from "../../app/http.server";

describe("CSP nonces", () => {
  it("are 128-bit base64 values that never repeat, also across refills of the pool", () => {
    const seen = new Set<string>();
    // 256 nonces fill one pool: 1000 cross three refills.
    for (let i = 0; i < 1000; i++) {
      const n = nextNonce();
      expect(Buffer.from(n, "base64")).toHaveLength(16);
      expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      seen.add(n);
    }
    expect(seen.size).toBe(1000);
  });
});
