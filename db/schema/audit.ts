import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { AUDIT_ACTIONS } from "../../app/domain/enums";
import { offices, users } from "./core";
import { meetings } from "./meetings";
import { minutes } from "./minutes";

export { AUDIT_ACTIONS };
export type { AuditAction } from "../../app/domain/enums";

const now = sql`(unixepoch('subsec') * 1000)`;

/**
 * Append-only record of every action on a berita acara: who, when, from where, what. Triggers in the
 * migration 0010_audit_sql refuse UPDATE and DELETE. The user's name is a
 * snapshot so the row still reads right after a rename. minutes_id is nullable so that other
 * documents of a meeting can be logged here later.
 */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    meetingId: integer("meeting_id").references(() => meetings.id),
    minutesId: integer("minutes_id").references(() => minutes.id),
    action: text("action", { enum: AUDIT_ACTIONS }).notNull(),
    userId: integer("user_id").references(() => users.id),
    userName: text("user_name").notNull().default(""),
    at: integer("at", { mode: "timestamp_ms" }).notNull().default(now),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    /** JSON object with what the action needs to be understood (version, reason, file). */
    detail: text("detail").notNull().default("{}"),
  },
  (t) => [
    index("audit_log_minutes_idx").on(t.minutesId, t.id),
    index("audit_log_meeting_idx").on(t.officeId, t.meetingId, t.id),
  ],
);
