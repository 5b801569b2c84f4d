/** Indonesian formatting of numbers, dates and times, always in the office's own time zone. */

export type ZoneName = "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";

const ZONE_LABELS: Record<ZoneName, string> = {
  "Asia/Jakarta": "WIB",
  "Asia/Makassar": "WITA",
  "Asia/Jayapura": "WIT",
};

/** UTC offset in hours of each zone; Indonesia keeps no daylight saving time. */
export const ZONE_OFFSET_HOURS: Record<ZoneName, number> = {
  "Asia/Jakarta": 7,
  "Asia/Makassar": 8,
  "Asia/Jayapura": 9,
};

export function zoneLabel(zone: ZoneName): string {
  return ZONE_LABELS[zone];
}

const integerFormat = new Intl.NumberFormat("id-ID", { maximumFractionDigits: 0 });

/** 876490 → "876.490" */
export function formatNumber(value: number): string {
  return integerFormat.format(value);
}

/** 0.0064 → "0,64 %" (a ratio, not a percentage, goes in). */
export function formatPercent(ratio: number, fractionDigits = 2): string {
  let format = percentFormats.get(fractionDigits);
  if (!format) {
    format = new Intl.NumberFormat("id-ID", { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
    percentFormats.set(fractionDigits, format);
  }
  return `${format.format(ratio * 100)} %`;
}
const percentFormats = new Map<number, Intl.NumberFormat>();

/**
 * Building an Intl.DateTimeFormat costs far more than using one (it showed as the largest single
 * cost of the dashboard under load), so each zone + options combination is built once per process.
 */
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function parts(date: Date, zone: ZoneName, options: Intl.DateTimeFormatOptions) {
  const key = `${zone}|${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("id-ID", { timeZone: zone, ...options });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/** "Senin, 8 Desember 2025" */
export function formatDate(date: Date, zone: ZoneName, withWeekday = true): string {
  return parts(date, zone, {
    weekday: withWeekday ? "long" : undefined,
    day: "numeric",
    month: "long",
    year: "numeric",
  });
}

/** "09.00 WIB" */
export function formatTime(date: Date, zone: ZoneName): string {
  const hm = parts(date, zone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  return `${hm.replace(":", ".")} ${zoneLabel(zone)}`;
}

/** "Senin, 8 Desember 2025 pukul 09.00 WIB" */
export function formatDateTime(date: Date, zone: ZoneName): string {
  return `${formatDate(date, zone)} pukul ${formatTime(date, zone)}`;
}

/** "8 Des 2025 09.00" — compact, for tables. */
export function formatShortDateTime(date: Date, zone: ZoneName): string {
  const d = parts(date, zone, { day: "numeric", month: "short", year: "numeric" });
  const t = parts(date, zone, { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).replace(":", ".");
  return `${d} ${t} ${zoneLabel(zone)}`;
}

/** Wall-clock date and time ("2025-12-08", "09:00") in a zone to the UTC instant. */
export function zonedToUtc(dateText: string, timeText: string, zone: ZoneName): Date {
  const [y, m, d] = dateText.split("-").map(Number);
  const [hh, mm] = timeText.split(":").map(Number);
  return new Date(Date.UTC(y, m - 1, d, hh - ZONE_OFFSET_HOURS[zone], mm));
}

/** The UTC instant to the wall-clock date ("2025-12-08") and time ("09:00") of a zone. */
export function utcToZoned(date: Date, zone: ZoneName): { date: string; time: string } {
  const shifted = new Date(date.getTime() + ZONE_OFFSET_HOURS[zone] * 3600_000);
  const iso = shifted.toISOString();
  return { date: iso.slice(0, 10), time: iso.slice(11, 16) };
}
