import { and, asc, desc, eq, inArray, lt, ne, notInArray, sql } from "drizzle-orm";
import {
  agendaItems,
  carryOverDecisions,
  commissionerAttendance,
  invitationDeliveries,
  invitations,
  meetingDecisions,
  meetings,
  meetingSeries,
  memberships,
  stakeholderContacts,
  stakeholders,
  users,
  type AttendanceStatus,
  type MeetingKind,
  type MeetingStatus,
} from "../../db/schema";
import { fail, requireSameOffice, type Actor } from "../auth/guard.server";
import { db, preparedQuery, type DB } from "../db.server";
import { refreshOfficeMetrics } from "./office-metrics.server";
import { agendaTemplate, carryOverCandidates, KIND_PERIOD } from "../domain/agenda";
import { utcToZoned, zonedToUtc, type ZoneName } from "../domain/format";
import { dueDate, meetingDate, periodRange, periodsOfYear, type DayRule } from "../domain/periods";
import { quorum, type Quorum } from "../domain/quorum";
import { commissionersOf } from "./office.server";
import { settingsOf } from "./register.server";

export type Meeting = typeof meetings.$inferSelect;

export function todayIn(zone: ZoneName, now = new Date()) {
  return utcToZoned(now, zone).date;
}

/** A meeting held (or its berita acara signed) or cancelled is no longer due. */
export const DONE_STATUSES: MeetingStatus[] = ["selesai", "ba_ditandatangani", "dibatalkan"];

export function isOverdue(m: Pick<Meeting, "dueDate" | "status">, today: string) {
  return m.dueDate < today && !DONE_STATUSES.includes(m.status);
}

// ---------- series ----------

export function listSeries(actor: Actor) {
  return db().select().from(meetingSeries).where(eq(meetingSeries.officeId, actor.office.id)).orderBy(asc(meetingSeries.id)).all();
}

export function getSeries(actor: Actor, id: number) {
  return requireSameOffice(db().select().from(meetingSeries).where(eq(meetingSeries.id, id)).get(), actor);
}

export type SeriesInput = {
  kind: MeetingKind;
  title: string;
  dayRule: DayRule;
  defaultTime: string;
  durationMinutes: number;
  defaultPlace: string;
  dueDaysAfterEnd: number;
};

export function createSeries(actor: Actor, input: SeriesInput, database: DB = db()) {
  return database.insert(meetingSeries).values({ ...input, officeId: actor.office.id }).returning().get();
}

export function updateSeries(actor: Actor, id: number, input: SeriesInput & { isActive: boolean }) {
  getSeries(actor, id);
  db().update(meetingSeries).set(input).where(eq(meetingSeries.id, id)).run();
}

function insertAgendaFromTemplate(database: DB, meetingId: number, kind: MeetingKind) {
  agendaTemplate(kind).forEach((item, i) =>
    database.insert(agendaItems).values({ meetingId, position: i + 1, ...item }).run(),
  );
}

/**
 * Creates the meetings of one year for a series: one per period, on the day the rule gives, at the
 * series' time in the office's zone. Periods that already have their meeting are left alone.
 */
export function generateYear(
  office: { id: number; timeZone: ZoneName },
  series: typeof meetingSeries.$inferSelect,
  year: number,
  database: DB = db(),
) {
  const kind = KIND_PERIOD[series.kind];
  let created = 0;
  let skipped = 0;
  database.transaction((tx) => {
    for (const period of periodsOfYear(kind, year)) {
      const date = meetingDate(series.dayRule as DayRule, period);
      const startsAt = zonedToUtc(date, series.defaultTime, office.timeZone);
      const row = tx
        .insert(meetings)
        .values({
          officeId: office.id,
          seriesId: series.id,
          kind: series.kind,
          period,
          title: series.title,
          startsAt,
          endsAt: new Date(startsAt.getTime() + series.durationMinutes * 60_000),
          place: series.defaultPlace,
          status: "dijadwalkan",
          dueDate: dueDate(period, series.dueDaysAfterEnd),
        })
        .onConflictDoNothing()
        .returning({ id: meetings.id })
        .get();
      if (row) {
        insertAgendaFromTemplate(tx as unknown as DB, row.id, series.kind);
        created++;
      } else skipped++;
    }
  });
  return { created, skipped };
}

// ---------- meetings ----------

