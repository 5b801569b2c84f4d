import { and, asc, desc, eq, inArray, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { offices, visitDelegates, visits, visitTopics, type VisitStatus } from "../../db/schema";
import { fail, type Actor } from "../auth/guard.server";
import { db, preparedQuery } from "../db.server";
import type { VisitInput } from "../domain/knowledge-schema";
import type { Topic } from "../domain/topics";
import {
  allowedVisitActions,
  canEditVisit,
  canSeeVisit,
  isHostSecretariat,
  isVisitingWriter,
  nextVisitStatus,
  type VisitAction,
  type Viewer,
} from "../domain/visit-workflow";

const host = alias(offices, "host");
const guest = alias(offices, "guest");

export function viewerOf(actor: Actor | null): Viewer {
  return actor ? { officeId: actor.office.id, role: actor.membership.role } : null;
}

export type VisitFilter = { office?: string; province?: string; year?: string; topic?: Topic };

function filterWhere(filter: VisitFilter): SQL[] {
  const where: SQL[] = [];
  if (filter.office) where.push(or(eq(host.code, filter.office), eq(guest.code, filter.office))!);
  if (filter.province)
    where.push(or(sql`substr(${host.code}, 1, 2) = ${filter.province}`, sql`substr(${guest.code}, 1, 2) = ${filter.province}`)!);
  if (filter.year) where.push(sql`substr(${visits.visitDate}, 1, 4) = ${filter.year}`);
  if (filter.topic)
    where.push(sql`exists (select 1 from ${visitTopics} t where t.visit_id = visits.id and t.topic = ${filter.topic})`);
  return where;
}

const listColumns = {
  id: visits.id,
  title: visits.title,
  visitDate: visits.visitDate,
  status: visits.status,
  hostCode: host.code,
  hostName: host.name,
  guestCode: guest.code,
  guestName: guest.name,
};

function withTopics<T extends { id: number }>(rows: T[]) {
  if (rows.length === 0) return [] as (T & { topics: Topic[] })[];
  const topicRows = db()
    .select()
    .from(visitTopics)
    .where(
      inArray(
        visitTopics.visitId,
        rows.map((r) => r.id),
      ),
    )
    .all();
  return rows.map((r) => ({ ...r, topics: topicRows.filter((t) => t.visitId === r.id).map((t) => t.topic) }));
}

/** The public list: published reports only, newest visit first. */
export function listPublishedVisits(filter: VisitFilter) {
  const rows = db()
    .select(listColumns)
    .from(visits)
    .innerJoin(host, eq(host.id, visits.hostOfficeId))
    .innerJoin(guest, eq(guest.id, visits.visitingOfficeId))
    .where(and(eq(visits.status, "terbit"), ...filterWhere(filter)))
    .orderBy(desc(visits.visitDate), desc(visits.id))
    .limit(200)
    .all();
  return withTopics(rows);
}

/** Reports of the viewer's office not yet published: its own drafts, and those awaiting or returned. */
export function listUnpublishedVisitsFor(actor: Actor) {
  const officeId = actor.office.id;
  const rows = db()
    .select(listColumns)
    .from(visits)
    .innerJoin(host, eq(host.id, visits.hostOfficeId))
    .innerJoin(guest, eq(guest.id, visits.visitingOfficeId))
    .where(
      and(
        sql`${visits.status} <> 'terbit'`,
        or(eq(visits.visitingOfficeId, officeId), and(eq(visits.hostOfficeId, officeId), sql`${visits.status} <> 'draf'`)),
      ),
    )
    .orderBy(desc(visits.visitDate), desc(visits.id))
    .all();
  return withTopics(rows);
}

/** Years that published reports cover, for the filter. */
export function visitYears(): string[] {
  return db()
    .selectDistinct({ year: sql<string>`substr(${visits.visitDate}, 1, 4)` })
    .from(visits)
    .where(eq(visits.status, "terbit"))
    .orderBy(desc(sql`1`))
    .all()
    .map((r) => r.year);
}

/** A report as the viewer may see it; anything they may not see answers 404. */
export function getVisitFor(actor: Actor | null, id: number) {
  const row = db()
    .select({ visit: visits, hostName: host.name, hostCode: host.code, guestName: guest.name, guestCode: guest.code, hostZone: host.timeZone })
    .from(visits)
    .innerJoin(host, eq(host.id, visits.hostOfficeId))
    .innerJoin(guest, eq(guest.id, visits.visitingOfficeId))
    .where(eq(visits.id, id))
    .get();
  if (!row || !canSeeVisit(row.visit, viewerOf(actor))) fail(404);
  const delegates = db()
    .select({ name: visitDelegates.name, position: visitDelegates.position })
    .from(visitDelegates)
    .where(eq(visitDelegates.visitId, id))
    .orderBy(asc(visitDelegates.sortOrder))
    .all();
  const topics = db()
    .select({ topic: visitTopics.topic })
    .from(visitTopics)
    .where(eq(visitTopics.visitId, id))
    .all()
    .map((t) => t.topic);
  return {
    ...row,
    delegates,
    topics,
    canEdit: canEditVisit(row.visit, viewerOf(actor)),
    actions: allowedVisitActions(row.visit, viewerOf(actor)),
  };
}

/** The report for editing: only its writers, only while draft or returned; otherwise 404/403. */
export function getVisitForEdit(actor: Actor, id: number) {
  const found = getVisitFor(actor, id);
  if (found.visit.visitingOfficeId !== actor.office.id) fail(404);
  if (!found.canEdit) fail(403, "Laporan ini tidak dapat diubah lagi pada status sekarang.");
  return found;
}

function officeExists(id: number) {
  return !!db().select({ id: offices.id }).from(offices).where(eq(offices.id, id)).get();
}

/** Why the host office cannot be used, or null. */
export function hostOfficeProblem(actor: Actor, hostOfficeId: number): string | null {
  if (!officeExists(hostOfficeId)) return "Kantor tuan rumah tidak dikenal.";
  if (hostOfficeId === actor.office.id) return "Kantor tuan rumah tidak boleh kantor Anda sendiri.";
  return null;
}

function writeDetails(tx: Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0], visitId: number, input: VisitInput) {
  tx.delete(visitDelegates).where(eq(visitDelegates.visitId, visitId)).run();
  tx.delete(visitTopics).where(eq(visitTopics.visitId, visitId)).run();
  input.delegates.forEach((d, i) => tx.insert(visitDelegates).values({ visitId, name: d.name, position: d.position, sortOrder: i }).run());
  for (const topic of input.topics) tx.insert(visitTopics).values({ visitId, topic }).run();
}

