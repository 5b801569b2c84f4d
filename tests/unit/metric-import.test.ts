import { describe, expect, it } from "vitest";
import { checkMetricCsv, parseDecimal, validRows } from "../../app/domain/metric-import";

const OFFICES = {
  "33.20": { id: 1, code: "33.20", name: "KPU Kabupaten Jepara" },
  "33.01": { id: 2, code: "33.01", name: "KPU Kabupaten Cilacap" },
  "31.72": { id: 3, code: "31.72", name: "KPU Kota Jakarta Utara" },
};
const lookup = {
  officeByCode: (code: string) => OFFICES[code as keyof typeof OFFICES],
  inScope: (o: { code: string }) => o.code !== "31.72",
};
const HEADER = "region_code,office,period,metric,value,source";

describe("metric CSV check", () => {
  it("accepts good rows", () => {
    const preview = checkMetricCsv(`${HEADER}\n33.20,KPU Kabupaten Jepara,2025-Q2,dpb,928809,"rekap, Triwulan II"\n33.01,,2019-12,duplicate_rate_percent,0.64,paparan`, lookup);
    expect(preview.badRows).toBe(0);
    expect(validRows(preview)).toEqual([
      { officeId: 1, period: "2025-Q2", metric: "dpb", value: 928809, source: "rekap, Triwulan II" },
      { officeId: 2, period: "2019-12", metric: "duplicate_rate_percent", value: 0.64, source: "paparan" },
    ]);
  });

  it("reports every bad cell of every row", () => {
    const csv = [
      HEADER,
      "99.99,,2025-Q2,dpb,1,s", // unknown region
      "33.20,,2025-Q5,dpb,1,s", // bad period
      "33.20,,2025-Q2,magic,1,s", // unknown metric
      "33.20,,2025-Q3,dpb,1.234.567,s", // not a number
      "33.20,,2025-Q4,dpb,0,5,s", // comma decimal shifts the columns: value 0 ok, source "5"? no: checked below
      "31.72,,2025-Q2,dpb,1,s", // out of scope
      "33.20,,2025-Q1,dpb,12,", // no source
      "33.01,,2025-Q2,duplicate_rate,1.5,s", // ratio above 1
      "33.20,KPU Kabupaten Kudus,2024-Q1,dpb,1,s", // name differs: a warning only
      "33.20,,2024-Q1,dpb,2,s", // duplicate of the previous row
    ].join("\n");
    const preview = checkMetricCsv(csv, lookup);
    const byLine = Object.fromEntries(preview.rows.map((r) => [r.line, r]));
    expect(byLine[2].errors.region_code).toBe("Kode wilayah tidak dikenal.");
    expect(byLine[3].errors.period).toMatch(/Periode tidak valid/);
    expect(byLine[4].errors.metric).toBe("Metrik tidak dikenal.");
    expect(byLine[5].errors.value).toMatch(/bukan angka/);
    expect(byLine[7].errors.region_code).toMatch(/di luar cakupan/);
    expect(byLine[8].errors.source).toMatch(/Sumber wajib/);
    expect(byLine[9].errors.value).toMatch(/antara 0 dan 1/);
    expect(byLine[10].errors).toEqual({});
    expect(byLine[10].warnings.office).toMatch(/Nama berbeda/);
    expect(byLine[11].errors.period).toMatch(/Baris ganda.*baris 10/);
    expect(preview.badRows).toBe(8);
    expect(validRows(preview)).toBeNull();
  });

  it("refuses a file without the required columns or without rows", () => {
    expect(checkMetricCsv("kode,nilai\n33.20,1", lookup).fileErrors[0]).toMatch(/Kolom wajib tidak ada: region_code, period, metric, value, source/);
    expect(checkMetricCsv(HEADER, lookup).fileErrors).toEqual(["Berkas tidak berisi baris data."]);
    expect(checkMetricCsv("", lookup).fileErrors).toEqual(["Berkas kosong."]);
  });

  it("parses only plain decimals with a dot", () => {
    expect(parseDecimal("0.64")).toBe(0.64);
    expect(parseDecimal("876490")).toBe(876490);
    expect(parseDecimal("0,64")).toBeNull();
    expect(parseDecimal("1e5")).toBeNull();
    expect(parseDecimal("")).toBeNull();
  });
});
