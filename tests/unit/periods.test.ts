import { describe, expect, it } from "vitest";
import { formatTime, zonedToUtc } from "../../app/domain/format";
import {
  describeDayRule,
  dueDate,
  meetingDate,
  parsePeriod,
  periodInWords,
  periodRange,
  periodsOfYear,
  previousPeriod,
} from "../../app/domain/periods";

describe("periods", () => {
  it("parse the three shapes and refuse others", () => {
    expect(parsePeriod("2021-12")).toEqual({ kind: "month", year: 2021, index: 12 });
    expect(parsePeriod("2025-Q4")).toEqual({ kind: "quarter", year: 2025, index: 4 });
    expect(parsePeriod("2025-S2")).toEqual({ kind: "semester", year: 2025, index: 2 });
    for (const bad of ["2021-13", "2021-00", "2025-Q5", "2025-S3", "21-12", "2025-q4", "1999-01", "2025-12-01"]) expect(parsePeriod(bad)).toBeNull();
  });

  it("are shown in words", () => {
    expect(periodInWords("2021-12")).toBe("Desember 2021");
    expect(periodInWords("2025-Q4")).toBe("Triwulan IV 2025");
    expect(periodInWords("2025-S2")).toBe("Semester II 2025");
  });

  it("know their first and last day, months of every length included", () => {
    expect(periodRange("2024-02")).toEqual({ start: "2024-02-01", end: "2024-02-29" });
    expect(periodRange("2025-02")).toEqual({ start: "2025-02-01", end: "2025-02-28" });
    expect(periodRange("2025-04")).toEqual({ start: "2025-04-01", end: "2025-04-30" });
    expect(periodRange("2025-Q1")).toEqual({ start: "2025-01-01", end: "2025-03-31" });
    expect(periodRange("2025-S2")).toEqual({ start: "2025-07-01", end: "2025-12-31" });
  });

  it("step back across years", () => {
    expect(previousPeriod("2022-01")).toBe("2021-12");
    expect(previousPeriod("2026-Q1")).toBe("2025-Q4");
    expect(previousPeriod("2026-S1")).toBe("2025-S2");
    expect(periodsOfYear("quarter", 2025)).toEqual(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]);
  });
});

describe("series day rules", () => {
  it("the last Friday of each month, every month of a leap and a common year", () => {
    const rule = { type: "nth_weekday" as const, n: -1, weekday: 5 };
    expect(periodsOfYear("month", 2024).map((p) => meetingDate(rule, p))).toEqual([
      "2024-01-26", "2024-02-23", "2024-03-29", "2024-04-26", "2024-05-31", "2024-06-28",
      "2024-07-26", "2024-08-30", "2024-09-27", "2024-10-25", "2024-11-29", "2024-12-27",
    ]);
  });

  it("the second Monday of the quarter's last month", () => {
    expect(meetingDate({ type: "nth_weekday", n: 2, weekday: 1 }, "2025-Q4")).toBe("2025-12-08");
  });

  it("day 31 falls back to the month's last day", () => {
    expect(meetingDate({ type: "day_of_month", day: 31 }, "2025-02")).toBe("2025-02-28");
    expect(meetingDate({ type: "day_of_month", day: 31 }, "2024-02")).toBe("2024-02-29");
    expect(meetingDate({ type: "day_of_month", day: 31 }, "2025-04")).toBe("2025-04-30");
  });

  it("last working day skips weekends; days after the end can skip to Monday", () => {
    expect(meetingDate({ type: "last_working_day" }, "2025-05")).toBe("2025-05-30");
    expect(meetingDate({ type: "last_working_day" }, "2025-08")).toBe("2025-08-29");
    expect(meetingDate({ type: "days_after_end", days: 5 }, "2025-Q2")).toBe("2025-07-05");
    expect(meetingDate({ type: "days_after_end", days: 5, weekdaysOnly: true }, "2025-Q2")).toBe("2025-07-07");
  });

  it("due dates and descriptions", () => {
    expect(dueDate("2025-Q4", 0)).toBe("2025-12-31");
    expect(dueDate("2021-12", 10)).toBe("2022-01-10");
    expect(describeDayRule({ type: "nth_weekday", n: -1, weekday: 5 })).toBe("Jumat terakhir pada bulan terakhir periode");
  });

  it("a 09:00 WIT meeting is 07:00 WIB and 08:00 WITA", () => {
    const instant = zonedToUtc("2025-12-08", "09:00", "Asia/Jayapura");
    expect(formatTime(instant, "Asia/Jakarta")).toBe("07.00 WIB");
    expect(formatTime(instant, "Asia/Makassar")).toBe("08.00 WITA");
    expect(formatTime(instant, "Asia/Jayapura")).toBe("09.00 WIT");
  });
});