const fields = (input: VisitInput) => ({
  hostOfficeId: input.hostOfficeId,
  visitDate: input.visitDate,
  title: input.title,
  questions: input.questions,
  hostPresentation: input.hostPresentation,
  practicesObserved: input.practicesObserved,
  followUpPlan: input.followUpPlan,
});

/** A new report of the actor's office (the visiting office), as a draft. */
export function createVisit(actor: Actor, input: VisitInput) {
  return db().transaction((tx) => {
    const row = tx
      .insert(visits)
      .values({ ...fields(input), visitingOfficeId: actor.office.id, createdBy: actor.user.id })
      .returning()
      .get();
    writeDetails(tx, row.id, input);
    return row;
  });
}

/** Saves only when nobody changed the report in between (version check); false otherwise. */
export function updateVisit(actor: Actor, id: number, version: number, input: VisitInput) {
  getVisitForEdit(actor, id);
  return db().transaction((tx) => {
    const result = tx
      .update(visits)
      .set({ ...fields(input), version: version + 1, updatedAt: new Date() })
      .where(and(eq(visits.id, id), eq(visits.visitingOfficeId, actor.office.id), eq(visits.version, version)))
      .run();
    if (result.changes !== 1) return false;
    writeDetails(tx, id, input);
    return true;
  });
}

/**
 * The report, when the actor may take this step now: a report they may not see answers 404,
 * a step that is not theirs 403, a step that no longer fits the status 409.
 */
export function requireVisitAction(actor: Actor, id: number, action: VisitAction) {
  const found = getVisitFor(actor, id);
  const viewer = viewerOf(actor);
  const theirs = action === "submit" ? isVisitingWriter(found.visit, viewer) : isHostSecretariat(found.visit, viewer);
  if (!theirs) fail(403, "Langkah ini bukan wewenang Anda.");
  if (!nextVisitStatus(found.visit.status, action)) fail(409, "Status laporan sudah berubah; muat ulang halaman.");
  return found;
}

/** Moves a report along its workflow, checking who acts. */
export function transitionVisit(actor: Actor, id: number, action: VisitAction, reason?: string) {
  const found = requireVisitAction(actor, id, action);
  const to = nextVisitStatus(found.visit.status, action) as VisitStatus;
  const now = new Date();
  const changes =
    action === "submit"
      ? { submittedAt: now, returnReason: null }
      : action === "confirm"
        ? { confirmedAt: now, confirmedBy: actor.user.id }
        : { returnReason: reason ?? "" };
  const result = db()
    .update(visits)
    .set({ status: to, ...changes, version: sql`${visits.version} + 1`, updatedAt: now })
    .where(and(eq(visits.id, id), eq(visits.status, found.visit.status)))
    .run();
  if (result.changes !== 1) fail(409, "Status laporan sudah berubah; muat ulang halaman.");
  return to;
}

// The dashboard asks this on every view: built once per connection.
const awaitingConfirmationQuery = preparedQuery((database) =>
  database
    .select({ n: sql<number>`count(*)` })
    .from(visits)
    .where(and(eq(visits.hostOfficeId, sql.placeholder("officeId")), eq(visits.status, "menunggu_konfirmasi")))
    .prepare(),
);

/** Reports waiting for the host office's confirmation (dashboard). */
export function visitsAwaitingConfirmation(officeId: number) {
  return awaitingConfirmationQuery().get({ officeId })?.n ?? 0;
}

/** Published visits hosted by each office, for the board's links to learn from the best. */
export function hostedVisitCounts(officeIds: number[]) {
  if (officeIds.length === 0) return new Map<number, number>();
  const rows = db()
    .select({ officeId: visits.hostOfficeId, n: sql<number>`count(*)` })
    .from(visits)
    .where(and(eq(visits.status, "terbit"), inArray(visits.hostOfficeId, officeIds)))
    .groupBy(visits.hostOfficeId)
    .all();
  return new Map(rows.map((r) => [r.officeId, r.n]));
}
