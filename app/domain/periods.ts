/**
 * Periods of the statutory calendar, as text: "2021-12" (month), "2025-Q4" (triwulan),
 * "2025-S2" (semester). Sortable, readable in SQL and URLs.
 */
import { MONTH_NAMES } from "./words";

export type PeriodKind = "month" | "quarter" | "semester";
export type Period = { kind: PeriodKind; year: number; index: number };

const ROMAN = ["I", "II", "III", "IV"];

export function parsePeriod(text: string): Period | null {
  const m = /^(\d{4})-(?:(\d{2})|Q([1-4])|S([12]))$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (year < 2000 || year > 2100) return null;
  if (m[2]) {
    const month = Number(m[2]);
    return month >= 1 && month <= 12 ? { kind: "month", year, index: month } : null;
  }
  if (m[3]) return { kind: "quarter", year, index: Number(m[3]) };
  return { kind: "semester", year, index: Number(m[4]) };
}

export function formatPeriod(p: Period): string {
  if (p.kind === "month") return `${p.year}-${String(p.index).padStart(2, "0")}`;
  return `${p.year}-${p.kind === "quarter" ? "Q" : "S"}${p.index}`;
}

/** "Desember 2021", "Triwulan IV 2025", "Semester II 2025". */
export function periodInWords(text: string): string {
  const p = parsePeriod(text);
  if (!p) return text;
  if (p.kind === "month") return `${MONTH_NAMES[p.index - 1]} ${p.year}`;
  return `${p.kind === "quarter" ? "Triwulan" : "Semester"} ${ROMAN[p.index - 1]} ${p.year}`;
}

/** First and last calendar day of a period ("YYYY-MM-DD"). */
export function periodRange(text: string): { start: string; end: string } {
  const p = parsePeriod(text);
  if (!p) throw new RangeError(`Periode tidak valid: ${text}`);
  const months = p.kind === "month" ? 1 : p.kind === "quarter" ? 3 : 6;
  const firstMonth = p.kind === "month" ? p.index : (p.index - 1) * months + 1;
  const lastMonth = firstMonth + months - 1;
  const lastDay = new Date(Date.UTC(p.year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, "0");
  return { start: `${p.year}-${pad(firstMonth)}-01`, end: `${p.year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** The periods of a kind in a year, in order. */
export function periodsOfYear(kind: PeriodKind, year: number): string[] {
  const count = kind === "month" ? 12 : kind === "quarter" ? 4 : 2;
  return Array.from({ length: count }, (_, i) => formatPeriod({ kind, year, index: i + 1 }));
}

export function previousPeriod(text: string): string {
  const p = parsePeriod(text);
  if (!p) throw new RangeError(`Periode tidak valid: ${text}`);
  const count = p.kind === "month" ? 12 : p.kind === "quarter" ? 4 : 2;
  return p.index > 1 ? formatPeriod({ ...p, index: p.index - 1 }) : formatPeriod({ ...p, year: p.year - 1, index: count });
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday, for a calendar date. */
export function weekday(isoDate: string): number {
  return new Date(`${isoDate}T00:00:00Z`).getUTCDay();
}

/**
 * When in a period the meeting falls. Rules are data (stored with the series as JSON), so a
 * changed regulation needs no code:
 *  - nth_weekday: the n-th given weekday of the period's last month (n = -1: the last one)
 *  - day_of_month: a day of the period's last month (past its end: the last day)
 *  - last_working_day: the last Monday–Friday of the period
 *  - days_after_end: a number of days after the period ends (a recap of the closed period)
 * A date that falls on a weekend moves to the next Monday when `weekdaysOnly` is set.
 */
export type DayRule =
  | { type: "nth_weekday"; n: number; weekday: number }
  | { type: "day_of_month"; day: number }
  | { type: "last_working_day" }
  | { type: "days_after_end"; days: number; weekdaysOnly?: boolean };

export function meetingDate(rule: DayRule, period: string): string {
  const { start, end } = periodRange(period);
  const lastMonthStart = `${end.slice(0, 7)}-01`;
  switch (rule.type) {
    case "nth_weekday": {
      if (rule.n === -1) {
        let d = end;
        while (weekday(d) !== rule.weekday) d = addDays(d, -1);
        return d;
      }
      let d = lastMonthStart;
      while (weekday(d) !== rule.weekday) d = addDays(d, 1);
      return addDays(d, 7 * (rule.n - 1));
    }
    case "day_of_month": {
      const day = Math.min(rule.day, Number(end.slice(8, 10)));
      return `${end.slice(0, 8)}${String(day).padStart(2, "0")}`;
    }
    case "last_working_day": {
      let d = end;
      while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, -1);
      return d < start ? end : d;
    }
    case "days_after_end": {
      let d = addDays(end, rule.days);
      if (rule.weekdaysOnly) while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
      return d;
    }
  }
}

/** The due date: the last day by which the meeting must have been held. */
export function dueDate(period: string, dueDaysAfterEnd: number): string {
  return addDays(periodRange(period).end, dueDaysAfterEnd);
}

export const DAY_NAMES_ID = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"];

export function describeDayRule(rule: DayRule): string {
  switch (rule.type) {
    case "nth_weekday":
      return `${DAY_NAMES_ID[rule.weekday]} ${rule.n === -1 ? "terakhir" : `ke-${rule.n}`} pada bulan terakhir periode`;
    case "day_of_month":
      return `tanggal ${rule.day} bulan terakhir periode`;
    case "last_working_day":
      return "hari kerja terakhir periode";
    case "days_after_end":
      return `${rule.days} hari setelah periode berakhir${rule.weekdaysOnly ? " (digeser ke hari kerja)" : ""}`;
  }
}
