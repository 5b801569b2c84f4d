import { sql } from "drizzle-orm";
import { index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { offices, users } from "./core";

/** Per-office settings of its documents. Absent row = the defaults. */
export const officeSettings = sqliteTable("office_settings", {
  officeId: integer("office_id")
    .primaryKey()
    .references(() => offices.id),
  numberFormat: text("number_format").notNull().default("{nomor}/{klasifikasi}-{jenis}/{kode}/{satker}/{bulan}/{tahun}"),
  classification: text("classification").notNull().default("PL.01.2"),
  paper: text("paper", { enum: ["A4", "F4"] }).notNull().default("A4"),
  /** Quorum: "majority" (more than half of the commission) or "two_thirds". */
  quorumRule: text("quorum_rule", { enum: ["majority", "two_thirds"] }).notNull().default("majority"),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

/**
 * The numbering register: per office, document type and year, gapless. A number is reserved when a
 * draft is numbered and is never reused or deleted; an abandoned draft voids it with a reason.
 */
export const numberRegister = sqliteTable(
  "number_register",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    docType: text("doc_type").notNull(),
    year: integer("year").notNull(),
    seq: integer("seq").notNull(),
    number: text("number").notNull(),
    status: text("status", { enum: ["reserved", "used", "void"] }).notNull().default("reserved"),
    /** What the number was given to, e.g. "minutes:12" or "invitation:40". */
    documentRef: text("document_ref").notNull(),
    reservedBy: integer("reserved_by").references(() => users.id),
    reservedAt: integer("reserved_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
    voidReason: text("void_reason"),
    voidedAt: integer("voided_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("number_register_seq_uq").on(t.officeId, t.docType, t.year, t.seq),
    index("number_register_ref_idx").on(t.documentRef),
  ],
);

/** An office's own wording of a document template (templates/<name>.txt is the default). */
export const templateOverrides = sqliteTable(
  "template_overrides",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    name: text("name").notNull(),
    body: text("body").notNull(),
    updatedBy: integer("updated_by").references(() => users.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" })
      .notNull()
      .default(sql`(unixepoch('subsec') * 1000)`),
  },
  (t) => [uniqueIndex("template_overrides_uq").on(t.officeId, t.name)],
);
