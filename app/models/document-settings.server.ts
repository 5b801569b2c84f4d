/**
 * An office's document settings: its logo in the kop and the paper size (A4 or F4) of every
 * document it prints. The numbering settings live with the register (register.server.ts).
 */
import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { officeLogos, officeSettings, templateOverrides } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { db } from "../db.server";
import { inspectImage, type ImageCheck } from "../domain/image";
import type { Paper } from "../pdf/document.server";

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

/** The bytes' own signature and size decide; then pdfkit must be able to read the image. */
export function checkLogo(bytes: Uint8Array): ImageCheck {
  const check = inspectImage(bytes);
  if (!check.ok) return check;
  try {
    // pdfkit parses the image when it opens it: a file it cannot read never reaches a document.
    const doc = new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): unknown };
    doc.openImage(Buffer.from(bytes));
  } catch {
    return { ok: false, reason: `Berkas ${check.mediaType === "image/png" ? "PNG" : "JPG"} tidak dapat dibaca.` };
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
