/**
 * Numbers and dates in Indonesian words, as a berita acara writes them:
 * "Pada hari ini Senin, tanggal delapan bulan Desember tahun dua ribu dua puluh lima".
 */
import type { ZoneName } from "./format";
import { utcToZoned } from "./format";

const UNITS = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"];
const SCALES: [number, string][] = [
  [1_000_000_000_000, "triliun"],
  [1_000_000_000, "miliar"],
  [1_000_000, "juta"],
];

function belowThousand(n: number): string {
  if (n < 12) return UNITS[n];
  if (n < 20) return `${UNITS[n - 10]} belas`;
  if (n < 100) {
    const rest = n % 10;
    return `${UNITS[Math.floor(n / 10)]} puluh${rest ? ` ${UNITS[rest]}` : ""}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const head = hundreds === 1 ? "seratus" : `${UNITS[hundreds]} ratus`;
  return rest ? `${head} ${belowThousand(rest)}` : head;
}

function belowMillion(n: number): string {
  const thousands = Math.floor(n / 1000);
  const rest = n % 1000;
  const parts: string[] = [];
  if (thousands === 1) parts.push("seribu");
  else if (thousands > 1) parts.push(`${belowThousand(thousands)} ribu`);
  if (rest) parts.push(belowThousand(rest));
  return parts.join(" ");
}

/** 2025 → "dua ribu dua puluh lima"; 0 → "nol". Whole numbers from 0 to below 10^15. */
export function numberToWords(value: number): string {
  if (!Number.isInteger(value) || value < 0 || value >= 1e15) throw new RangeError(`Tidak dapat dieja: ${value}`);
  if (value === 0) return "nol";
  let n = value;
  const parts: string[] = [];
  for (const [size, name] of SCALES) {
    if (n >= size) {
      parts.push(`${belowThousand(Math.floor(n / size))} ${name}`);
      n %= size;
    }
  }
  if (n) parts.push(belowMillion(n));
  return parts.join(" ");
}

export const MONTH_NAMES = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;

export const DAY_NAMES = ["Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"] as const;

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"] as const;

/** 6 → "VI" (months in letter numbers). */
export function romanMonth(month: number): string {
  const r = ROMAN[month - 1];
  if (!r) throw new RangeError(`Bulan tidak valid: ${month}`);
  return r;
}

const ORDINALS = ["KESATU", "KEDUA", "KETIGA", "KEEMPAT"] as const;

/** 4 → "KEEMPAT": the quarter (or semester) as a berita acara titles it. */
export function ordinalWord(n: number): string {
  const word = ORDINALS[n - 1];
  if (!word) throw new RangeError(`Urutan tidak valid: ${n}`);
  return word;
}

export type DateInWords = { dayName: string; day: string; month: string; year: string; sentence: string };

/** The wall-clock date of an instant in the office's zone, in words. */
export function dateInWords(instant: Date, zone: ZoneName): DateInWords {
  const { date } = utcToZoned(instant, zone);
  return calendarDateInWords(date);
}

/** "2025-12-08" → Senin, tanggal delapan bulan Desember tahun dua ribu dua puluh lima. */
export function calendarDateInWords(isoDate: string): DateInWords {
  const [y, m, d] = isoDate.split("-").map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  const out = {
    dayName: DAY_NAMES[weekday],
    day: numberToWords(d),
    month: MONTH_NAMES[m - 1],
    year: numberToWords(y),
  };
  return { ...out, sentence: `${out.dayName}, tanggal ${out.day} bulan ${out.month} tahun ${out.year}` };
}
