import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

/** Timestamps are stored as UTC instants (milliseconds since the epoch). */
const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

import { COMMISSIONER_POSITIONS, OFFICE_LEVELS, ROLES, STAKEHOLDER_TYPES, TIME_ZONES } from "../../app/domain/enums";

export { COMMISSIONER_POSITIONS, OFFICE_LEVELS, ROLES, STAKEHOLDER_TYPES, TIME_ZONES };
export type { Role, StakeholderType } from "../../app/domain/enums";
export type OfficeLevel = (typeof OFFICE_LEVELS)[number];
export type TimeZone = (typeof TIME_ZONES)[number];

/** Administrative areas of Indonesia from idn-area-data (Kemendagri codes). */
export const areas = sqliteTable(
  "areas",
  {
    code: text("code").primaryKey(),
    parentCode: text("parent_code"),
    level: text("level", { enum: ["province", "regency", "district", "village"] }).notNull(),
    name: text("name").notNull(),
  },
  (t) => [index("areas_parent_idx").on(t.parentCode, t.name)],
);

/** One KPU office (satker): KPU RI, a KPU Provinsi or a KPU Kabupaten/Kota. */
export const offices = sqliteTable(
  "offices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    code: text("code").notNull().unique(),
    level: text("level", { enum: OFFICE_LEVELS }).notNull(),
    name: text("name").notNull(),
    regionName: text("region_name").notNull(),
    parentId: integer("parent_id"),
    timeZone: text("time_zone", { enum: TIME_ZONES }).notNull(),
    city: text("city").notNull(),
    address: text("address").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [index("offices_parent_idx").on(t.parentId), index("offices_name_idx").on(t.name)],
);

export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
  lastSignInAt: integer("last_sign_in_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});



/** Stakeholder organisation in an office's directory (pemangku kepentingan). */
export const stakeholders = sqliteTable(
  "stakeholders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id").notNull().references(() => offices.id),
    name: text("name").notNull(),
    type: text("type", { enum: STAKEHOLDER_TYPES }).notNull(),
    address: text("address").notNull().default(""),
    notes: text("notes").notNull().default(""),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("stakeholders_office_name_uq").on(t.officeId, t.name),
    // The directory and the invitation picker list an office's active organisations by type, then name.
    index("stakeholders_office_active_type_idx").on(t.officeId, t.isActive, t.type, t.name),
  ],
);

export const stakeholderContacts = sqliteTable(
  "stakeholder_contacts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    stakeholderId: integer("stakeholder_id")
      .notNull()
      .references(() => stakeholders.id),
    name: text("name").notNull(),
    position: text("position").notNull().default(""),
    whatsapp: text("whatsapp"),
    email: text("email"),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index("contacts_stakeholder_idx").on(t.stakeholderId)],
);

/** A user's role in one office. A user may hold several memberships. */
export const memberships = sqliteTable(
  "memberships",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    role: text("role", { enum: ROLES }).notNull(),
    /** Commissioners: ketua or anggota. */
    position: text("position", { enum: COMMISSIONER_POSITIONS }),
    /** Commissioners: the divisi they head; secretariat: their subbag. */
    division: text("division"),
    /** Job title as printed (Ketua, Anggota, Kasubbag Perencanaan, Data dan Informasi …). */
    title: text("title").notNull().default(""),
    /** Participants: the stakeholder organisation they speak for. */
    stakeholderId: integer("stakeholder_id").references(() => stakeholders.id),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("memberships_user_office_role_uq").on(t.userId, t.officeId, t.role),
    index("memberships_office_idx").on(t.officeId, t.role),
  ],
);

/** Sign-in sessions. The cookie holds a random id; only its SHA-256 is stored. */
export const sessions = sqliteTable(
  "sessions",
  {
    idHash: text("id_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    membershipId: integer("membership_id")
      .notNull()
      .references(() => memberships.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    ip: text("ip").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Failed sign-in counters, per account ("email:…") and per address ("ip:…"). */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  windowStartedAt: integer("window_started_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});
