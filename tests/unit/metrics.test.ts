import { describe, expect, it } from "vitest";
import {
  binIndexOf,
  dataPartnersPerQuarter,
  dpbOf,
  duplicateRate,
  feedbackAnswered,
  formatMetricValue,
  histogram,
  median,
  metricByCode,
  METRICS,
  metricValueProblem,
  newVoterRate,
  peerGroupOf,
  periodBounds,
  periodEnd,
  periodLabel,
  rankEntries,
  sealedWithin7Days,
  timeliness,
  tmsRate,
} from "../../app/domain/metrics";

const d = (iso: string) => new Date(iso);

describe("metric catalogue", () => {
  it("holds the board's metrics and the published ones, each with label, unit and direction", () => {
    const codes = METRICS.map((m) => m.code);
    for (const code of [
      "dpb",
      "new_voter_rate",
      "tms_rate",
      "duplicate_rate",
      "timeliness",
      "sealed_within_7_days",
      "feedback_answered",
      "data_partners_per_quarter",
      "dpt",
      "duplicate_rate_percent",
      "dpk_rate_percent",
      "operators",
      "new_voters",
      "tms",
      "corrections",
    ])
      expect(codes).toContain(code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(metricByCode("duplicate_rate")?.direction).toBe("lower");
    expect(metricByCode("timeliness")?.direction).toBe("higher");
    expect(metricByCode("nope")).toBeUndefined();
  });

  it("formats values by unit", () => {
    expect(formatMetricValue({ unit: "count" }, 876490)).toBe("876.490");
    expect(formatMetricValue({ unit: "ratio" }, 0.0064)).toBe("0,64 %");
    expect(formatMetricValue({ unit: "percent" }, 0.64)).toBe("0,64 %");
  });

  it("refuses values outside a unit's range", () => {
    expect(metricValueProblem({ unit: "count" }, 12.5)).toMatch(/bulat/);
    expect(metricValueProblem({ unit: "ratio" }, 1.2)).toMatch(/antara 0 dan 1/);
    expect(metricValueProblem({ unit: "percent" }, 120)).toMatch(/0 dan 100/);
    expect(metricValueProblem({ unit: "count" }, -1)).toMatch(/negatif/);
    expect(metricValueProblem({ unit: "percent" }, 0.64)).toBeNull();
  });
});

describe("formulas on hand-made data", () => {
  it("DPB(t) = DPB(t−1) + pemilih baru − TMS (Jepara, Triwulan II 2025)", () => {
    expect(dpbOf({ previousDpb: 919_276, newVoters: 12_143, tms: 2_610 })).toBe(928_809);
  });

  it("new voter and TMS rates over the previous DPB", () => {
    expect(newVoterRate({ newVoters: 50, previousDpb: 1000 })).toBe(0.05);
    expect(tmsRate({ tms: 20, previousDpb: 1000 })).toBe(0.02);
    expect(newVoterRate({ newVoters: 5, previousDpb: 0 })).toBeNull();
  });

  it("duplicate rate = TMS ganda / DPB (Jepara 2019: about 0,64 % of 876.490)", () => {
    expect(duplicateRate({ tmsDuplicate: 5_610, dpb: 876_490 })).toBeCloseTo(0.0064, 4);
    expect(duplicateRate({ tmsDuplicate: 3, dpb: 0 })).toBeNull();
  });

  it("timeliness counts due meetings and those held; held after the due date is late", () => {
    const asOf = d("2025-07-01T00:00:00Z");
    const meetings = [
      { dueAt: d("2025-03-31T16:59:00Z"), heldAt: d("2025-03-30T02:00:00Z") }, // on time
      { dueAt: d("2025-06-30T16:59:00Z"), heldAt: d("2025-07-01T00:00:00Z") }, // late: after due
      { dueAt: d("2025-06-15T16:59:00Z"), heldAt: null }, // overdue, not held
      { dueAt: d("2025-09-30T16:59:00Z"), heldAt: null }, // not yet due: not counted
    ];
    expect(timeliness(meetings, asOf)).toBeCloseTo(1 / 3);
    expect(timeliness([{ dueAt: d("2026-01-01T00:00:00Z"), heldAt: null }], asOf)).toBeNull();
  });

  it("sealed within 7 days counts unsealed ones only once their week is over", () => {
    const asOf = d("2025-12-20T00:00:00Z");
    const minutes = [
      { meetingAt: d("2025-12-01T02:00:00Z"), sealedAt: d("2025-12-08T02:00:00Z") }, // exactly 7 days
      { meetingAt: d("2025-12-01T02:00:00Z"), sealedAt: d("2025-12-08T02:00:01Z") }, // one second late
      { meetingAt: d("2025-12-02T02:00:00Z"), sealedAt: null }, // week over, unsealed
      { meetingAt: d("2025-12-18T02:00:00Z"), sealedAt: null }, // still has time: not counted
    ];
    expect(sealedWithin7Days(minutes, asOf)).toBeCloseTo(1 / 3);
  });

  it("feedback answered is the share of points with a follow-up", () => {
    expect(feedbackAnswered([{ answeredAt: d("2025-01-01") }, { answeredAt: null }, { answeredAt: d("2025-01-02") }, { answeredAt: null }])).toBe(0.5);
    expect(feedbackAnswered([])).toBeNull();
  });

  it("data partners per quarter counts distinct organisations inside the quarter in the office's zone", () => {
    const deliveries = [
      { organisationId: 1, deliveredAt: d("2025-03-31T16:59:59Z") }, // 31 Mar 23.59 WIB: Q1
      { organisationId: 2, deliveredAt: d("2025-03-31T17:00:00Z") }, // 1 Apr 00.00 WIB: Q2
      { organisationId: 2, deliveredAt: d("2025-05-10T03:00:00Z") }, // Q2 again, same organisation
      { organisationId: 3, deliveredAt: d("2025-06-30T16:00:00Z") }, // Q2
      { organisationId: 4, deliveredAt: d("2025-06-30T17:00:00Z") }, // 1 Jul WIB: Q3
    ];
    expect(dataPartnersPerQuarter(deliveries, "2025-Q2", "Asia/Jakarta")).toBe(2);
    expect(dataPartnersPerQuarter(deliveries, "2025-Q1", "Asia/Jakarta")).toBe(1);
    expect(() => dataPartnersPerQuarter(deliveries, "2025-05", "Asia/Jakarta")).toThrow();
  });
});

describe("periods", () => {
  it("sorts months, quarters and semesters on one scale and labels them", () => {
    expect(periodEnd("2025-Q2")).toBe(202506);
    expect(periodEnd("2025-S1")).toBe(202506);
    expect(periodEnd("2021-05")).toBe(202105);
    expect(periodLabel("2025-Q4")).toBe("Triwulan IV 2025");
    expect(periodLabel("2025-S2")).toBe("Semester II 2025");
    expect(periodLabel("2021-12")).toBe("Desember 2021");
    expect(() => periodEnd("2025-Q5")).toThrow();
  });

  it("bounds a period in the office's zone", () => {
    const b = periodBounds("2025-Q1", "Asia/Jayapura")!;
    expect(b.start.toISOString()).toBe("2024-12-31T15:00:00.000Z");
    expect(b.end.toISOString()).toBe("2025-03-31T15:00:00.000Z");
  });
});

describe("ranking, peers, distribution", () => {
  it("ranks best first by direction with shared ranks for ties", () => {
    const entries = [
      { id: "a", value: 0.5 },
      { id: "b", value: 0.2 },
      { id: "c", value: 0.5 },
      { id: "d", value: 0.9 },
    ];
    expect(rankEntries(entries, "lower").map((e) => `${e.id}${e.rank}`)).toEqual(["b1", "a2", "c2", "d4"]);
    expect(rankEntries(entries, "higher").map((e) => `${e.id}${e.rank}`)).toEqual(["d1", "a2", "c2", "b4"]);
  });

  it("puts offices of similar DPB size in one peer group", () => {
    expect(peerGroupOf(93_515)).toBe("kecil");
    expect(peerGroupOf(250_000)).toBe("sedang");
    expect(peerGroupOf(928_809)).toBe("besar");
    expect(peerGroupOf(1_090_578)).toBe("sangat-besar");
    expect(peerGroupOf(2_188_124)).toBe("terbesar");
    expect(peerGroupOf(null)).toBeNull();
  });

  it("bins values and finds the bin of a value, the maximum in the last bin", () => {
    const bins = histogram([0, 1, 2, 3, 4, 10], 5);
    expect(bins).toHaveLength(5);
    expect(bins.map((b) => b.count)).toEqual([2, 2, 1, 0, 1]);
    expect(binIndexOf(10, bins)).toBe(4);
    expect(binIndexOf(2.5, bins)).toBe(1);
    expect(histogram([], 5)).toEqual([]);
    expect(histogram([3, 3], 5)).toEqual([{ from: 3, to: 3, count: 2 }]);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
