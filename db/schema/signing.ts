import { sql } from "drizzle-orm";
import { blob, index, integer, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
import { PUBLICATION_KINDS, SIGNATURE_STATUSES } from "../../app/domain/enums";
import { memberships, offices, users } from "./core";
import { minutes } from "./minutes";

export { PUBLICATION_KINDS, SIGNATURE_STATUSES };

const now = sql`(unixepoch('subsec') * 1000)`;

/** Per-office signing rules. Absent row = parallel signing. */
export const signingSettings = sqliteTable("signing_settings", {
  officeId: integer("office_id")
    .primaryKey()
    .references(() => offices.id),
  ketuaSignsLast: integer("ketua_signs_last", { mode: "boolean" }).notNull().default(false),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

/**
 * The exact content of a submitted version, frozen when it is submitted: what signers review,
 * what the sealed PDF is rendered from, and (its SHA-256) what each signature is over.
 */
export const minutesSnapshots = sqliteTable(
  "minutes_snapshots",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    minutesId: integer("minutes_id")
      .notNull()
      .references(() => minutes.id),
    version: integer("version").notNull(),
    content: text("content").notNull(),
    sha256: text("sha256").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [uniqueIndex("minutes_snapshots_uq").on(t.minutesId, t.version)],
);

/** One required signatory of one version: waiting, signed or refused; void when the version was refused. */
export const minutesSignatures = sqliteTable(
  "minutes_signatures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    minutesId: integer("minutes_id")
      .notNull()
      .references(() => minutes.id),
    version: integer("version").notNull(),
    membershipId: integer("membership_id")
      .notNull()
      .references(() => memberships.id),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    name: text("name").notNull(),
    title: text("title").notNull(),
    position: text("position", { enum: ["ketua", "anggota"] }),
    status: text("status", { enum: SIGNATURE_STATUSES }).notNull().default("menunggu"),
    reason: text("reason"),
    contentSha256: text("content_sha256"),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    ip: text("ip"),
    userAgent: text("user_agent"),
    viewedAt: integer("viewed_at", { mode: "timestamp_ms" }),
    remindedAt: integer("reminded_at", { mode: "timestamp_ms" }),
    voidedAt: integer("voided_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("minutes_signatures_uq").on(t.minutesId, t.version, t.membershipId), index("minutes_signatures_user_idx").on(t.userId, t.status)],
);

/** Why the last sealing attempt of a version failed (cleared by a successful seal). */
export const sealFailures = sqliteTable("seal_failures", {
  minutesId: integer("minutes_id")
    .primaryKey()
    .references(() => minutes.id),
  version: integer("version").notNull(),
  reason: text("reason").notNull(),
  failedAt: integer("failed_at", { mode: "timestamp_ms" }).notNull().default(now),
});

/** The bytes of published files, kept in the database so backups and copies carry them. */
export const documentFiles = sqliteTable("document_files", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  sha256: text("sha256").notNull(),
  size: integer("size").notNull(),
  bytes: blob("bytes", { mode: "buffer" }).notNull(),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});

/** A published berita acara: sealed by Pleno or scanned from paper; verifiable by its code. */
export const publications = sqliteTable(
  "publications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    minutesId: integer("minutes_id")
      .notNull()
      .references(() => minutes.id),
    version: integer("version").notNull(),
    kind: text("kind", { enum: PUBLICATION_KINDS }).notNull(),
    code: text("code").notNull(),
    number: text("number").notNull(),
    subject: text("subject").notNull(),
    meetingDate: integer("meeting_date", { mode: "timestamp_ms" }).notNull(),
    fileId: integer("file_id")
      .notNull()
      .references(() => documentFiles.id),
    sha256: text("sha256").notNull(),
    contentSha256: text("content_sha256"),
    replacesId: integer("replaces_id"),
    replacedById: integer("replaced_by_id"),
    publishedBy: integer("published_by").references(() => users.id),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [uniqueIndex("publications_code_uq").on(t.code), uniqueIndex("publications_minutes_uq").on(t.minutesId), index("publications_office_idx").on(t.officeId)],
);

/** The public register: one hash chain per office (app/domain/hash-chain.ts). */
export const registerEntries = sqliteTable(
  "register_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    officeId: integer("office_id")
      .notNull()
      .references(() => offices.id),
    seq: integer("seq").notNull(),
    publicationId: integer("publication_id")
      .notNull()
      .references(() => publications.id),
    officeCode: text("office_code").notNull(),
    documentNumber: text("document_number").notNull(),
    documentSha256: text("document_sha256").notNull(),
    publishedAt: text("published_at").notNull(),
    previousHash: text("previous_hash").notNull(),
    entryHash: text("entry_hash").notNull(),
  },
  (t) => [uniqueIndex("register_entries_seq_uq").on(t.officeId, t.seq)],
);

/**
 * An account's authenticator (TOTP), optional. The secret is stored encrypted (AES-256-GCM under
 * a key derived from SESSION_SECRET); it is pending until a first code confirms it.
 */
export const userTotp = sqliteTable("user_totp", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id),
  secret: text("secret").notNull(),
  enabledAt: integer("enabled_at", { mode: "timestamp_ms" }),
  lastStep: integer("last_step"),
  createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull().default(now),
});
