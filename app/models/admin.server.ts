import { randomBytes } from "node:crypto";
import { and, asc, count, eq, inArray, like, sql, type SQL } from "drizzle-orm";
import { areas, memberships, offices, stakeholders, users } from "../../db/schema";
import { fail, type Actor } from "../auth/guard.server";
import { hashPassword } from "../auth/password.server";
import { revokeSessionsOfUser } from "../auth/session.server";
import { db } from "../db.server";
import type { NewAccountInput } from "../domain/account-schema";
import { officeInAdminScope } from "./office.server";

/** A readable temporary password (no look-alike characters), shown once to the admin. */
export function temporaryPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  const bytes = randomBytes(14);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join("").replace(/(.{4})(?=.)/g, "$1-");
}

export function requireOfficeInScope(actor: Actor, officeId: number) {
  const office = officeInAdminScope(actor, officeId);
  if (!office) fail(404);
  return office;
}

export function areaCounts(officeCode: string, level: string) {
  if (level === "ri") return { regencies: 514, districts: 7285, villages: null };
  if (level === "provinsi") {
    const regencies = db().select({ n: count() }).from(areas).where(eq(areas.parentCode, officeCode)).get()?.n ?? 0;
    return { regencies, districts: null, villages: null };
  }
  const districts = db().select({ n: count() }).from(areas).where(and(eq(areas.level, "district"), eq(areas.parentCode, officeCode))).get()?.n ?? 0;
  const villages =
    db()
      .select({ n: count() })
      .from(areas)
      .where(and(eq(areas.level, "village"), like(areas.code, `${officeCode}.%`)))
      .get()?.n ?? 0;
  return { regencies: null, districts, villages };
}

export function stakeholderOptions(officeId: number) {
  return db()
    .select({ id: stakeholders.id, name: stakeholders.name })
    .from(stakeholders)
    .where(and(eq(stakeholders.officeId, officeId), eq(stakeholders.isActive, true)))
    .orderBy(asc(stakeholders.name))
    .all();
}

export type CreateAccountResult = { userId: number; existing: boolean; temporaryPassword: string | null };

/**
 * Creates the account with its membership in one transaction; an e-mail that already has an account
 * gets the membership added instead. Refusals come back as field errors.
 */
export async function createAccount(
  actor: Actor,
  officeId: number,
  input: NewAccountInput,
): Promise<{ ok: true; result: CreateAccountResult } | { ok: false; errors: Record<string, string> }> {
  requireOfficeInScope(actor, officeId);
  if (input.role === "participant") {
    const org = db().select().from(stakeholders).where(eq(stakeholders.id, input.stakeholderId!)).get();
    if (!org || org.officeId !== officeId) return { ok: false, errors: { stakeholderId: "Organisasi tidak ditemukan di kantor ini." } };
  }
  if (input.role === "commissioner" && input.position === "ketua") {
    const ketua = db()
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.officeId, officeId), eq(memberships.position, "ketua"), eq(memberships.isActive, true)))
      .get();
    if (ketua) return { ok: false, errors: { position: "Kantor ini sudah memiliki ketua aktif. Nonaktifkan keanggotaannya lebih dahulu." } };
  }
  const existing = db().select().from(users).where(eq(users.email, input.email)).get();
  if (existing) {
    const same = db()
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, existing.id), eq(memberships.officeId, officeId), eq(memberships.role, input.role)))
      .get();
    if (same) return { ok: false, errors: { email: "Akun dengan e-mail ini sudah memiliki peran tersebut di kantor ini." } };
  }
  const generated = existing || input.password ? null : temporaryPassword();
  const hash = existing ? null : await hashPassword(input.password || generated!);
  const userId = db().transaction((tx) => {
    const id =
      existing?.id ??
      tx.insert(users).values({ email: input.email, name: input.name, passwordHash: hash! }).returning({ id: users.id }).get().id;
    tx.insert(memberships)
      .values({
        userId: id,
        officeId,
        role: input.role,
        position: input.role === "commissioner" ? (input.position ?? null) : null,
        division: input.division || null,
        title: input.title || (input.role === "commissioner" ? (input.position === "ketua" ? "Ketua" : "Anggota") : ""),
        stakeholderId: input.role === "participant" ? (input.stakeholderId ?? null) : null,
      })
      .run();
    return id;
  });
  return { ok: true, result: { userId, existing: Boolean(existing), temporaryPassword: generated } };
}

