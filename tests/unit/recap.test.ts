import { describe, expect, it } from "vitest";
import { computeRow, flagRows, lp, total, totals, validateRows, type RecapRowInput } from "../../app/domain/recap";

const row = (areaCode: string, over: Partial<RecapRowInput> = {}): RecapRowInput => ({
  areaCode,
  previous: lp(1000, 1000),
  newVoters: lp(10, 12),
  tms: { "1": lp(3, 2), "2": lp(1, 1) },
  corrections: lp(5, 5),
  ...over,
});

describe("the DPB rule", () => {
  it("DPB = previous + new voters − TMS, per sex, corrections left out", () => {
    const r = computeRow(row("33.20.01"));
    expect(r.dpb).toEqual({ l: 1006, p: 1009 });
    expect(total(r.dpb)).toBe(2015);
  });

  it("continues on the published figures: Jepara Triwulan II 2025", () => {
    // Published: 919,276 + 12,143 − 2,610 = 928,809; 7,777 corrected records do not change it.
    const r = computeRow({
      areaCode: "33.20",
      previous: lp(459_000, 460_276),
      newVoters: lp(6_100, 6_043),
      tms: { meninggal: lp(1_000, 900), ganda: lp(300, 410) },
      corrections: lp(3_900, 3_877),
    });
    expect(total(r.previous) + total(r.newVoters) - total(r.tmsTotal)).toBe(928_809);
    expect(total(r.dpb)).toBe(928_809);
    expect(total(r.corrections)).toBe(7_777);
  });

  it("totals add every column", () => {
    const t = totals([computeRow(row("a")), computeRow(row("b"))]);
    expect(t.dpb).toEqual({ l: 2012, p: 2018 });
    expect(t.tms["1"]).toEqual({ l: 6, p: 4 });
  });
});

describe("validation", () => {
  it("finds negative and fractional numbers, TMS beyond what exists, a previous DPB that differs, duplicates", () => {
    const problems = validateRows(
      [
        row("a", { newVoters: lp(-1, 2.5) }),
        row("b", { tms: { "1": lp(2000, 0) } }),
        row("c", { previous: lp(999, 1000) }),
        row("c"),
      ],
      new Map([["c", lp(1000, 1000)]]),
    );
    expect(problems.map((p) => `${p.areaCode} ${p.column}`)).toEqual([
      "a Pemilih baru L",
      "a Pemilih baru P",
      "b TMS L",
      "c DPB sebelumnya",
      "c wilayah",
    ]);
  });
});

describe("flags for the pleno", () => {
  it("TMS above 2 %, a fall larger than TMS, new voters without a source", () => {
    const high = computeRow(row("a", { tms: { "1": lp(30, 20) } }));
    const fall = computeRow(row("b"));
    const flags = flagRows([high, fall], new Map([["b", lp(1100, 1000)]]), false);
    expect(flags.map((f) => `${f.areaCode} ${f.kind}`)).toEqual([
      "a tms_high",
      "a new_without_source",
      "b fall_beyond_tms",
      "b new_without_source",
    ]);
    expect(flagRows([fall], new Map(), true)).toEqual([]);
  });
});
