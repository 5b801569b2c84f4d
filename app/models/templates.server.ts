import { and, desc, eq } from "drizzle-orm";
import { invitations, meetings, templateOverrides } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { db } from "../db.server";
import { parseTemplate, type TemplateSchema } from "../domain/template";
import { documentBlocks, templateSource } from "../pdf/render.server";
import { attendanceContent, invitationContent, LETTER_SCHEMA, SHEET_SCHEMA } from "./meeting-documents.server";
import { MINUTES_SCHEMA, minutesContent, minutesTemplateFor } from "./minutes-document.server";

type Meeting = typeof meetings.$inferSelect;

type Editable = {
  label: string;
  schema: TemplateSchema;
  /** Whether a held meeting of the office can show this template in the preview. */
  fits: (meeting: Meeting, invitationId: number | undefined) => boolean;
};

/** The templates an office may reword, with the names each one offers. */
export const EDITABLE_TEMPLATES: Record<string, Editable> = {
  "berita-acara-pleno-terbuka": {
    label: "Berita acara pleno terbuka rekapitulasi DPB (triwulan)",
    schema: MINUTES_SCHEMA,
    fits: (m) => minutesTemplateFor(m.kind) === "berita-acara-pleno-terbuka",
  },
  "berita-acara-pleno-bulanan": {
    label: "Berita acara pleno penetapan DPB (bulanan)",
    schema: MINUTES_SCHEMA,
    fits: (m) => minutesTemplateFor(m.kind) === "berita-acara-pleno-bulanan",
  },
  "berita-acara-rapat-koordinasi": {
    label: "Berita acara rapat koordinasi",
    schema: MINUTES_SCHEMA,
    fits: (m) => minutesTemplateFor(m.kind) === "berita-acara-rapat-koordinasi",
  },
  undangan: { label: "Surat undangan rapat", schema: LETTER_SCHEMA, fits: (_m, invitationId) => invitationId !== undefined },
  "daftar-hadir": { label: "Daftar hadir rapat", schema: SHEET_SCHEMA, fits: () => true },
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

/** The office's most recent held meeting that can fill this template, with its first invitation. */
function sampleOf(actor: Actor, name: string) {
  const held = db()
    .select()
    .from(meetings)
    .where(and(eq(meetings.officeId, actor.office.id), eq(meetings.status, "selesai")))
    .orderBy(desc(meetings.startsAt))
    .limit(200)
    .all();
  for (const meeting of held) {
    const invitationId = db().select({ id: invitations.id }).from(invitations).where(eq(invitations.meetingId, meeting.id)).get()?.id;
    if (EDITABLE_TEMPLATES[name].fits(meeting, invitationId)) return { meeting, invitationId };
  }
  return null;
}

/** The template filled with the office's latest fitting meeting, or null when it has none. */
export function previewTemplate(actor: Actor, name: string, source: string) {
  const sample = sampleOf(actor, name);
  if (!sample) return null;
  const number = "(contoh nomor)";
  if (name === "undangan")
    return documentBlocks(invitationContent(actor, sample.meeting.id, sample.invitationId!, { number, issuedAt: new Date() }), source);
  if (name === "daftar-hadir") return documentBlocks(attendanceContent(actor, sample.meeting), source);
  return documentBlocks(minutesContent(actor, sample.meeting.id, number), source);
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
