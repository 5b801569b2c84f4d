import { describe, expect, it } from "vitest";
import { linearScale, monthIndex, niceStep, niceTicks, shorten } from "../../app/components/charts/scale";

describe("chart scales", () => {
  it("picks round steps and ticks that cover the data", () => {
    expect(niceStep(100, 4)).toBe(25);
    expect(niceStep(0.011, 4)).toBeCloseTo(0.0025);
    expect(niceTicks(0, 928_809, 4)).toEqual([0, 250_000, 500_000, 750_000, 1_000_000]);
    const t = niceTicks(0.0013, 0.0107, 4);
    expect(t[0]).toBeLessThanOrEqual(0.0013);
    expect(t[t.length - 1]).toBeGreaterThanOrEqual(0.0107);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
    expect(niceTicks(5, 5).length).toBeGreaterThan(1);
  });

  it("maps linearly and handles a flat domain", () => {
    expect(linearScale(0, 10, 100, 200)(5)).toBe(150);
    expect(linearScale(3, 3, 0, 10)(3)).toBe(5);
  });

  it("puts months and quarter ends on one axis", () => {
    expect(monthIndex(202506) - monthIndex(202503)).toBe(3);
    expect(monthIndex(202501) - monthIndex(202412)).toBe(1);
    expect(shorten("KPU Kabupaten Tangerang", 10)).toBe("KPU Kabup…");
  });
});
