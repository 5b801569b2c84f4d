/**
 * The append-only audit log of berita acara. Rows are only inserted (the database refuses UPDATE
 * and DELETE); callers pass their transaction's database so the row commits with the change.
 */
import { and, asc, count, desc, eq } from "drizzle-orm";
import { auditLog } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { contextOf } from "../context";
import { db, type DB } from "../db.server";
import { AUDIT_BOUNDS, auditDetailJson, clip, parseAuditDetail, type AuditDetail } from "../domain/audit";
import type { AuditAction } from "../domain/enums";

/** Where a request came from, as the audit log keeps it. */
export type RequestOrigin = { ip: string; userAgent: string };

/** The address from the server's load context and the browser's User-Agent header. */
export function requestOrigin(args: { request: Request; context?: unknown }): RequestOrigin {
  return {
    ip: clip(contextOf(args.context).ip, AUDIT_BOUNDS.ip),
    userAgent: clip(args.request.headers.get("User-Agent"), AUDIT_BOUNDS.userAgent),
  };
}

export type AuditEntry = {
  minutesId: number | null;
  meetingId: number | null;
  officeId: number;
  action: AuditAction;
  actor: Pick<Actor, "user"> | null;
  origin: RequestOrigin;
  detail?: AuditDetail;
};

export function recordAudit(database: DB, entry: AuditEntry) {
  database
    .insert(auditLog)
    .values({
      officeId: entry.officeId,
      meetingId: entry.meetingId,
      minutesId: entry.minutesId,
      action: entry.action,
      userId: entry.actor?.user.id ?? null,
      userName: clip(entry.actor?.user.name, AUDIT_BOUNDS.userName),
      ip: clip(entry.origin.ip, AUDIT_BOUNDS.ip),
      userAgent: clip(entry.origin.userAgent, AUDIT_BOUNDS.userAgent),
      detail: auditDetailJson(entry.detail),
    })
    .run();
}

export type AuditRow = Omit<typeof auditLog.$inferSelect, "detail"> & { detail: AuditDetail };

const read = (row: typeof auditLog.$inferSelect): AuditRow => ({ ...row, detail: parseAuditDetail(row.detail) });

/**
 * The log of one berita acara, oldest first; with `latest`, only its last rows. Callers have checked
 * the office already.
 */
export function auditOf(minutesId: number, latest?: number, database: DB = db()): AuditRow[] {
  const query = database.select().from(auditLog).where(eq(auditLog.minutesId, minutesId));
  if (latest === undefined) return query.orderBy(asc(auditLog.id)).all().map(read);
  return query.orderBy(desc(auditLog.id)).limit(latest).all().reverse().map(read);
}

export function auditCountOf(minutesId: number, database: DB = db()): number {
  return database.select({ n: count() }).from(auditLog).where(eq(auditLog.minutesId, minutesId)).get()!.n;
}

/** Every row of a meeting of the office (all its berita acara, abandoned ones too), oldest first. */
export function auditOfMeeting(officeId: number, meetingId: number, limit: number, database: DB = db()): AuditRow[] {
  return database
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.officeId, officeId), eq(auditLog.meetingId, meetingId)))
    .orderBy(asc(auditLog.id))
    .limit(limit)
    .all()
    .map(read);
}

export function auditCountOfMeeting(officeId: number, meetingId: number, database: DB = db()): number {
  return database
    .select({ n: count() })
    .from(auditLog)
    .where(and(eq(auditLog.officeId, officeId), eq(auditLog.meetingId, meetingId)))
    .get()!.n;
}
