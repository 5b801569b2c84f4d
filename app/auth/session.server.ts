import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import { memberships, offices, sessions, users } from "../../db/schema";
import { db, type DB } from "../db.server";
import { env } from "../env.server";

export const SESSION_COOKIE = "pleno_sid";
const TOUCH_EVERY_MS = 5 * 60_000;

export function hashToken(raw: string): string {
  return createHash("sha256").update(raw).digest("hex");
}

function readCookie(request: Request, name: string): string | null {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

export function sessionCookie(rawId: string, maxAgeSeconds: number): string {
  const attrs = [`${SESSION_COOKIE}=${rawId}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (!env().isDemo) attrs.push("Secure");
  return attrs.join("; ");
}

export function clearedSessionCookie(): string {
  return sessionCookie("", 0);
}

export type SessionMeta = { ip: string; userAgent: string };

/** Starts a session and returns the cookie that carries its id (the only place the raw id lives). */
export function createSession(userId: number, membershipId: number, meta: SessionMeta, now = Date.now()) {
  const raw = randomBytes(32).toString("base64url");
  const days = env().SESSION_DAYS;
  db()
    .insert(sessions)
    .values({
      idHash: hashToken(raw),
      userId,
      membershipId,
      expiresAt: new Date(now + days * 86_400_000),
      lastSeenAt: new Date(now),
      ip: meta.ip.slice(0, 64),
      userAgent: meta.userAgent.slice(0, 300),
    })
    .run();
  return { rawId: raw, cookie: sessionCookie(raw, days * 86_400) };
}

function sessionQuery(database: DB) {
  return database
    // What the guard and the sign-in need, and no more (never the password hash).
    .select({
      session: { idHash: sessions.idHash, expiresAt: sessions.expiresAt, lastSeenAt: sessions.lastSeenAt },
      user: { id: users.id, name: users.name, email: users.email, isActive: users.isActive },
      membership: {
        id: memberships.id,
        role: memberships.role,
        officeId: memberships.officeId,
        position: memberships.position,
        division: memberships.division,
        title: memberships.title,
        stakeholderId: memberships.stakeholderId,
        isActive: memberships.isActive,
      },
      office: {
        id: offices.id,
        code: offices.code,
        name: offices.name,
        regionName: offices.regionName,
        level: offices.level,
        parentId: offices.parentId,
        timeZone: offices.timeZone,
        city: offices.city,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .innerJoin(memberships, eq(memberships.id, sessions.membershipId))
    .innerJoin(offices, eq(offices.id, memberships.officeId))
    .where(and(eq(sessions.idHash, sql.placeholder("idHash")), isNull(sessions.revokedAt)))
    .prepare();
}

/** Every request reads its session: the statement is built once per database connection. */
const preparedSessionQueries = new WeakMap<DB, ReturnType<typeof sessionQuery>>();

export function loadSession(request: Request, now = Date.now()) {
  const raw = readCookie(request, SESSION_COOKIE);
  if (!raw || raw.length > 100) return null;
  const idHash = hashToken(raw);
  const database = db();
  let query = preparedSessionQueries.get(database);
  if (!query) {
    query = sessionQuery(database);
    preparedSessionQueries.set(database, query);
  }
  const row = query.get({ idHash });
  if (!row) return null;
  if (row.session.expiresAt.getTime() <= now) return null;
  if (!row.user.isActive || !row.membership.isActive) return null;
  if (now - row.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    db().update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.idHash, idHash)).run();
  }
  return row;
}

export function revokeSession(idHash: string, now = Date.now()) {
  db().update(sessions).set({ revokedAt: new Date(now) }).where(eq(sessions.idHash, idHash)).run();
}

export function revokeSessionsOfUser(userId: number, now = Date.now()) {
  db()
    .update(sessions)
    .set({ revokedAt: new Date(now) })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .run();
}

export function switchMembership(idHash: string, membershipId: number) {
  db().update(sessions).set({ membershipId }).where(eq(sessions.idHash, idHash)).run();
}
