import { and, eq } from "drizzle-orm";
import { templateOverrides } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { db } from "../db.server";
import { parseTemplate, type TemplateSchema } from "../domain/template";
import { templateSource } from "../pdf/render.server";
import { MINUTES_SCHEMA } from "./minutes-document.server";

/** The templates an office may reword, with the names each one offers. */
export const EDITABLE_TEMPLATES: Record<string, { label: string; schema: TemplateSchema }> = {
  "berita-acara-pleno-terbuka": { label: "Berita acara pleno terbuka rekapitulasi DPB (triwulan)", schema: MINUTES_SCHEMA },
  "berita-acara-pleno-bulanan": { label: "Berita acara pleno penetapan DPB (bulanan)", schema: MINUTES_SCHEMA },
  "berita-acara-rapat-koordinasi": { label: "Berita acara rapat koordinasi", schema: MINUTES_SCHEMA },
};

export function overrideOf(officeId: number, name: string) {
  return db().select().from(templateOverrides).where(and(eq(templateOverrides.officeId, officeId), eq(templateOverrides.name, name))).get();
}

/** The wording in force for an office: its own, or the default file. */
export function effectiveSource(officeId: number, name: string) {
  return overrideOf(officeId, name)?.body ?? templateSource(name);
}

export function checkTemplate(name: string, body: string) {
  const spec = EDITABLE_TEMPLATES[name];
  return parseTemplate(body, spec.schema).errors;
}

export function saveOverride(actor: Actor, name: string, body: string) {
  db()
    .insert(templateOverrides)
    .values({ officeId: actor.office.id, name, body, updatedBy: actor.user.id })
    .onConflictDoUpdate({ target: [templateOverrides.officeId, templateOverrides.name], set: { body, updatedBy: actor.user.id, updatedAt: new Date() } })
    .run();
}

export function resetOverride(actor: Actor, name: string) {
  db().delete(templateOverrides).where(and(eq(templateOverrides.officeId, actor.office.id), eq(templateOverrides.name, name))).run();
}
