import { and, asc, count, eq, or, sql, type SQL } from "drizzle-orm";
import { areas, memberships, offices, users } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { db, preparedQuery } from "../db.server";

export function getOffice(id: number) {
  return db().select().from(offices).where(eq(offices.id, id)).get();
}

/** Offices an admin manages: KPU RI manages all; a KPU Provinsi its own and those under it. */
export function adminScope(actor: Actor): SQL | undefined {
  if (actor.office.level === "ri") return undefined;
  return or(eq(offices.id, actor.office.id), eq(offices.parentId, actor.office.id));
}

export function officeInAdminScope(actor: Actor, officeId: number) {
  const office = getOffice(officeId);
  if (!office) return undefined;
  if (actor.office.level === "ri") return office;
  return office.id === actor.office.id || office.parentId === actor.office.id ? office : undefined;
}

export const OFFICE_PAGE_SIZE = 50;

export function searchOffices(
  actor: Actor,
  filter: { q: string; level: string | null; withoutSecretariat?: boolean },
  page: number,
) {
  const filters = [adminScope(actor)];
  const { q, level } = filter;
  if (q) {
    const escaped = q.replace(/[%_\\]/g, (c) => `\\${c}`);
    filters.push(sql`(${offices.name} like ${`%${escaped}%`} escape '\\' or ${offices.code} like ${`${escaped}%`} escape '\\')`);
  }
  if (level === "ri" || level === "provinsi" || level === "kabkota") filters.push(eq(offices.level, level));
  if (filter.withoutSecretariat)
    filters.push(
      sql`not exists (select 1 from ${memberships} m where m.office_id = offices.id and m.role = 'secretariat' and m.is_active = 1)`,
    );
  const where = and(...filters);
  const total = db().select({ n: count() }).from(offices).where(where).get()?.n ?? 0;
  const rows = db()
    .select({
      office: offices,
      members: sql<number>`(select count(*) from ${memberships} m where m.office_id = offices.id and m.is_active = 1)`,
    })
    .from(offices)
    .where(where)
    .orderBy(asc(offices.code))
    .limit(OFFICE_PAGE_SIZE)
    .offset((page - 1) * OFFICE_PAGE_SIZE)
    .all();
  return { total, rows };
}

export function officeMembers(officeId: number) {
  return db()
    .select({ membership: memberships, user: users })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.officeId, officeId))
    .orderBy(asc(memberships.role), asc(memberships.position), asc(users.name))
    .all();
}

/** The commission of an office: ketua first, then anggota. */
const commissionersQuery = preparedQuery((database) =>
  database
    // Only what callers use of the user (never the password hash).
    .select({ membership: memberships, user: { id: users.id, name: users.name } })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.officeId, sql.placeholder("officeId")), eq(memberships.role, "commissioner"), eq(memberships.isActive, true)))
    .orderBy(sql`case ${memberships.position} when 'ketua' then 0 else 1 end`, asc(users.name))
    .prepare(),
);

export function commissionersOf(officeId: number) {
  return commissionersQuery().all({ officeId });
}

/** Kecamatan of a kabupaten/kota, or desa/kelurahan of a kecamatan. */
export function childAreas(parentCode: string) {
  return db()
    .select({ code: areas.code, name: areas.name, level: areas.level })
    .from(areas)
    .where(eq(areas.parentCode, parentCode))
    .orderBy(asc(areas.name))
    .all();
}
