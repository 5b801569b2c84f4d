import { describe, expect, it } from "vitest";
import { DEFAULT_NUMBER_FORMAT, formatDocumentNumber, unknownPlaceholders } from "../../app/domain/numbering";

const kuningan = {
  classification: "PL.01.2",
  docType: "BA",
  officeCode: "32.08",
  officeLevel: "kabkota" as const,
  regionName: "Kabupaten Kuningan",
};

describe("document numbers", () => {
  it("reproduces the published Kuningan number of June 2021", () => {
    expect(formatDocumentNumber(DEFAULT_NUMBER_FORMAT, { ...kuningan, seq: 6, month: 6, year: 2021 })).toBe(
      "06/PL.01.2-BA/3208/KPU-Kab/VI/2021",
    );
  });

  it("knows cities, provinces and KPU RI", () => {
    const base = { ...kuningan, seq: 112, month: 12, year: 2025 };
    expect(formatDocumentNumber(DEFAULT_NUMBER_FORMAT, { ...base, officeCode: "33.71", regionName: "Kota Magelang" })).toBe(
      "112/PL.01.2-BA/3371/KPU-Kot/XII/2025",
    );
    expect(formatDocumentNumber(DEFAULT_NUMBER_FORMAT, { ...base, officeCode: "33", officeLevel: "provinsi", regionName: "Provinsi Jawa Tengah" })).toBe(
      "112/PL.01.2-BA/33/KPU-Prov/XII/2025",
    );
  });

  it("finds unknown placeholders in an office's format", () => {
    expect(unknownPlaceholders("{nomor}/{kelas}/{tahun}/{}")).toEqual(["kelas", ""]);
    expect(unknownPlaceholders(DEFAULT_NUMBER_FORMAT)).toEqual([]);
  });
});
