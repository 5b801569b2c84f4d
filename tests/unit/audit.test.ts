import { describe, expect, it } from "vitest";
import { AUDIT_LABELS, auditDetailJson, clip, describeAudit, parseAuditDetail } from "../../app/domain/audit";
import { AUDIT_ACTIONS } from "../../app/domain/enums";

describe("audit log wording and bounds", () => {
  it("every action has Indonesian words", () => {
    for (const a of AUDIT_ACTIONS) expect(AUDIT_LABELS[a]).toMatch(/^[A-Z][a-z]/);
  });

  it("describes a row with its version, number, file and reason", () => {
    expect(describeAudit("disunting", { version: 3 })).toBe("Disunting (versi 3)");
    expect(describeAudit("dibatalkan", { number: "01/BA", reason: "Rapat diulang" })).toBe("Dibatalkan (nomor 01/BA): Rapat diulang");
    expect(describeAudit("diunduh", { file: "ba.pdf", draft: true })).toBe("Diunduh (ba.pdf, draf tanpa nomor)");
    expect(describeAudit("dibuat", {})).toBe("Dibuat");
    expect(describeAudit("ditandatangani", { version: 2, sha256: "a".repeat(64) })).toBe("Ditandatangani (versi 2, SHA-256 aaaaaaaaaaaa…)");
  });

  it("keeps only known keys and clips long texts without splitting a character", () => {
    const json = auditDetailJson({ reason: "🙂".repeat(600), version: 2, ...({ evil: "x" } as object) });
    const back = parseAuditDetail(json);
    expect(Object.keys(back).sort()).toEqual(["reason", "version"]);
    expect(Array.from(back.reason!)).toHaveLength(500);
    expect(json.length).toBeLessThan(2000);
    expect(parseAuditDetail(auditDetailJson({ sha256: "not-a-hash" }))).toEqual({});
    expect(clip("abc", 2)).toBe("ab");
    expect(clip(null, 2)).toBe("");
  });

  it("reads broken or non-object JSON as no detail", () => {
    expect(parseAuditDetail("not json")).toEqual({});
    expect(parseAuditDetail("[1]")).toEqual({});
  });
});