export type MeetingFilter = { kind?: string; status?: string; period?: string; year?: number; when?: "akan" | "lalu" | "" };

export function listMeetings(actor: Actor, filter: MeetingFilter, now = new Date()) {
  const where = [eq(meetings.officeId, actor.office.id)];
  if (filter.kind) where.push(eq(meetings.kind, filter.kind as MeetingKind));
  if (filter.status === "terlambat") {
    where.push(lt(meetings.dueDate, todayIn(actor.office.timeZone, now)));
    where.push(notInArray(meetings.status, DONE_STATUSES));
  } else if (filter.status) where.push(eq(meetings.status, filter.status as MeetingStatus));
  if (filter.period) where.push(eq(meetings.period, filter.period));
  if (filter.year) where.push(sql`substr(${meetings.period}, 1, 4) = ${String(filter.year)}`);
  if (filter.when === "akan") where.push(sql`${meetings.startsAt} >= ${now.getTime()}`);
  if (filter.when === "lalu") where.push(sql`${meetings.startsAt} < ${now.getTime()}`);
  return db()
    .select()
    .from(meetings)
    .where(and(...where))
    .orderBy(filter.when === "akan" ? asc(meetings.startsAt) : desc(meetings.startsAt))
    .limit(500)
    .all();
}

export function meetingsBetween(actor: Actor, from: Date, to: Date) {
  return db()
    .select()
    .from(meetings)
    .where(and(eq(meetings.officeId, actor.office.id), sql`${meetings.startsAt} >= ${from.getTime()}`, sql`${meetings.startsAt} < ${to.getTime()}`))
    .orderBy(asc(meetings.startsAt))
    .all();
}

const meetingQuery = preparedQuery((database) => database.select().from(meetings).where(eq(meetings.id, sql.placeholder("id"))).prepare());

export function getMeeting(actor: Actor, id: number) {
  return requireSameOffice(meetingQuery().get({ id }), actor);
}

export type MeetingInput = {
  kind: MeetingKind;
  period: string;
  title: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string;
  chairMembershipId: number | null;
};

/** Field errors of a meeting that the schema cannot see: the date against its period. */
export function meetingDateProblems(input: Pick<MeetingInput, "period" | "date" | "startTime" | "endTime">, dueDays = 31) {
  const errors: Record<string, string> = {};
  const { start, end } = periodRange(input.period);
  const latest = dueDate(input.period, dueDays);
  if (input.date < start || input.date > latest) {
    errors.date = `Tanggal rapat harus di dalam periodenya: antara ${start} dan ${latest}.`;
  }
  if (input.endTime <= input.startTime) errors.endTime = "Jam selesai harus setelah jam mulai.";
  return { errors, periodEnd: end };
}

function checkChair(actor: Actor, chairMembershipId: number | null) {
  if (chairMembershipId === null) return;
  const ok = commissionersOf(actor.office.id).some((c) => c.membership.id === chairMembershipId);
  if (!ok) fail(400, "Pimpinan rapat harus komisioner kantor ini.");
}

export function createMeeting(actor: Actor, input: MeetingInput) {
  checkChair(actor, input.chairMembershipId);
  const zone = actor.office.timeZone;
  return db().transaction((tx) => {
    const row = tx
      .insert(meetings)
      .values({
        officeId: actor.office.id,
        kind: input.kind,
        period: input.period,
        title: input.title,
        startsAt: zonedToUtc(input.date, input.startTime, zone),
        endsAt: zonedToUtc(input.date, input.endTime, zone),
        place: input.place,
        chairMembershipId: input.chairMembershipId,
        status: "dijadwalkan",
        dueDate: dueDate(input.period, 31),
      })
      .returning()
      .get();
    insertAgendaFromTemplate(tx as unknown as DB, row.id, input.kind);
    return row;
  });
}

/** Saves only if nobody saved since `version` was read; false when someone did. */
export function updateMeeting(actor: Actor, id: number, version: number, input: MeetingInput) {
  getMeeting(actor, id);
  checkChair(actor, input.chairMembershipId);
  const zone = actor.office.timeZone;
  const result = db()
    .update(meetings)
    .set({
      kind: input.kind,
      period: input.period,
      title: input.title,
      startsAt: zonedToUtc(input.date, input.startTime, zone),
      endsAt: zonedToUtc(input.date, input.endTime, zone),
      place: input.place,
      chairMembershipId: input.chairMembershipId,
      version: version + 1,
      updatedAt: new Date(),
    })
    .where(and(eq(meetings.id, id), eq(meetings.officeId, actor.office.id), eq(meetings.version, version)))
    .run();
  return result.changes === 1;
}

