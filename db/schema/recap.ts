import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { offices, stakeholders, users } from "./core";
import { meetings } from "./meetings";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** TMS categories per office: code (as the office's operators number them) and label kept apart. */
export const tmsCategories = sqliteTable(
  "tms_categories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    code: text("code").notNull(),
    label: text("label").notNull(),
    /** The PKPU 6/2021 Pasal 18(3) criterion it belongs to, for reports across offices. */
    legalBasis: text("legal_basis").notNull().default(""),
    sortOrder: integer("sort_order").notNull(),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [uniqueIndex("tms_categories_office_code_uq").on(t.officeId, t.code)],
);

export const RECAP_LEVELS = ["kecamatan", "desa"] as const;
export const RECAP_STATUSES = ["draf", "ditetapkan"] as const;
export type RecapStatus = (typeof RECAP_STATUSES)[number];

/**
 * One version of an office's Model A-Rekap PDPB for a period. A determined (ditetapkan) version is
 * never edited: a correction is a new version naming the one it replaces, with its reason.
 */
export const recaps = sqliteTable(
  "recaps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    period: text("period").notNull(),
    /** Sortable last month of the period (2025-Q2 → 202506), to find the previous period. */
    periodEnd: integer("period_end").notNull(),
    /** The meeting that determines it. */
    meetingId: integer("meeting_id").references(() => meetings.id),
    level: text("level", { enum: RECAP_LEVELS }).notNull().default("kecamatan"),
    status: text("status", { enum: RECAP_STATUSES }).notNull().default("draf"),
    version: integer("version").notNull().default(1),
    replacesRecapId: integer("replaces_recap_id"),
    correctionReason: text("correction_reason"),
    determinedAt: integer("determined_at", { mode: "timestamp_ms" }),
    createdBy: integer("created_by").references(() => users.id),
    updatedBy: integer("updated_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("recaps_office_period_version_uq").on(t.officeId, t.period, t.level, t.version),
    index("recaps_office_end_idx").on(t.officeId, t.status, t.periodEnd),
    // A meeting page asks for the recap linked to its meeting.
    index("recaps_meeting_idx").on(t.meetingId, t.version),
  ],
);

/**
 * One area's row. TMS per category is kept as JSON ({"code": [L, P]}) with its totals in columns,
 * see docs/decisions/0004-recap-storage.md; DPB is computed by the model and stored for queries.
 */
export const recapRows = sqliteTable(
  "recap_rows",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recapId: integer("recap_id")
      .notNull()
      .references(() => recaps.id, { onDelete: "cascade" }),
    areaCode: text("area_code").notNull(),
    previousL: integer("previous_l").notNull(),
    previousP: integer("previous_p").notNull(),
    newVotersL: integer("new_voters_l").notNull(),
    newVotersP: integer("new_voters_p").notNull(),
    tmsL: integer("tms_l").notNull(),
    tmsP: integer("tms_p").notNull(),
    tmsDetail: text("tms_detail").notNull().default("{}"),
    correctionsL: integer("corrections_l").notNull(),
    correctionsP: integer("corrections_p").notNull(),
    dpbL: integer("dpb_l").notNull(),
    dpbP: integer("dpb_p").notNull(),
  },
  (t) => [uniqueIndex("recap_rows_recap_area_uq").on(t.recapId, t.areaCode)],
);

export const DELIVERY_KINDS = [
  "data_kematian",
  "pemilih_pemula",
  "penghuni_rusun",
  "pemilih_disabilitas",
  "menikah_di_bawah_17",
  "lainnya",
] as const;
export type DeliveryKind = (typeof DELIVERY_KINDS)[number];
export const DELIVERY_STATUSES = ["diterima", "diverifikasi", "ditindaklanjuti"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** Stakeholder data register (masukan data): who delivered what for a period, and what it produced. */
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
    recordCount: integer("record_count").notNull(),
    receivedOn: text("received_on").notNull(),
    status: text("status", { enum: DELIVERY_STATUSES }).notNull().default("diterima"),
    resultingTms: integer("resulting_tms").notNull().default(0),
    resultingNewVoters: integer("resulting_new_voters").notNull().default(0),
    notes: text("notes").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("data_deliveries_office_period_idx").on(t.officeId, t.period),
    index("data_deliveries_stakeholder_idx").on(t.stakeholderId),
  ],
);
