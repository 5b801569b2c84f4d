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

/*
 * Intl formatters are costly to build (a large share of a page's render time when a table holds
 * hundreds of figures or dates), so each distinct set of options is built once and reused.
 */
export type NumberFormatter = { format(value: number): string };

/**
 * A formatter that also remembers what it wrote: a board or recap page formats the same few hundred
 * figures on every request, and `Intl` formatting costs about a microsecond a figure. Bounded.
 */
function remembering(format: Intl.NumberFormat): NumberFormatter {
  const written = new Map<number, string>();
  return {
    format(value: number) {
      // A Map holds -0 and 0 as one key, but they are written differently.
      if (Object.is(value, -0)) return format.format(value);
      let text = written.get(value);
      if (text === undefined) {
        text = format.format(value);
        if (written.size >= 5_000) written.clear();
        written.set(value, text);
      }
      return text;
    },
  };
}

const numberFormats = new Map<string, NumberFormatter>();
export function numberFormat(options: Intl.NumberFormatOptions): NumberFormatter {
  // A plain key (JSON.stringify of the options cost more than the formatting it saved).
  let key = "";
  for (const name in options) key += `${name}=${String(options[name as keyof Intl.NumberFormatOptions])};`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = remembering(new Intl.NumberFormat("id-ID", options))));
  return f;
}

const integerFormat = numberFormat({ maximumFractionDigits: 0 });

/** 876490 → "876.490" */
export function formatNumber(value: number): string {
  return integerFormat.format(value);
}

const percentFormat = numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 0.0064 → "0,64 %" (a ratio, not a percentage, goes in). */
export function formatPercent(ratio: number, fractionDigits = 2): string {
  // The usual two digits through a formatter held here, as formatNumber does: a board writes a few
  // hundred percentages, and looking the formatter up by its options each time cost more than it saved.
  const format = fractionDigits === 2 ? percentFormat : numberFormat({ minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits });
  return `${format.format(ratio * 100)} %`;
}

const DATE_PARTS = {
  longDate: { weekday: "long", day: "numeric", month: "long", year: "numeric" },
  longDateNoWeekday: { day: "numeric", month: "long", year: "numeric" },
  time: { hour: "2-digit", minute: "2-digit", hourCycle: "h23" },
  shortDate: { day: "numeric", month: "short", year: "numeric" },
} satisfies Record<string, Intl.DateTimeFormatOptions>;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** Formatters are kept: making an Intl.DateTimeFormat costs far more than formatting with one. */
function parts(date: Date, zone: ZoneName, kind: keyof typeof DATE_PARTS) {
  const key = `${zone}|${kind}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat("id-ID", { timeZone: zone, ...DATE_PARTS[kind] });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

/** "Senin, 8 Desember 2025" */
export function formatDate(date: Date, zone: ZoneName, withWeekday = true): string {
  return parts(date, zone, withWeekday ? "longDate" : "longDateNoWeekday");
}

/** "09.00 WIB" */
export function formatTime(date: Date, zone: ZoneName): string {
  const hm = parts(date, zone, "time");
  return `${hm.replace(":", ".")} ${zoneLabel(zone)}`;
}

/** "Senin, 8 Desember 2025 pukul 09.00 WIB" */
export function formatDateTime(date: Date, zone: ZoneName): string {
  return `${formatDate(date, zone)} pukul ${formatTime(date, zone)}`;
}

/** "8 Des 2025 09.00" — compact, for tables. */
export function formatShortDateTime(date: Date, zone: ZoneName): string {
  const d = parts(date, zone, "shortDate");
  const t = parts(date, zone, "time").replace(":", ".");
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
