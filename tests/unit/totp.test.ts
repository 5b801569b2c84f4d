import { describe, expect, it } from "vitest";
import { base32Decode, base32Encode, hotp, matchingStep, otpauthUri, totp } from "../../app/domain/totp";

// RFC 6238 appendix B: the SHA-1 secret is "12345678901234567890"; 8-digit codes.
const SECRET = Buffer.from("12345678901234567890");

describe("TOTP (RFC 6238)", () => {
  it("gives the RFC's test vectors", () => {
    expect(totp(SECRET, new Date(59_000), 8)).toBe("94287082");
    expect(totp(SECRET, new Date(1_111_111_109_000), 8)).toBe("07081804");
    expect(totp(SECRET, new Date(1_234_567_890_000), 8)).toBe("89005924");
    expect(totp(SECRET, new Date(20_000_000_000_000), 8)).toBe("65353130");
    expect(hotp(SECRET, 0)).toBe("755224"); // RFC 4226 appendix D
  });

  it("base32 round-trips and reads what apps show", () => {
    expect(base32Encode(SECRET)).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq").equals(SECRET)).toBe(true);
  });

  it("accepts one step of drift and nothing else", () => {
    const at = new Date(1_700_000_000_000);
    const step = Math.floor(at.getTime() / 30_000);
    expect(matchingStep(SECRET, totp(SECRET, at), at)).toBe(step);
    expect(matchingStep(SECRET, totp(SECRET, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(matchingStep(SECRET, totp(SECRET, new Date(at.getTime() + 90_000)), at)).toBeNull();
    expect(matchingStep(SECRET, "12a456", at)).toBeNull();
  });

  it("makes the otpauth address authenticator apps scan", () => {
    expect(otpauthUri("ABC", "ketua@pleno.demo")).toBe("otpauth://totp/Pleno%3Aketua%40pleno.demo?secret=ABC&issuer=Pleno&algorithm=SHA1&digits=6&period=30");
  });
});
