import type { ZoneName } from "./format";

/** Province codes (Kemendagri) in WITA and WIT; every other province keeps WIB. */
const WITA = new Set(["51", "52", "53", "63", "64", "65", "71", "72", "73", "74", "75", "76"]);
const WIT = new Set(["81", "82", "91", "92", "93", "94", "95", "96"]);

export function timeZoneOfProvince(provinceCode: string): ZoneName {
  if (WIT.has(provinceCode)) return "Asia/Jayapura";
  if (WITA.has(provinceCode)) return "Asia/Makassar";
  return "Asia/Jakarta";
}

const PROVINCE_SHORT_NAMES: Record<string, string> = {
  "Daerah Khusus Ibukota Jakarta": "DKI Jakarta",
  "Daerah Istimewa Yogyakarta": "DI Yogyakarta",
};

/** The name a province goes by in KPU's own letterheads. */
export function provinceDisplayName(name: string): string {
  return PROVINCE_SHORT_NAMES[name] ?? name;
}

/** "Kota Administrasi Jakarta Utara" → "Kota Jakarta Utara" (as KPU names its office). */
export function regencyDisplayName(name: string): string {
  return name.replace(/^Kota Administrasi /, "Kota ").replace(/^Kabupaten Administrasi /, "Kabupaten ");
}

/** City that appears in a document's place and date ("Jepara, 8 Desember 2025"). */
export function regencyCity(displayName: string): string {
  return displayName.replace(/^(Kabupaten|Kota) /, "");
}

export const KPU_RI_CODE = "00";
