import { describe, expect, it } from "vitest";
import { makeLinkToken, readLinkToken } from "../../app/auth/link-token.server";
import { RateLimiter } from "../../app/lib/rate-limit";

const SECRET = "s".repeat(40);

describe("link tokens", () => {
  it("round-trip the id and version they were made for", () => {
    const token = makeLinkToken("feedback", 1234, 2, SECRET);
    expect(readLinkToken("feedback", token, SECRET)).toEqual({ id: 1234, version: 2 });
  });

  it("cannot be forged by changing the id or the version", () => {
    const token = makeLinkToken("feedback", 1234, 2, SECRET);
    const [, , mac] = token.split(".");
    expect(readLinkToken("feedback", `${(1235).toString(36)}.2.${mac}`, SECRET)).toBeNull();
    expect(readLinkToken("feedback", `${(1234).toString(36)}.3.${mac}`, SECRET)).toBeNull();
  });

  it("depend on the server secret", () => {
    const token = makeLinkToken("feedback", 7, 1, SECRET);
    expect(readLinkToken("feedback", token, "t".repeat(40))).toBeNull();
  });

  it.each(["", "abc", "1.1.short", "1.1." + "A".repeat(44), "../1.1." + "A".repeat(43), "1;DROP.1." + "A".repeat(43)])(
    "reject malformed token %s",
    (token) => {
      expect(readLinkToken("feedback", token, SECRET)).toBeNull();
    },
  );

  it("are long enough not to be guessed (256-bit MAC)", () => {
    const mac = makeLinkToken("feedback", 1, 1, SECRET).split(".")[2];
    expect(Buffer.from(mac, "base64url")).toHaveLength(32);
  });
});

describe("rate limiter", () => {
  it("allows up to the limit in a window, then refuses until the window ends", () => {
    const limiter = new RateLimiter(3, 1000);
    const t = 1_000_000;
    expect([1, 2, 3].map(() => limiter.take("a", t).allowed)).toEqual([true, true, true]);
    const refused = limiter.take("a", t + 10);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(1);
    expect(limiter.take("b", t + 10).allowed).toBe(true);
    expect(limiter.take("a", t + 1001).allowed).toBe(true);
  });
});
