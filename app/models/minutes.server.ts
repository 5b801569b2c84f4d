import { and, asc, desc, eq, ne, sql } from "drizzle-orm";
import { minutes, minutesVersions, users } from "../../db/schema";
import { fail, requireSameOffice, type Actor } from "../auth/guard.server";
import { db, preparedQuery } from "../db.server";
import { recordAudit, type RequestOrigin } from "./audit.server";
import { getMeeting } from "./meeting.server";
import { reserveNumber, voidNumber } from "./register.server";

export type Minutes = typeof minutes.$inferSelect;

const minutesOfMeetingQuery = preparedQuery((database) =>
  database
    .select()
    .from(minutes)
    .where(and(eq(minutes.officeId, sql.placeholder("officeId")), eq(minutes.meetingId, sql.placeholder("meetingId")), ne(minutes.status, "dibatalkan")))
    // After a correction the meeting has two: the sealed one and its newer replacement.
    .orderBy(desc(minutes.id))
    .limit(1)
    .prepare(),
);

export function minutesOfMeeting(actor: Actor, meetingId: number) {
  return minutesOfMeetingQuery().get({ officeId: actor.office.id, meetingId });
}

/**
 * Makes the meeting's draft berita acara and numbers it from the register at once, so the number
 * is reserved and never reused. One live draft per meeting.
 */
export function createMinutes(actor: Actor, meetingId: number, origin: RequestOrigin): Minutes {
  getMeeting(actor, meetingId);
  const existing = minutesOfMeeting(actor, meetingId);
  if (existing) return existing;
  return db().transaction(() => {
    const row = db().insert(minutes).values({ officeId: actor.office.id, meetingId, createdBy: actor.user.id }).returning().get();
    const reserved = reserveNumber({ officeId: actor.office.id, docType: "BA", issuedAt: new Date(), documentRef: `minutes:${row.id}`, userId: actor.user.id });
    db().insert(minutesVersions).values({ minutesId: row.id, version: 1, notes: "", savedBy: actor.user.id }).run();
    const at = { minutesId: row.id, meetingId, officeId: actor.office.id, actor, origin };
    recordAudit(db(), { ...at, action: "dibuat", detail: { version: 1 } });
    recordAudit(db(), { ...at, action: "dinomori", detail: { number: reserved.number } });
    return db().update(minutes).set({ numberId: reserved.id, number: reserved.number }).where(eq(minutes.id, row.id)).returning().get();
  });
}

export function getMinutes(actor: Actor, id: number) {
  return requireSameOffice(db().select().from(minutes).where(eq(minutes.id, id)).get(), actor);
}

export function versionsOf(minutesId: number) {
  return db()
    .select({ version: minutesVersions, by: users.name })
    .from(minutesVersions)
    .leftJoin(users, eq(users.id, minutesVersions.savedBy))
    .where(eq(minutesVersions.minutesId, minutesId))
    .orderBy(asc(minutesVersions.version))
    .all();
}

/** Saves the free text as a new version; refused when someone saved since `expected` was read. */
export function saveMinutesVersion(actor: Actor, id: number, expected: number, notes: string, origin: RequestOrigin) {
  const m = getMinutes(actor, id);
  if (m.status !== "draf") fail(409, "Berita acara yang sudah diajukan tidak dapat diubah.");
  return db().transaction(() => {
    const updated = db()
      .update(minutes)
      .set({ currentVersion: expected + 1 })
      .where(and(eq(minutes.id, id), eq(minutes.currentVersion, expected)))
      .run();
    if (updated.changes !== 1) return false;
    db().insert(minutesVersions).values({ minutesId: id, version: expected + 1, notes, savedBy: actor.user.id }).run();
    recordAudit(db(), { minutesId: id, meetingId: m.meetingId, officeId: m.officeId, action: "disunting", actor, origin, detail: { version: expected + 1 } });
    return true;
  });
}

/** An abandoned draft: its number is voided with the reason, never reused. */
export function abandonMinutes(actor: Actor, id: number, reason: string, origin: RequestOrigin) {
  const m = getMinutes(actor, id);
  if (m.status === "dibatalkan") fail(409, "Draf ini sudah dibatalkan.");
  if (m.status === "ditandatangani") fail(409, "Berita acara yang sudah diterbitkan tidak dapat dibatalkan; buat koreksi sebagai penggantinya.");
  db().transaction(() => {
    if (m.numberId) voidNumber(actor, m.numberId, reason);
    db().update(minutes).set({ status: "dibatalkan", voidReason: reason.trim() }).where(eq(minutes.id, id)).run();
    recordAudit(db(), { minutesId: id, meetingId: m.meetingId, officeId: m.officeId, action: "dibatalkan", actor, origin, detail: { number: m.number ?? undefined, reason: reason.trim() } });
  });
}

/** A download of the document (its PDF, or the meeting's dossier holding it) is logged. */
export function recordMinutesDownload(actor: Actor, m: Minutes, origin: RequestOrigin, file: string) {
  recordAudit(db(), { minutesId: m.id, meetingId: m.meetingId, officeId: m.officeId, action: "diunduh", actor, origin, detail: { version: m.currentVersion, file } });
}
