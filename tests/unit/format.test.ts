import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatTime,
  numberFormat,
  utcToZoned,
  zonedToUtc,
  zoneLabel,
} from "../../app/domain/format";

describe("id-ID formatting", () => {
  it("numbers use dots for thousands", () => {
    expect(formatNumber(876490)).toBe("876.490");
    expect(formatNumber(2188124)).toBe("2.188.124");
  });

  it("remembered figures are written as Intl writes them, each set of options apart, -0 too", () => {
    const intl = (o: Intl.NumberFormatOptions, v: number) => new Intl.NumberFormat("id-ID", o).format(v);
    const two = { minimumFractionDigits: 2, maximumFractionDigits: 2 };
    const none = { maximumFractionDigits: 0 };
    for (let round = 0; round < 2; round++) {
      for (const v of [0, -0, 1234.5678, 0.005, -17.25, 1e9, NaN]) {
        expect(numberFormat(two).format(v)).toBe(intl(two, v));
        expect(numberFormat(none).format(v)).toBe(intl(none, v));
      }
    }
    expect(numberFormat(two).format(-0)).toBe(intl(two, -0));
    expect(numberFormat(two).format(0)).toBe("0,00");
    // More distinct figures than it keeps: still right.
    for (let i = 0; i < 6_000; i++) expect(numberFormat(none).format(i * 3)).toBe(intl(none, i * 3));
    expect(formatNumber(-0)).toBe(intl(none, -0));
  });

  it("percentages use a decimal comma", () => {
    expect(formatPercent(0.0064)).toBe("0,64 %");
    expect(formatPercent(0.011, 1)).toBe("1,1 %");
  });

  it("dates and times are shown in the office's zone with its label", () => {
    const instant = new Date("2025-12-08T02:00:00Z");
    expect(formatDate(instant, "Asia/Jakarta")).toBe("Senin, 8 Desember 2025");
    expect(formatTime(instant, "Asia/Jakarta")).toBe("09.00 WIB");
    expect(formatTime(instant, "Asia/Makassar")).toBe("10.00 WITA");
    expect(formatTime(instant, "Asia/Jayapura")).toBe("11.00 WIT");
    expect(formatDateTime(instant, "Asia/Jakarta")).toBe("Senin, 8 Desember 2025 pukul 09.00 WIB");
  });

  it("a date near midnight falls on the right day in each zone", () => {
    const instant = new Date("2025-12-31T16:30:00Z");
    expect(formatDate(instant, "Asia/Jakarta", false)).toBe("31 Desember 2025");
    expect(formatDate(instant, "Asia/Jayapura", false)).toBe("1 Januari 2026");
  });

  it("wall-clock time converts to and from UTC in the three zones", () => {
    expect(zonedToUtc("2025-12-08", "09:00", "Asia/Jayapura").toISOString()).toBe("2025-12-08T00:00:00.000Z");
    expect(formatTime(zonedToUtc("2025-12-08", "09:00", "Asia/Jayapura"), "Asia/Jakarta")).toBe("07.00 WIB");
    expect(zonedToUtc("2025-01-01", "06:00", "Asia/Jakarta").toISOString()).toBe("2024-12-31T23:00:00.000Z");
    expect(utcToZoned(new Date("2024-12-31T23:00:00Z"), "Asia/Jakarta")).toEqual({ date: "2025-01-01", time: "06:00" });
    expect(zoneLabel("Asia/Makassar")).toBe("WITA");
  });
});