function bumpVersion(meetingId: number) {
  db().update(meetings).set({ version: sql`${meetings.version} + 1`, updatedAt: new Date() }).where(eq(meetings.id, meetingId)).run();
}

const attendanceRowsQuery = preparedQuery((database) =>
  database.select().from(commissionerAttendance).where(eq(commissionerAttendance.meetingId, sql.placeholder("meetingId"))).prepare(),
);

/** `members` may be passed by a caller that already read the office's commissioners. */
export function meetingQuorum(actor: Actor, meetingId: number, members = commissionersOf(actor.office.id)): Quorum {
  const present = attendanceRowsQuery()
    .all({ meetingId })
    .filter((r) => r.status === "hadir" && members.some((m) => m.membership.id === r.membershipId)).length;
  return quorum(members.length, present, settingsOf(actor.office.id).quorumRule);
}

const TRANSITIONS: Record<MeetingStatus, MeetingStatus[]> = {
  draf: ["dijadwalkan", "dibatalkan"],
  dijadwalkan: ["berlangsung", "selesai", "dibatalkan", "draf"],
  berlangsung: ["selesai", "dibatalkan"],
  selesai: [],
  dibatalkan: ["dijadwalkan"],
  // Reached only by sealing its berita acara (app/models/signing.server.ts).
  ba_ditandatangani: [],
};

export function setStatus(actor: Actor, id: number, status: MeetingStatus) {
  const meeting = getMeeting(actor, id);
  if (!TRANSITIONS[meeting.status].includes(status)) {
    fail(409, `Status rapat tidak dapat diubah dari "${meeting.status}" menjadi "${status}".`);
  }
  if (status === "selesai" && !meetingQuorum(actor, id).reached && !meeting.postponedAt) {
    return { ok: false as const, message: "Kuorum tidak terpenuhi. Catat keputusan penundaan rapat sebelum menandai rapat selesai." };
  }
  db()
    .update(meetings)
    .set({ status, heldAt: status === "selesai" ? new Date() : meeting.heldAt, version: sql`${meetings.version} + 1`, updatedAt: new Date() })
    .where(eq(meetings.id, id))
    .run();
  refreshOfficeMetrics(meeting.officeId);
  return { ok: true as const };
}

export function recordPostponement(actor: Actor, id: number, reason: string) {
  getMeeting(actor, id);
  db()
    .update(meetings)
    .set({ postponedAt: new Date(), postponedBy: actor.user.id, postponeReason: reason, version: sql`${meetings.version} + 1` })
    .where(eq(meetings.id, id))
    .run();
}

// ---------- agenda ----------

const agendaQuery = preparedQuery((database) =>
  database.select().from(agendaItems).where(eq(agendaItems.meetingId, sql.placeholder("meetingId"))).orderBy(asc(agendaItems.position)).prepare(),
);

export function agendaOf(meetingId: number) {
  return agendaQuery().all({ meetingId });
}

function itemOf(actor: Actor, meetingId: number, itemId: number) {
  getMeeting(actor, meetingId);
  const item = db().select().from(agendaItems).where(and(eq(agendaItems.id, itemId), eq(agendaItems.meetingId, meetingId))).get();
  if (!item) fail(404);
  return item;
}

export type AgendaInput = { title: string; presenter: string; durationMinutes: number; notes: string; outcome: "selesai" | "belum_selesai" | null };

export function addAgendaItem(actor: Actor, meetingId: number, input: AgendaInput, carriedFromItemId: number | null = null) {
  getMeeting(actor, meetingId);
  const last = db().select({ p: sql<number>`coalesce(max(${agendaItems.position}), 0)` }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).get();
  db().insert(agendaItems).values({ meetingId, position: (last?.p ?? 0) + 1, ...input, carriedFromItemId }).run();
  bumpVersion(meetingId);
}

export function updateAgendaItem(actor: Actor, meetingId: number, itemId: number, input: AgendaInput) {
  itemOf(actor, meetingId, itemId);
  db().update(agendaItems).set(input).where(eq(agendaItems.id, itemId)).run();
  bumpVersion(meetingId);
}

