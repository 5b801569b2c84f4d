import { describe, expect, it } from "vitest";
import {
  comparisonFlags,
  computeDpb,
  computeRow,
  parseCount,
  periodEnd,
  periodLabel,
  sumLP,
  totalRow,
  validateRows,
  type RecapRow,
  type ValidationContext,
} from "../../app/domain/recap";

/** Jepara Triwulan II 2025, split into L and P as the published L+P allows. */
const jepara: RecapRow = {
  areaCode: "33.20",
  previous: { l: 459_000, p: 460_276 },
  newVoters: { l: 6_100, p: 6_043 },
  tms: { "1": { l: 900, p: 800 }, "2": { l: 500, p: 410 } },
  corrections: { l: 3_900, p: 3_877 },
};

describe("DPB rule", () => {
  it("reproduces Jepara Triwulan II 2025: 919,276 + 12,143 − 2,610 = 928,809", () => {
    expect(sumLP(jepara.previous)).toBe(919_276);
    expect(sumLP(jepara.newVoters)).toBe(12_143);
    const row = computeRow(jepara);
    expect(sumLP(row.tmsTotal)).toBe(2_610);
    expect(sumLP(row.dpb)).toBe(928_809);
    expect(row.dpb).toEqual({ l: 459_000 + 6_100 - 1_400, p: 460_276 + 6_043 - 1_210 });
  });

  it("perbaikan data (7,777) does not change the total", () => {
    expect(sumLP(jepara.corrections)).toBe(7_777);
    const without = computeDpb({ ...jepara, corrections: { l: 0, p: 0 } });
    expect(computeDpb(jepara)).toEqual(without);
  });

  it("totals add every area and every category", () => {
    const a = computeRow(jepara);
    const b = computeRow({ ...jepara, areaCode: "x", tms: { "1": { l: 1, p: 2 } } });
    const t = totalRow([a, b], ["1", "2"]);
    expect(t.dpb.l).toBe(a.dpb.l + b.dpb.l);
    expect(t.tms["1"]).toEqual({ l: 901, p: 802 });
    expect(t.tms["2"]).toEqual({ l: 500, p: 410 });
  });
});

describe("periods", () => {
  it("orders months, quarters and semesters by their last month", () => {
    expect(periodEnd("2025-Q2")).toBe(202506);
    expect(periodEnd("2024-11")).toBe(202411);
    expect(periodEnd("2025-S1")).toBe(202506);
    expect(periodLabel("2025-Q2")).toBe("Triwulan II 2025");
    expect(periodLabel("2021-05")).toBe("Mei 2021");
    expect(() => periodEnd("2025-13")).toThrow();
  });
});

describe("parseCount", () => {
  it("accepts integers and id-ID thousands, refuses the rest", () => {
    expect(parseCount("12143")).toEqual({ ok: true, value: 12143 });
    expect(parseCount("12.143")).toEqual({ ok: true, value: 12143 });
    expect(parseCount("")).toEqual({ ok: true, value: 0 });
    expect(parseCount("-3").ok).toBe(false);
    expect(parseCount("2,5")).toEqual({ ok: false, message: "Harus bilangan bulat." });
    expect(parseCount(2.5).ok).toBe(false);
    expect(parseCount("abc").ok).toBe(false);
  });
});

const ctx = (determined: Map<string, { l: number; p: number }> | null = null): ValidationContext => ({
  categoryCodes: ["1", "2"],
  areasByCode: new Map([
    ["33.20.01", "Kedung"],
    ["33.20.02", "Pecangaan"],
  ]),
  areaCodeByName: new Map([
    ["kedung", "33.20.01"],
    ["pecangaan", "33.20.02"],
  ]),
  determinedPrevious: determined,
});

describe("validateRows", () => {
  it("accepts a good row by name and computes nothing wrong", () => {
    const { rows, problems } = validateRows(
      [{ line: 2, cells: { area: "Kecamatan Kedung", "previous.l": "100", "previous.p": "90", "newVoters.l": "5", "tms.1.l": "2", "dpb.l": "103", "dpb.lp": "193" } }],
      ctx(),
    );
    expect(problems).toEqual([]);
    expect(rows[0].areaCode).toBe("33.20.01");
  });

  it("reports every problem by row and column", () => {
    const { problems } = validateRows(
      [
        { line: 2, cells: { area: "Atlantis", "previous.l": "-1", "previous.p": "1,5" } },
        { line: 3, cells: { area: "33.20.02", "previous.l": "10", "tms.1.l": "8", "tms.2.l": "5", "dpb.lp": "999" } },
        { line: 4, cells: { area: "Pecangaan" } },
      ],
      ctx(),
    );
    const at = problems.map((p) => `${p.row}:${p.column}`);
    expect(at).toEqual(["2:area", "2:previous.l", "2:previous.p", "3:dpb.lp", "3:tmsTotal.l", "4:area"]);
    expect(problems[4].message).toContain("melebihi");
  });

  it("refuses a previous DPB that differs from the determined one", () => {
    const determined = new Map([["33.20.01", { l: 100, p: 90 }]]);
    const { problems } = validateRows([{ line: 1, cells: { area: "33.20.01", "previous.l": "100", "previous.p": "91" } }], ctx(determined));
    expect(problems).toHaveLength(1);
    expect(problems[0].column).toBe("previous.p");
    expect(problems[0].message).toContain("90");
  });
});

describe("comparison flags", () => {
  const row = (code: string, prev: number, tms: number, add = 0) =>
    computeRow({ areaCode: code, previous: { l: prev, p: 0 }, newVoters: { l: add, p: 0 }, tms: { "1": { l: tms, p: 0 } }, corrections: { l: 0, p: 0 } });

  it("flags TMS above 2 % of the DPB, and not at 2 %", () => {
    const flags = comparisonFlags([row("a", 1000, 30), row("b", 1020, 20)], null, 0);
    expect(flags.map((f) => `${f.areaCode}:${f.kind}`)).toEqual(["a:tms_high"]);
  });

  it("flags a fall in DPB larger than its TMS against the previous period", () => {
    const previous = new Map([["a", { l: 1200, p: 0 }]]);
    const flags = comparisonFlags([row("a", 1000, 10)], previous, 0);
    expect(flags.map((f) => f.kind)).toEqual(["dpb_fall"]);
  });

  it("flags pemilih baru beyond what the deliveries produced", () => {
    expect(comparisonFlags([row("a", 1000, 0, 50)], null, 50)).toEqual([]);
    const flags = comparisonFlags([row("a", 1000, 0, 50)], null, 20);
    expect(flags[0].kind).toBe("new_without_source");
    expect(flags[0].message).toContain("30 tanpa sumber");
  });
});
