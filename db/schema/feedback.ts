import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { users } from "./core";
import { invitations, meetings } from "./meetings";

const now = sql`(unixepoch('subsec') * 1000)`;

/** When a meeting takes feedback, and whether its recap summary is shown for comment. */
export const feedbackWindows = sqliteTable("feedback_windows", {
  meetingId: integer("meeting_id")
    .primaryKey()
    .references(() => meetings.id),
  deadline: integer("deadline", { mode: "timestamp_ms" }).notNull(),
  showRecap: integer("show_recap", { mode: "boolean" }).notNull().default(false),
  openedBy: integer("opened_by").references(() => users.id),
  openedAt: integer("opened_at", { mode: "timestamp_ms" }).notNull().default(now),
});

import { FEEDBACK_CATEGORIES, FOLLOW_UP_STATUSES, STANCES } from "../../app/domain/enums";

export { FEEDBACK_CATEGORIES, FOLLOW_UP_STATUSES, STANCES };

/** One organisation's tanggapan on one meeting (one per invitation); edits keep a history. */
export const feedbackSubmissions = sqliteTable(
  "feedback_submissions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    invitationId: integer("invitation_id")
      .notNull()
      .references(() => invitations.id),
    reference: text("reference").notNull().unique(),
    responderName: text("responder_name").notNull(),
    responderPosition: text("responder_position").notNull(),
    stance: text("stance", { enum: STANCES }).notNull(),
    version: integer("version").notNull().default(1),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [uniqueIndex("feedback_submissions_invitation_uq").on(t.invitationId)],
);

export const feedbackHistory = sqliteTable(
  "feedback_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    submissionId: integer("submission_id")
      .notNull()
      .references(() => feedbackSubmissions.id),
    version: integer("version").notNull(),
    snapshot: text("snapshot", { mode: "json" }).notNull(),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("feedback_history_submission_idx").on(t.submissionId, t.version)],
);

export const feedbackPoints = sqliteTable(
  "feedback_points",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    submissionId: integer("submission_id")
      .notNull()
      .references(() => feedbackSubmissions.id),
    position: integer("position").notNull(),
    category: text("category", { enum: FEEDBACK_CATEGORIES }).notNull(),
    districtCode: text("district_code").notNull(),
    villageCode: text("village_code"),
    voters: integer("voters").notNull(),
    description: text("description").notNull(),
    attachmentPath: text("attachment_path"),
    attachmentName: text("attachment_name"),
    attachmentType: text("attachment_type"),
    attachmentSize: integer("attachment_size"),
    answer: text("answer"),
    followUpStatus: text("follow_up_status", { enum: FOLLOW_UP_STATUSES }),
    division: text("division"),
    answeredBy: integer("answered_by").references(() => users.id),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("feedback_points_submission_idx").on(t.submissionId, t.position)],
);
