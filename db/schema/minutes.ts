import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { offices, users } from "./core";
import { meetings } from "./meetings";
import { numberRegister } from "./register";
import { MINUTES_STATUSES } from "../../app/domain/enums";

export { MINUTES_STATUSES };

const now = sql`(unixepoch('subsec') * 1000)`;

/** The berita acara of a meeting. Its number comes from the register when the draft is made. */
export const minutes = sqliteTable(
  "minutes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id),
    status: text("status", { enum: MINUTES_STATUSES }).notNull().default("draf"),
    numberId: integer("number_id").references(() => numberRegister.id),
    number: text("number"),
    currentVersion: integer("current_version").notNull().default(1),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    submittedBy: integer("submitted_by").references(() => users.id),
    voidReason: text("void_reason"),
    /** A correction after sealing names the berita acara it replaces. */
    replacesMinutesId: integer("replaces_minutes_id"),
    /** When it was sealed (or its paper scan published): set with the publication, never alone. */
    sealedAt: integer("sealed_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("minutes_office_idx").on(t.officeId, t.status), index("minutes_meeting_idx").on(t.meetingId)],
);

/** Every save of a draft is a version with who and when; the free text lives here. */
export const minutesVersions = sqliteTable(
  "minutes_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    minutesId: integer("minutes_id")
      .notNull()
      .references(() => minutes.id),
    version: integer("version").notNull(),
    notes: text("notes").notNull().default(""),
    savedBy: integer("saved_by").references(() => users.id),
    savedAt: integer("saved_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [uniqueIndex("minutes_versions_uq").on(t.minutesId, t.version)],
);
