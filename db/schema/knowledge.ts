import { sql } from "drizzle-orm";
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { offices, users } from "./core";

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" }).notNull().default(sql`(unixepoch('subsec') * 1000)`);

/** Topics shared by visit reports and best practices (codes; labels in app/domain/topics.ts). */
export const TOPICS = [
  "koordinasi_pemangku",
  "data_kematian",
  "pemilih_pemula",
  "pemilih_disabilitas",
  "penghuni_rusun",
  "kawin_bawah_17",
  "aplikasi_whatsapp",
  "sdm_operator",
  "komunikasi_ppk",
  "formulir_tanggapan_ba",
  "kesiapan_gugatan",
] as const;
export type Topic = (typeof TOPICS)[number];

export const VISIT_STATUSES = ["draf", "menunggu_konfirmasi", "terbit", "dikembalikan"] as const;
export type VisitStatus = (typeof VISIT_STATUSES)[number];

/**
 * A working visit (kunjungan kerja / studi banding) reported by the visiting office and confirmed
 * by the host office's secretariat before it is public.
 */
export const visits = sqliteTable(
  "visits",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    hostOfficeId: integer("host_office_id")
      .notNull()
      .references(() => offices.id),
    visitingOfficeId: integer("visiting_office_id")
      .notNull()
      .references(() => offices.id),
    /** The calendar day of the visit in the host's zone ("2021-12-13"): a date, not an instant. */
    visitDate: text("visit_date").notNull(),
    title: text("title").notNull(),
    questions: text("questions").notNull(),
    hostPresentation: text("host_presentation").notNull(),
    practicesObserved: text("practices_observed").notNull(),
    followUpPlan: text("follow_up_plan").notNull(),
    status: text("status", { enum: VISIT_STATUSES }).notNull().default("draf"),
    returnReason: text("return_reason"),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
    confirmedBy: integer("confirmed_by").references(() => users.id),
    createdBy: integer("created_by").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("visits_host_idx").on(t.hostOfficeId, t.status),
    index("visits_visiting_idx").on(t.visitingOfficeId, t.status),
    index("visits_status_date_idx").on(t.status, t.visitDate),
  ],
);

/** The delegation of a visit, in the order written. */
export const visitDelegates = sqliteTable(
  "visit_delegates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    visitId: integer("visit_id")
      .notNull()
      .references(() => visits.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: text("position").notNull(),
    sortOrder: integer("sort_order").notNull(),
  },
  (t) => [index("visit_delegates_visit_idx").on(t.visitId, t.sortOrder)],
);

export const visitTopics = sqliteTable(
  "visit_topics",
  {
    visitId: integer("visit_id")
      .notNull()
      .references(() => visits.id, { onDelete: "cascade" }),
    topic: text("topic", { enum: TOPICS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.visitId, t.topic] }), index("visit_topics_topic_idx").on(t.topic)],
);

/**
 * A best practice (praktik baik) of an office. Searchable through the FTS5 table practices_fts,
 * kept in step by triggers (migration knowledge_sql).
 */
export const practices = sqliteTable(
  "practices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    body: text("body").notNull(),
    /** Since when the office applies it: a month ("2021-03"). */
    since: text("since").notNull(),
    evidence: text("evidence").notNull().default(""),
    createdBy: integer("created_by").references(() => users.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("practices_office_idx").on(t.officeId)],
);

export const practiceTopics = sqliteTable(
  "practice_topics",
  {
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    topic: text("topic", { enum: TOPICS }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.practiceId, t.topic] }), index("practice_topics_topic_idx").on(t.topic)],
);

/** "Kami menerapkan ini": another office declares it adopted the practice. */
export const practiceAdoptions = sqliteTable(
  "practice_adoptions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    practiceId: integer("practice_id")
      .notNull()
      .references(() => practices.id, { onDelete: "cascade" }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    adoptedBy: integer("adopted_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("practice_adoptions_uq").on(t.practiceId, t.officeId), index("practice_adoptions_office_idx").on(t.officeId)],
);

export const METRIC_ORIGINS = ["computed", "imported"] as const;
export type MetricOrigin = (typeof METRIC_ORIGINS)[number];

/**
 * One figure of one office for one period: computed from Pleno's own data or imported from a
 * published source. Codes and formulas in app/domain/metrics.ts.
 */
export const officeMetrics = sqliteTable(
  "office_metrics",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    /** "2025-10", "2025-Q4" or "2025-S2". */
    period: text("period").notNull(),
    /** Sortable last month of the period (2025-Q4 → 202512). */
    periodEnd: integer("period_end").notNull(),
    metric: text("metric").notNull(),
    value: real("value").notNull(),
    source: text("source").notNull(),
    origin: text("origin", { enum: METRIC_ORIGINS }).notNull(),
    importedAt: integer("imported_at", { mode: "timestamp_ms" }),
    importedBy: integer("imported_by").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("office_metrics_uq").on(t.officeId, t.metric, t.period, t.origin),
    index("office_metrics_board_idx").on(t.metric, t.period),
    index("office_metrics_trend_idx").on(t.metric, t.officeId, t.periodEnd),
  ],
);
