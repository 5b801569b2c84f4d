import terbilang from "@develoka/angka-terbilang-js";
import { describe, expect, it } from "vitest";
import { zonedToUtc } from "../../app/domain/format";
import {
  calendarDateInWords,
  dateInWords,
  MONTH_NAMES,
  numberToWords,
  ordinalWord,
  romanMonth,
} from "../../app/domain/words";

describe("numbers in words", () => {
  it.each([
    [0, "nol"],
    [1, "satu"],
    [10, "sepuluh"],
    [11, "sebelas"],
    [12, "dua belas"],
    [19, "sembilan belas"],
    [20, "dua puluh"],
    [100, "seratus"],
    [111, "seratus sebelas"],
    [1000, "seribu"],
    [1001, "seribu satu"],
    [2025, "dua ribu dua puluh lima"],
    [100_000, "seratus ribu"],
    [928_809, "sembilan ratus dua puluh delapan ribu delapan ratus sembilan"],
    [1_000_000, "satu juta"],
    [2_188_124, "dua juta seratus delapan puluh delapan ribu seratus dua puluh empat"],
  ])("%d → %s", (n, words) => {
    expect(numberToWords(n)).toBe(words);
  });

  it("agrees with an independent implementation up to ten million", () => {
    for (let n = 1; n < 10_000_000; n += n < 5000 ? 1 : 997) expect(numberToWords(n)).toBe(terbilang(String(n)));
  });

  it("refuses what it cannot spell", () => {
    expect(() => numberToWords(-1)).toThrow();
    expect(() => numberToWords(1.5)).toThrow();
  });
});

describe("dates in words", () => {
  it("every day from 1955 to 2099 agrees with an independent implementation and the calendar", () => {
    const weekday = new Intl.DateTimeFormat("id-ID", { weekday: "long", timeZone: "UTC" });
    const mismatches: string[] = [];
    let checked = 0;
    for (let t = Date.UTC(1955, 0, 1); t <= Date.UTC(2099, 11, 31); t += 86_400_000) {
      const d = new Date(t);
      const iso = d.toISOString().slice(0, 10);
      const words = calendarDateInWords(iso);
      const ok =
        words.day === terbilang(String(d.getUTCDate())) &&
        words.year === terbilang(String(d.getUTCFullYear())) &&
        words.month === MONTH_NAMES[d.getUTCMonth()] &&
        words.dayName === weekday.format(d);
      if (!ok) mismatches.push(`${iso}: ${words.sentence}`);
      checked++;
    }
    expect(mismatches).toEqual([]);
    expect(checked).toBe(145 * 365 + 36); // 1955–2099, with 36 leap days
  });

  it("writes the opening of a berita acara", () => {
    expect(calendarDateInWords("2025-12-08").sentence).toBe(
      "Senin, tanggal delapan bulan Desember tahun dua ribu dua puluh lima",
    );
  });

  it("takes the day in the office's zone", () => {
    const instant = zonedToUtc("2026-01-01", "07:00", "Asia/Jayapura"); // 31 December, 22:00 UTC
    expect(dateInWords(instant, "Asia/Jayapura").sentence).toBe(
      "Kamis, tanggal satu bulan Januari tahun dua ribu dua puluh enam",
    );
    expect(dateInWords(instant, "Asia/Jakarta").day).toBe("satu");
    expect(dateInWords(new Date("2025-12-31T17:30:00Z"), "Asia/Jakarta").day).toBe("satu");
    expect(dateInWords(new Date("2025-12-31T16:30:00Z"), "Asia/Jakarta").day).toBe("tiga puluh satu");
  });
});

describe("Roman months and ordinal quarters", () => {
  it("months", () => {
    expect([1, 4, 6, 9, 12].map(romanMonth)).toEqual(["I", "IV", "VI", "IX", "XII"]);
    expect(() => romanMonth(13)).toThrow();
  });
  it("quarters", () => {
    expect([1, 2, 3, 4].map(ordinalWord)).toEqual(["KESATU", "KEDUA", "KETIGA", "KEEMPAT"]);
    expect(() => ordinalWord(5)).toThrow();
  });
});
