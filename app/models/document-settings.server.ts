/**
 * An office's document settings: its logo in the kop and the paper size (A4 or F4) of every
 * document it prints. The numbering settings live with the register (register.server.ts).
 */
import { createHash } from "node:crypto";
import { inflateSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { officeLogos, officeSettings, templateOverrides } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { db } from "../db.server";
import { utcToZoned, type ZoneName } from "../domain/format";
import { inspectImage, type ImageCheck } from "../domain/image";
import { formatDocumentNumber } from "../domain/numbering";
import type { Paper } from "../pdf/document.server";
import { getOffice } from "./office.server";

/** The office's own wording of a template, when it has one (templates/<name>.txt otherwise). */
export function overrideSource(officeId: number, name: string): string | undefined {
  return db()
    .select({ body: templateOverrides.body })
    .from(templateOverrides)
    .where(and(eq(templateOverrides.officeId, officeId), eq(templateOverrides.name, name)))
    .get()?.body;
}

export function logoOf(officeId: number) {
  return db().select().from(officeLogos).where(eq(officeLogos.officeId, officeId)).get() ?? null;
}

/** The logo's bytes for the PDF writer, or undefined when the office has none. */
export function logoBytes(officeId: number): Buffer | undefined {
  return db().select({ data: officeLogos.data }).from(officeLogos).where(eq(officeLogos.officeId, officeId)).get()?.data;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];

/**
 * Whether a PNG's pixel data is whole: its IDAT chunks inflate to exactly the bytes its header
 * promises. pdfkit inflates PNGs with transparency in a callback that throws on bad data, where
 * nothing can catch it, so a broken file must be refused here, before it is ever stored.
 */
export function pngDataComplete(bytes: Buffer): boolean {
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const [bitDepth, colorType, , , interlace] = bytes.subarray(24, 29);
  const channels = CHANNELS[colorType];
  if (!channels || ![1, 2, 4, 8, 16].includes(bitDepth)) return false;
  const rowBytes = (w: number) => 1 + Math.ceil((w * channels * bitDepth) / 8);
  const passes = interlace === 1 ? ADAM7 : [[0, 0, 1, 1]];
  const expected = passes.reduce((sum, [x0, y0, dx, dy]) => {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    return w > 0 && h > 0 ? sum + h * rowBytes(w) : sum;
  }, 0);
  const parts: Buffer[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("latin1", at + 4, at + 8);
    if (at + 12 + length > bytes.length) return false;
    if (type === "IDAT") parts.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === "IEND") break;
    at += 12 + length;
  }
  try {
    return inflateSync(Buffer.concat(parts), { maxOutputLength: expected + 1 }).length === expected;
  } catch {
    return false;
  }
}

/** The bytes' own signature and size decide; then pdfkit must be able to read the image. */
export function checkLogo(bytes: Uint8Array): ImageCheck {
  const check = inspectImage(bytes);
  if (!check.ok) return check;
  const unreadable = { ok: false as const, reason: `Berkas ${check.mediaType === "image/png" ? "PNG" : "JPG"} rusak atau tidak dapat dibaca.` };
  if (check.mediaType === "image/png" && !pngDataComplete(Buffer.from(bytes))) return unreadable;
  try {
    // pdfkit parses the image when it opens it: a file it cannot read never reaches a document.
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): unknown };
    doc.openImage(Buffer.from(bytes));
  } catch {
    return unreadable;
  }
  return check;
}

export function saveLogo(actor: Actor, bytes: Uint8Array): ImageCheck {
  const check = checkLogo(bytes);
  if (!check.ok) return check;
  const data = Buffer.from(bytes);
  const values = {
    mediaType: check.mediaType,
    width: check.width,
    height: check.height,
    data,
    sha256: createHash("sha256").update(data).digest("hex"),
    updatedBy: actor.user.id,
    updatedAt: new Date(),
  };
  db()
    .insert(officeLogos)
    .values({ officeId: actor.office.id, ...values })
    .onConflictDoUpdate({ target: officeLogos.officeId, set: values })
    .run();
  return check;
}

export function removeLogo(actor: Actor) {
  db().delete(officeLogos).where(eq(officeLogos.officeId, actor.office.id)).run();
}

export function setPaper(actor: Actor, paper: Paper) {
  db()
    .insert(officeSettings)
    .values({ officeId: actor.office.id, paper, updatedAt: new Date() })
    .onConflictDoUpdate({ target: officeSettings.officeId, set: { paper, updatedAt: new Date() } })
    .run();
}

/** What the next berita acara number would look like this month with a format (no number is reserved). */
export function exampleNumber(officeId: number, values: { numberFormat: string; classification: string }, seq = 6) {
  const office = getOffice(officeId)!;
  const today = utcToZoned(new Date(), office.timeZone as ZoneName).date;
  return formatDocumentNumber(values.numberFormat, {
    seq,
    classification: values.classification,
    docType: "BA",
    officeCode: office.code,
    officeLevel: office.level,
    regionName: office.regionName,
    month: Number(today.slice(5, 7)),
    year: Number(today.slice(0, 4)),
  });
}

export function setNumbering(actor: Actor, values: { numberFormat: string; classification: string }) {
  db()
    .insert(officeSettings)
    .values({ officeId: actor.office.id, ...values, updatedAt: new Date() })
    .onConflictDoUpdate({ target: officeSettings.officeId, set: { ...values, updatedAt: new Date() } })
    .run();
}