export function removeAgendaItem(actor: Actor, meetingId: number, itemId: number) {
  itemOf(actor, meetingId, itemId);
  db().transaction((tx) => {
    tx.delete(carryOverDecisions).where(eq(carryOverDecisions.sourceItemId, itemId)).run();
    tx.update(agendaItems).set({ carriedFromItemId: null }).where(eq(agendaItems.carriedFromItemId, itemId)).run();
    tx.delete(agendaItems).where(eq(agendaItems.id, itemId)).run();
    const rest = tx.select({ id: agendaItems.id }).from(agendaItems).where(eq(agendaItems.meetingId, meetingId)).orderBy(asc(agendaItems.position)).all();
    rest.forEach((r, i) => tx.update(agendaItems).set({ position: i + 1 }).where(eq(agendaItems.id, r.id)).run());
  });
  bumpVersion(meetingId);
}

export function moveAgendaItem(actor: Actor, meetingId: number, itemId: number, direction: "up" | "down") {
  itemOf(actor, meetingId, itemId);
  const items = agendaOf(meetingId);
  const i = items.findIndex((x) => x.id === itemId);
  const j = direction === "up" ? i - 1 : i + 1;
  if (j < 0 || j >= items.length) return;
  db().transaction((tx) => {
    tx.update(agendaItems).set({ position: items[j].position }).where(eq(agendaItems.id, items[i].id)).run();
    tx.update(agendaItems).set({ position: items[i].position }).where(eq(agendaItems.id, items[j].id)).run();
  });
  bumpVersion(meetingId);
}

/** The previous meeting of the same series (by date), if any. */
const previousInSeriesQuery = preparedQuery((database) =>
  database
    .select()
    .from(meetings)
    .where(and(eq(meetings.seriesId, sql.placeholder("seriesId")), sql`${meetings.startsAt} < ${sql.placeholder("startsAt")}`, ne(meetings.status, "dibatalkan")))
    .orderBy(desc(meetings.startsAt))
    .limit(1)
    .prepare(),
);

export function previousInSeries(meeting: Meeting) {
  if (!meeting.seriesId) return undefined;
  return previousInSeriesQuery().get({ seriesId: meeting.seriesId, startsAt: meeting.startsAt.getTime() });
}

const carryOverDecidedQuery = preparedQuery((database) =>
  database.select({ id: carryOverDecisions.sourceItemId }).from(carryOverDecisions).where(eq(carryOverDecisions.meetingId, sql.placeholder("meetingId"))).prepare(),
);

/** `previous` may be passed by a caller that already looked it up. */
export function carryOverProposals(meeting: Meeting, previous = previousInSeries(meeting)) {
  if (!previous) return [];
  const decided = new Set(carryOverDecidedQuery().all({ meetingId: meeting.id }).map((r) => r.id));
  return carryOverCandidates(agendaOf(previous.id), decided).map((item) => ({ ...item, fromPeriod: previous.period }));
}

export function decideCarryOver(actor: Actor, meetingId: number, sourceItemId: number, decision: "accepted" | "dismissed") {
  const meeting = getMeeting(actor, meetingId);
  const proposal = carryOverProposals(meeting).find((p) => p.id === sourceItemId);
  if (!proposal) fail(404, "Usulan agenda lanjutan ini tidak ditemukan atau sudah diputuskan.");
  db().transaction(() => {
    db().insert(carryOverDecisions).values({ meetingId, sourceItemId, decision, decidedBy: actor.user.id }).run();
    if (decision === "accepted") {
      addAgendaItem(
        actor,
        meetingId,
        {
          title: `${proposal.title} (lanjutan ${proposal.fromPeriod})`,
          presenter: proposal.presenter,
          durationMinutes: proposal.durationMinutes,
          notes: proposal.notes,
          outcome: null,
        },
        proposal.id,
      );
    }
  });
}

// ---------- decisions ----------

const decisionsQuery = preparedQuery((database) =>
  database.select().from(meetingDecisions).where(eq(meetingDecisions.meetingId, sql.placeholder("meetingId"))).orderBy(asc(meetingDecisions.position)).prepare(),
);

export function decisionsOf(meetingId: number) {
  return decisionsQuery().all({ meetingId });
}

export function addDecision(actor: Actor, meetingId: number, text: string) {
  getMeeting(actor, meetingId);
  const n = decisionsOf(meetingId).length;
  db().insert(meetingDecisions).values({ meetingId, position: n + 1, text }).run();
  bumpVersion(meetingId);
}

