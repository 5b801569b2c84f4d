import { sql } from "drizzle-orm";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { offices, stakeholders, users } from "./core";
import { meetings } from "./meetings";

const now = sql`(unixepoch('subsec') * 1000)`;

/** TMS categories an office uses: code and label separate, since numbering differs between sources. */
export const tmsCategories = sqliteTable(
  "tms_categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    code: text("code").notNull(),
    label: text("label").notNull(),
    /** Which category counts as "ganda" for the duplicate rate. */
    isDuplicate: integer("is_duplicate", { mode: "boolean" }).notNull().default(false),
    position: integer("position").notNull(),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [uniqueIndex("tms_categories_office_code_uq").on(t.officeId, t.code)],
);

/**
 * One recap of an office for a period. Determined recaps are locked; a correction is a new version
 * that names the one it replaces, with a reason.
 */
export const recaps = sqliteTable(
  "recaps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    period: text("period").notNull(),
    meetingId: integer("meeting_id").references(() => meetings.id),
    level: text("level", { enum: ["district", "village"] }).notNull().default("district"),
    status: text("status", { enum: ["draf", "ditetapkan", "diganti"] }).notNull().default("draf"),
    version: integer("version").notNull().default(1),
    replacesRecapId: integer("replaces_recap_id"),
    correctionReason: text("correction_reason"),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
    determinedAt: integer("determined_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("recaps_office_period_version_uq").on(t.officeId, t.period, t.version), index("recaps_office_status_idx").on(t.officeId, t.status, t.period)],
);

/** One row of the Model A-Rekap PDPB: stored counts (DPB and TMS totals derived, kept for queries). */
export const recapRows = sqliteTable(
  "recap_rows",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recapId: integer("recap_id")
      .notNull()
      .references(() => recaps.id),
    areaCode: text("area_code").notNull(),
    previousL: integer("previous_l").notNull(),
    previousP: integer("previous_p").notNull(),
    newL: integer("new_l").notNull(),
    newP: integer("new_p").notNull(),
    tmsL: integer("tms_l").notNull(),
    tmsP: integer("tms_p").notNull(),
    correctionsL: integer("corrections_l").notNull(),
    correctionsP: integer("corrections_p").notNull(),
    dpbL: integer("dpb_l").notNull(),
    dpbP: integer("dpb_p").notNull(),
  },
  (t) => [uniqueIndex("recap_rows_recap_area_uq").on(t.recapId, t.areaCode)],
);

export const recapRowTms = sqliteTable(
  "recap_row_tms",
  {
    rowId: integer("row_id")
      .notNull()
      .references(() => recapRows.id),
    categoryId: integer("category_id")
      .notNull()
      .references(() => tmsCategories.id),
    l: integer("l").notNull(),
    p: integer("p").notNull(),
  },
  (t) => [primaryKey({ columns: [t.rowId, t.categoryId] })],
);

export const DELIVERY_KINDS = ["data_kematian", "pemilih_pemula", "penghuni_rusun", "pemilih_disabilitas", "menikah_di_bawah_17", "lainnya"] as const;

/** The stakeholder data register (masukan data): who delivered what, and what it produced. */
export const dataDeliveries = sqliteTable(
  "data_deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    period: text("period").notNull(),
    stakeholderId: integer("stakeholder_id")
      .notNull()
      .references(() => stakeholders.id),
    kind: text("kind", { enum: DELIVERY_KINDS }).notNull(),
    records: integer("records").notNull(),
    receivedOn: text("received_on").notNull(),
    status: text("status", { enum: ["diterima", "diverifikasi", "ditindaklanjuti"] }).notNull().default("diterima"),
    tmsCount: integer("tms_count").notNull().default(0),
    newVoterCount: integer("new_voter_count").notNull().default(0),
    notes: text("notes").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("data_deliveries_office_period_idx").on(t.officeId, t.period)],
);
