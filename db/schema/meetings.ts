import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { memberships, offices, stakeholderContacts, stakeholders, users } from "./core";

const now = sql`(unixepoch('subsec') * 1000)`;

import { AGENDA_OUTCOMES, ATTENDANCE_STATUSES, DELIVERY_CHANNELS, MEETING_KINDS, MEETING_STATUSES } from "../../app/domain/enums";

export { AGENDA_OUTCOMES, ATTENDANCE_STATUSES, DELIVERY_CHANNELS, MEETING_KINDS, MEETING_STATUSES };
export type { AttendanceStatus, MeetingKind, MeetingStatus } from "../../app/domain/enums";

/** A statutory series an office keeps; the day rule is data (JSON), so a new regulation needs no code. */
export const meetingSeries = sqliteTable("meeting_series", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  officeId: integer("office_id")
    .notNull()
    .references(() => offices.id),
  kind: text("kind", { enum: MEETING_KINDS }).notNull(),
  title: text("title").notNull(),
  dayRule: text("day_rule", { mode: "json" }).notNull(),
  defaultTime: text("default_time").notNull().default("09:00"),
  durationMinutes: integer("duration_minutes").notNull().default(120),
  defaultPlace: text("default_place").notNull().default(""),
  dueDaysAfterEnd: integer("due_days_after_end").notNull().default(0),
  isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    seriesId: integer("series_id").references(() => meetingSeries.id),
    kind: text("kind", { enum: MEETING_KINDS }).notNull(),
    period: text("period").notNull(),
    title: text("title").notNull(),
    startsAt: integer("starts_at", { mode: "timestamp_ms" }).notNull(),
    endsAt: integer("ends_at", { mode: "timestamp_ms" }).notNull(),
    place: text("place").notNull().default(""),
    chairMembershipId: integer("chair_membership_id").references(() => memberships.id),
    status: text("status", { enum: MEETING_STATUSES }).notNull().default("dijadwalkan"),
    dueDate: text("due_date").notNull(),
    postponedAt: integer("postponed_at", { mode: "timestamp_ms" }),
    postponedBy: integer("postponed_by").references(() => users.id),
    postponeReason: text("postpone_reason"),
    heldAt: integer("held_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("meetings_series_period_uq").on(t.seriesId, t.period),
    index("meetings_office_start_idx").on(t.officeId, t.startsAt),
  ],
);


export const agendaItems = sqliteTable(
  "agenda_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    presenter: text("presenter").notNull().default(""),
    durationMinutes: integer("duration_minutes").notNull().default(10),
    notes: text("notes").notNull().default(""),
    outcome: text("outcome", { enum: AGENDA_OUTCOMES }),
    carriedFromItemId: integer("carried_from_item_id"),
  },
  (t) => [index("agenda_meeting_idx").on(t.meetingId, t.position)],
);

/** The secretariat's answer to a proposed carry-over item (accepted items also appear in the agenda). */
export const carryOverDecisions = sqliteTable(
  "carry_over_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    sourceItemId: integer("source_item_id")
      .notNull()
      .references(() => agendaItems.id),
    decision: text("decision", { enum: ["accepted", "dismissed"] }).notNull(),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [uniqueIndex("carry_over_uq").on(t.meetingId, t.sourceItemId)],
);

export const meetingDecisions = sqliteTable(
  "meeting_decisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    position: integer("position").notNull(),
    text: text("text").notNull(),
  },
  (t) => [index("meeting_decisions_meeting_idx").on(t.meetingId, t.position)],
);

export const invitations = sqliteTable(
  "invitations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    stakeholderId: integer("stakeholder_id")
      .notNull()
      .references(() => stakeholders.id),
    contactId: integer("contact_id").references(() => stakeholderContacts.id),
    /** Raised to revoke the feedback link; the token is an HMAC of the id and this version. */
    linkVersion: integer("link_version").notNull().default(1),
    present: integer("present", { mode: "boolean" }),
    attendeeName: text("attendee_name").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [
    uniqueIndex("invitations_meeting_org_uq").on(t.meetingId, t.stakeholderId),
    index("invitations_stakeholder_idx").on(t.stakeholderId),
  ],
);


export const invitationDeliveries = sqliteTable(
  "invitation_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    invitationId: integer("invitation_id")
      .notNull()
      .references(() => invitations.id),
    channel: text("channel", { enum: DELIVERY_CHANNELS }).notNull(),
    detail: text("detail").notNull().default(""),
    byUserId: integer("by_user_id").references(() => users.id),
    at: integer("at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("invitation_deliveries_invitation_idx").on(t.invitationId, t.at)],
);


export const commissionerAttendance = sqliteTable(
  "commissioner_attendance",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    membershipId: integer("membership_id")
      .notNull()
      .references(() => memberships.id),
    status: text("status", { enum: ATTENDANCE_STATUSES }).notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.membershipId] })],
);

/** Demo mode keeps e-mails here instead of sending them. */
export const outbox = sqliteTable("outbox", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  officeId: integer("office_id")
    .notNull()
    .references(() => offices.id),
  meetingId: integer("meeting_id").references(() => meetings.id),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  body: text("body").notNull(),
  attachments: text("attachments", { mode: "json" }).notNull().default(sql`'[]'`),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});