export function removeDecision(actor: Actor, meetingId: number, decisionId: number) {
  getMeeting(actor, meetingId);
  db().transaction((tx) => {
    tx.delete(meetingDecisions).where(and(eq(meetingDecisions.id, decisionId), eq(meetingDecisions.meetingId, meetingId))).run();
    const rest = tx.select({ id: meetingDecisions.id }).from(meetingDecisions).where(eq(meetingDecisions.meetingId, meetingId)).orderBy(asc(meetingDecisions.position)).all();
    rest.forEach((r, i) => tx.update(meetingDecisions).set({ position: i + 1 }).where(eq(meetingDecisions.id, r.id)).run());
  });
  bumpVersion(meetingId);
}

// ---------- attendance ----------

export function attendanceOf(actor: Actor, meetingId: number, members = commissionersOf(actor.office.id)) {
  const rows = attendanceRowsQuery().all({ meetingId });
  return members.map((m) => {
    const row = rows.find((r) => r.membershipId === m.membership.id);
    return {
      membershipId: m.membership.id,
      name: m.user.name,
      title: m.membership.title,
      position: m.membership.position,
      division: m.membership.division,
      status: row?.status ?? null,
      note: row?.note ?? "",
    };
  });
}

export function saveCommissionerAttendance(
  actor: Actor,
  meetingId: number,
  entries: { membershipId: number; status: AttendanceStatus; note: string }[],
) {
  getMeeting(actor, meetingId);
  const allowed = new Set(commissionersOf(actor.office.id).map((c) => c.membership.id));
  db().transaction((tx) => {
    for (const e of entries) {
      if (!allowed.has(e.membershipId)) fail(400, "Komisioner tidak dikenal di kantor ini.");
      tx.insert(commissionerAttendance)
        .values({ meetingId, ...e })
        .onConflictDoUpdate({ target: [commissionerAttendance.meetingId, commissionerAttendance.membershipId], set: { status: e.status, note: e.note } })
        .run();
    }
  });
  bumpVersion(meetingId);
}

// ---------- invitations ----------

const invitationsQuery = preparedQuery((database) =>
  database
    .select({ invitation: invitations, stakeholder: stakeholders, contact: stakeholderContacts })
    .from(invitations)
    .innerJoin(stakeholders, eq(stakeholders.id, invitations.stakeholderId))
    .leftJoin(stakeholderContacts, eq(stakeholderContacts.id, invitations.contactId))
    .where(eq(invitations.meetingId, sql.placeholder("meetingId")))
    .orderBy(asc(stakeholders.name))
    .prepare(),
);
/** Deliveries of every invitation of a meeting, oldest first. */
const invitationDeliveriesQuery = preparedQuery((database) =>
  database
    .select({ delivery: invitationDeliveries, by: users.name })
    .from(invitationDeliveries)
    .innerJoin(invitations, eq(invitations.id, invitationDeliveries.invitationId))
    .leftJoin(users, eq(users.id, invitationDeliveries.byUserId))
    .where(eq(invitations.meetingId, sql.placeholder("meetingId")))
    .orderBy(asc(invitationDeliveries.at))
    .prepare(),
);

export function invitationsOf(meetingId: number) {
  const rows = invitationsQuery().all({ meetingId });
  const deliveries = rows.length ? invitationDeliveriesQuery().all({ meetingId }) : [];
  return rows.map((r) => ({ ...r, deliveries: deliveries.filter((d) => d.delivery.invitationId === r.invitation.id) }));
}

export function getInvitation(actor: Actor, meetingId: number, invitationId: number) {
  const meeting = getMeeting(actor, meetingId);
  const row = invitationsOf(meeting.id).find((r) => r.invitation.id === invitationId);
  if (!row) fail(404);
  return { meeting, ...row };
}

