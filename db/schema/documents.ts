import { sql } from "drizzle-orm";
import { blob, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { offices, users } from "./core";

/**
 * An office's logo for the kop of its documents (berita acara, undangan, daftar hadir). One per
 * office; the bytes are checked (PNG or JPEG by their signature, bounded size and pixels) before
 * they are stored, so the PDF writer can embed them as they are.
 */
export const officeLogos = sqliteTable("office_logos", {
  officeId: integer("office_id")
    .primaryKey()
    .references(() => offices.id),
  mediaType: text("media_type", { enum: ["image/png", "image/jpeg"] }).notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  data: blob("data", { mode: "buffer" }).notNull(),
  sha256: text("sha256").notNull(),
  updatedBy: integer("updated_by").references(() => users.id),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`),
});
