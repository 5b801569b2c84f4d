import { asc, eq, inArray } from "drizzle-orm";
import { offices } from "../../db/schema";
import { db } from "../db.server";

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
  return db()
    .select({ code: offices.code, name: offices.regionName })
    .from(offices)
    .where(eq(offices.level, "provinsi"))
    .orderBy(asc(offices.code))
    .all();
}

export function officesByCodes(codes: string[]) {
  if (codes.length === 0) return [];
  return db().select().from(offices).where(inArray(offices.code, codes)).all();
}

export function officeByCode(code: string) {
  return db().select().from(offices).where(eq(offices.code, code)).get();
}