/** Invites an organisation once per meeting; returns a field error when it cannot. */
export function invite(
  actor: Actor,
  meetingId: number,
  stakeholderId: number,
  contactId: number | null,
): { error: Record<string, string>; invitation?: undefined } | { error?: undefined; invitation: typeof invitations.$inferSelect } {
  getMeeting(actor, meetingId);
  const org = db().select().from(stakeholders).where(eq(stakeholders.id, stakeholderId)).get();
  if (!org || org.officeId !== actor.office.id || !org.isActive) return { error: { stakeholderId: "Organisasi tidak ditemukan di direktori kantor ini." } };
  if (contactId !== null) {
    const contact = db().select().from(stakeholderContacts).where(eq(stakeholderContacts.id, contactId)).get();
    if (!contact || contact.stakeholderId !== org.id) return { error: { contactId: "Kontak ini bukan milik organisasi yang dipilih." } };
  }
  const exists = db().select({ id: invitations.id }).from(invitations).where(and(eq(invitations.meetingId, meetingId), eq(invitations.stakeholderId, org.id))).get();
  if (exists) return { error: { stakeholderId: `${org.name} sudah diundang ke rapat ini.` } };
  const contact =
    contactId ??
    db()
      .select({ id: stakeholderContacts.id })
      .from(stakeholderContacts)
      .where(and(eq(stakeholderContacts.stakeholderId, org.id), eq(stakeholderContacts.isActive, true)))
      .orderBy(asc(stakeholderContacts.id))
      .get()?.id ??
    null;
  const row = db().insert(invitations).values({ meetingId, stakeholderId: org.id, contactId: contact, createdBy: actor.user.id }).returning().get();
  bumpVersion(meetingId);
  return { invitation: row };
}

export function removeInvitation(actor: Actor, meetingId: number, invitationId: number) {
  getInvitation(actor, meetingId, invitationId);
  db().transaction((tx) => {
    tx.delete(invitationDeliveries).where(eq(invitationDeliveries.invitationId, invitationId)).run();
    tx.delete(invitations).where(eq(invitations.id, invitationId)).run();
  });
  bumpVersion(meetingId);
}

export function recordDelivery(actor: Actor, invitationId: number, channel: "letter" | "ics" | "whatsapp" | "email", detail = "") {
  db().insert(invitationDeliveries).values({ invitationId, channel, detail, byUserId: actor.user.id }).run();
}

export function saveOrganisationAttendance(actor: Actor, meetingId: number, entries: { invitationId: number; present: boolean; attendeeName: string }[]) {
  getMeeting(actor, meetingId);
  db().transaction((tx) => {
    for (const e of entries) {
      const r = tx
        .update(invitations)
        .set({ present: e.present, attendeeName: e.attendeeName })
        .where(and(eq(invitations.id, e.invitationId), eq(invitations.meetingId, meetingId)))
        .run();
      if (r.changes !== 1) fail(400, "Undangan tidak dikenal pada rapat ini.");
    }
  });
  bumpVersion(meetingId);
}

const chairQuery = preparedQuery((database) =>
  database
    .select({ name: users.name, title: memberships.title })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.id, sql.placeholder("id")))
    .prepare(),
);

export function chairName(meeting: Meeting) {
  if (!meeting.chairMembershipId) return null;
  const row = chairQuery().get({ id: meeting.chairMembershipId });
  return row ? `${row.name} (${row.title})` : null;
}

/** Counts for the dashboards. */
// The dashboard's counts, built once per connection (see preparedQuery).
const overdueCountQuery = preparedQuery((database) =>
  database
    .select({ n: sql<number>`count(*)` })
    .from(meetings)
    .where(and(eq(meetings.officeId, sql.placeholder("officeId")), lt(meetings.dueDate, sql.placeholder("today")), notInArray(meetings.status, ["selesai", "dibatalkan"])))
    .prepare(),
);
const upcomingWhere = and(
  eq(meetings.officeId, sql.placeholder("officeId")),
  sql`${meetings.startsAt} >= ${sql.placeholder("now")}`,
  inArray(meetings.status, ["dijadwalkan", "draf"]),
);
const upcomingQuery = preparedQuery((database) => database.select().from(meetings).where(upcomingWhere).orderBy(asc(meetings.startsAt)).limit(5).prepare());
const upcomingCountQuery = preparedQuery((database) => database.select({ n: sql<number>`count(*)` }).from(meetings).where(upcomingWhere).prepare());

export function meetingCounts(actor: Actor, now = new Date()) {
  const today = todayIn(actor.office.timeZone, now);
  const officeId = actor.office.id;
  const overdue = overdueCountQuery().get({ officeId, today })!.n;
  const upcoming = upcomingQuery().all({ officeId, now: now.getTime() });
  const upcomingCount = upcomingCountQuery().get({ officeId, now: now.getTime() })!.n;
  return { overdue, upcoming, upcomingCount };
}
