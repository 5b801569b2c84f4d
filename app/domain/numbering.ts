/**
 * Document numbers in the style KPU offices use, e.g. 06/PL.01.2-BA/3208/KPU-Kab/VI/2021:
 * sequence / classification-type / region code / office level / month in Roman numerals / year.
 * The format is an office setting made of these placeholders.
 */
import { romanMonth } from "./words";

export const DEFAULT_NUMBER_FORMAT = "{nomor}/{klasifikasi}-{jenis}/{kode}/{satker}/{bulan}/{tahun}";
export const NUMBER_PLACEHOLDERS = ["nomor", "klasifikasi", "jenis", "kode", "satker", "bulan", "tahun"] as const;

export type NumberParts = {
  seq: number;
  classification: string;
  docType: string;
  officeCode: string; // Kemendagri code with dots: 32.08
  officeLevel: "ri" | "provinsi" | "kabkota";
  regionName: string; // "Kabupaten Kuningan", "Kota Magelang"
  month: number; // 1–12, in the office's zone
  year: number;
};

function officeLevelCode(level: NumberParts["officeLevel"], regionName: string) {
  if (level === "ri") return "KPU";
  if (level === "provinsi") return "KPU-Prov";
  return regionName.startsWith("Kota") ? "KPU-Kot" : "KPU-Kab";
}

/** Unknown placeholders in a format, for a clear refusal when an office edits it. */
export function unknownPlaceholders(format: string): string[] {
  return [...format.matchAll(/\{([^}]*)\}/g)]
    .map((m) => m[1])
    .filter((name) => !(NUMBER_PLACEHOLDERS as readonly string[]).includes(name));
}

export function formatDocumentNumber(format: string, p: NumberParts): string {
  const values: Record<(typeof NUMBER_PLACEHOLDERS)[number], string> = {
    nomor: String(p.seq).padStart(2, "0"),
    klasifikasi: p.classification,
    jenis: p.docType,
    kode: p.officeCode.replace(/\./g, ""),
    satker: officeLevelCode(p.officeLevel, p.regionName),
    bulan: romanMonth(p.month),
    tahun: String(p.year),
  };
  return format.replace(/\{([a-z]+)\}/g, (whole, name: string) =>
    name in values ? values[name as keyof typeof values] : whole,
  );
}