/** Users that have at least one membership in an office the admin manages. */
function usersInScope(actor: Actor): SQL | undefined {
  if (actor.office.level === "ri") return undefined;
  return sql`${users.id} in (select m.user_id from ${memberships} m join ${offices} o on o.id = m.office_id where o.id = ${actor.office.id} or o.parent_id = ${actor.office.id})`;
}

export const USER_PAGE_SIZE = 50;

export function searchUsers(actor: Actor, q: string, status: string, page: number) {
  const filters = [usersInScope(actor)];
  if (q) {
    const pattern = `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    filters.push(sql`(${users.name} like ${pattern} escape '\\' or ${users.email} like ${pattern} escape '\\')`);
  }
  if (status === "aktif" || status === "nonaktif") filters.push(eq(users.isActive, status === "aktif"));
  const where = and(...filters);
  const total = db().select({ n: count() }).from(users).where(where).get()?.n ?? 0;
  const rows = db()
    .select({ id: users.id, name: users.name, email: users.email, isActive: users.isActive, lastSignInAt: users.lastSignInAt })
    .from(users)
    .where(where)
    .orderBy(asc(users.name))
    .limit(USER_PAGE_SIZE)
    .offset((page - 1) * USER_PAGE_SIZE)
    .all();
  const ids = rows.map((r) => r.id);
  const roles = ids.length
    ? db()
        .select({ userId: memberships.userId, role: memberships.role, office: offices.name, isActive: memberships.isActive })
        .from(memberships)
        .innerJoin(offices, eq(offices.id, memberships.officeId))
        .where(inArray(memberships.userId, ids))
        .all()
    : [];
  return { total, rows: rows.map((r) => ({ ...r, memberships: roles.filter((m) => m.userId === r.id) })) };
}

export function userInScope(actor: Actor, userId: number) {
  const where = and(eq(users.id, userId), usersInScope(actor));
  const user = db().select().from(users).where(where).get();
  if (!user) fail(404);
  const rows = db()
    .select({ membership: memberships, office: offices })
    .from(memberships)
    .innerJoin(offices, eq(offices.id, memberships.officeId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(offices.code))
    .all();
  return { user, memberships: rows };
}

/**
 * Changing the account itself (deactivating it, resetting its password) reaches every role the
 * person holds, so an admin of a KPU Provinsi may do it only when all those roles are in the
 * province; otherwise KPU RI decides. A single role can still be switched off with setMembershipActive.
 */
function requireWholeAccountInScope(actor: Actor, userId: number) {
  const found = userInScope(actor, userId);
  if (actor.office.level !== "ri" && found.memberships.some((r) => !officeInAdminScope(actor, r.office.id))) {
    fail(403, "Akun ini juga memegang peran di kantor di luar wilayah Anda. Nonaktifkan perannya di wilayah Anda saja, atau minta admin KPU RI mengubah akunnya.");
  }
  return found;
}

export function setUserActive(actor: Actor, userId: number, isActive: boolean) {
  requireWholeAccountInScope(actor, userId);
  if (userId === actor.user.id && !isActive) fail(400, "Anda tidak dapat menonaktifkan akun Anda sendiri.");
  db().update(users).set({ isActive }).where(eq(users.id, userId)).run();
  if (!isActive) revokeSessionsOfUser(userId);
}

export function setMembershipActive(actor: Actor, userId: number, membershipId: number, isActive: boolean) {
  const { memberships: rows } = userInScope(actor, userId);
  const row = rows.find((r) => r.membership.id === membershipId);
  if (!row || !officeInAdminScope(actor, row.office.id)) fail(404);
  if (isActive && row.membership.position === "ketua") {
    const other = db()
      .select({ id: memberships.id })
      .from(memberships)
      .where(and(eq(memberships.officeId, row.office.id), eq(memberships.position, "ketua"), eq(memberships.isActive, true)))
      .get();
    if (other && other.id !== membershipId) fail(409, "Kantor ini sudah memiliki ketua aktif.");
  }
  db().update(memberships).set({ isActive }).where(eq(memberships.id, membershipId)).run();
}

export async function resetPassword(actor: Actor, userId: number) {
  requireWholeAccountInScope(actor, userId);
  const password = temporaryPassword();
  db().update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.id, userId)).run();
  revokeSessionsOfUser(userId);
  return password;
}


