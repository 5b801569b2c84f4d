import { asc, eq, inArray, or } from "drizzle-orm";
import { offices } from "../../db/schema";
import { db } from "../db.server";
import { derived } from "../lib/derived-cache.server";

/** Every office for a picker (KPU RI, provinces, then kabupaten/kota), by code. */
export function officeOptions() {
  return db()
    .select({ id: offices.id, code: offices.code, name: offices.name, level: offices.level })
    .from(offices)
    .orderBy(asc(offices.code))
    .all();
}

/** The 38 provinces, by code, for filters. */
export function provinceOptions() {
  return derived("province-options", () => provinceOptionsUncached());
}

function provinceOptionsUncached() {
  return db()
    .select({ code: offices.code, name: offices.regionName })
    .from(offices)
    .where(eq(offices.level, "provinsi"))
    .orderBy(asc(offices.code))
    .all();
}

/** Offices named by code ("33.20") or by exact name ("KPU Kabupaten Jepara"), as typed in a picker. */
export function officesByCodesOrNames(keys: string[]) {
  if (keys.length === 0) return [];
  return db()
    .select()
    .from(offices)
    .where(or(inArray(offices.code, keys), inArray(offices.name, keys)))
    .all();
}

export function officeByCode(code: string) {
  return db().select().from(offices).where(eq(offices.code, code)).get();
}

/** Every kabupaten/kota office name, sorted, for pickers that suggest offices by name. */
export function kabkotaNames(): string[] {
  return derived("kabkota-names", () =>
    db()
      .select({ name: offices.name })
      .from(offices)
      .where(eq(offices.level, "kabkota"))
      .all()
      .map((o) => o.name)
      .sort((a, b) => a.localeCompare(b, "id")),
  );
}
