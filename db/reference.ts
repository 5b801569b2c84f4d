import { getDistricts, getProvinces, getRegencies, getVillages } from "idn-area-data";
import { sql } from "drizzle-orm";
import type { DB } from "../app/db.server";
import { KPU_RI_CODE, provinceDisplayName, regencyCity, regencyDisplayName, timeZoneOfProvince } from "../app/domain/offices";
import { areas, offices } from "./schema";

/**
 * Loads Indonesia's administrative areas and creates one office per KPU satker:
 * KPU RI, 38 KPU Provinsi and 514 KPU Kabupaten/Kota, named and coded as Kemendagri does.
 */
export async function loadReferenceData(database: DB) {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const sqlite = database.$client;
  const insertArea = sqlite.prepare("insert or ignore into areas (code, parent_code, level, name) values (?, ?, ?, ?)");
  const insertOffice = sqlite.prepare(
    "insert or ignore into offices (code, level, name, region_name, parent_id, time_zone, city) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const officeId = sqlite.prepare("select id from offices where code = ?");
  sqlite.transaction(() => {
    for (const p of provinces) insertArea.run(p.code, null, "province", p.name);
    for (const r of regencies) insertArea.run(r.code, r.province_code, "regency", r.name);
    for (const d of districts) insertArea.run(d.code, d.regency_code, "district", d.name);
    for (const v of villages) insertArea.run(v.code, v.district_code, "village", v.name);

    insertOffice.run(KPU_RI_CODE, "ri", "KPU Republik Indonesia", "Republik Indonesia", null, "Asia/Jakarta", "Jakarta");
    const riId = (officeId.get(KPU_RI_CODE) as { id: number }).id;
    const provinceIds = new Map<string, number>();
    for (const p of provinces) {
      const name = provinceDisplayName(p.name);
      insertOffice.run(p.code, "provinsi", `KPU Provinsi ${name}`, `Provinsi ${name}`, riId, timeZoneOfProvince(p.code), name);
      provinceIds.set(p.code, (officeId.get(p.code) as { id: number }).id);
    }
    for (const r of regencies) {
      const name = regencyDisplayName(r.name);
      insertOffice.run(
        r.code,
        "kabkota",
        `KPU ${name}`,
        name,
        provinceIds.get(r.province_code) ?? null,
        timeZoneOfProvince(r.province_code),
        regencyCity(name),
      );
    }
  })();
  return database.select({ n: sql<number>`count(*)` }).from(offices).get()?.n ?? 0;
}

export function hasReferenceData(database: DB) {
  return (database.select({ n: sql<number>`count(*)` }).from(areas).get()?.n ?? 0) > 0;
}
