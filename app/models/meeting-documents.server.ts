/**
 * The documents of a meeting: invitation letters (PDF), calendar files (.ics), WhatsApp and e-mail
 * texts, and the attendance sheet — all from the same meeting data.
 */
import { and, eq } from "drizzle-orm";
import ical from "ical-generator";
import nodemailer from "nodemailer";
import { numberRegister, offices, outbox } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { db } from "../db.server";
import { env } from "../env.server";
import { ATTENDANCE_LABELS } from "../domain/agenda";
import { formatDate, formatTime, type ZoneName } from "../domain/format";
import { periodInWords } from "../domain/periods";
import { waMeNumber } from "../domain/phone";
import type { TemplateSchema } from "../domain/template";
import { renderDocument, type RenderInput } from "../pdf/render.server";
import { feedbackLink, windowOf } from "./feedback.server";
import { agendaOf, attendanceOf, getInvitation, invitationsOf, recordDelivery, type Meeting } from "./meeting.server";
import { commissionersOf } from "./office.server";
import { logoBytes, overrideSource } from "./document-settings.server";
import { reserveNumber, settingsOf } from "./register.server";

type Office = typeof offices.$inferSelect;

export function kopLines(office: Pick<Office, "level" | "regionName" | "address">): string[] {
  const lines = ["KOMISI PEMILIHAN UMUM"];
  lines.push(office.level === "ri" ? "REPUBLIK INDONESIA" : office.regionName.toUpperCase());
  return lines;
}

function officeOf(actor: Actor): Office {
  return db().select().from(offices).where(eq(offices.id, actor.office.id)).get()!;
}

/** One letter number per meeting's invitations, reserved in the register the first time. */
export function invitationNumber(actor: Actor, meeting: Meeting): { number: string; issuedAt: Date } {
  const ref = `meeting-invitation:${meeting.id}`;
  const existing = db().select().from(numberRegister).where(and(eq(numberRegister.officeId, actor.office.id), eq(numberRegister.documentRef, ref))).get();
  if (existing) return { number: existing.number, issuedAt: existing.reservedAt };
  const issuedAt = new Date();
  const { number } = reserveNumber({ officeId: actor.office.id, docType: "UND", issuedAt, documentRef: ref, userId: actor.user.id });
  return { number, issuedAt };
}

export const LETTER_SCHEMA: TemplateSchema = {
  values: [
    "nomor", "judul", "kota", "tanggal_surat", "penerima", "kontak", "periode", "kantor", "hari_tanggal",
    "jam_mulai", "jam_selesai", "tempat", "tautan_tanggapan", "jabatan_penanda_tangan", "penanda_tangan",
  ],
  lists: { agenda: { values: ["judul", "penyaji"] } },
};

function when(meeting: Meeting, zone: ZoneName) {
  return {
    hari_tanggal: formatDate(meeting.startsAt, zone),
    jam_mulai: formatTime(meeting.startsAt, zone),
    jam_selesai: formatTime(meeting.endsAt, zone),
  };
}

/** The organisation's feedback link once the secretariat has opened feedback, else empty. */
function linkFor(meetingId: number, invitation: { id: number; linkVersion: number }) {
  return windowOf(meetingId) ? feedbackLink(invitation) : "";
}

/** The letter to one invited organisation, ready for the PDF writer or a preview (no number is reserved here). */
export function invitationContent(actor: Actor, meetingId: number, invitationId: number, letterNumber: { number: string; issuedAt: Date }): RenderInput {
  const { meeting, stakeholder, contact, invitation } = getInvitation(actor, meetingId, invitationId);
  const office = officeOf(actor);
  const zone = office.timeZone as ZoneName;
  const ketua = commissionersOf(office.id).find((c) => c.membership.position === "ketua");
  return {
    template: "undangan",
    source: overrideSource(office.id, "undangan"),
    schema: LETTER_SCHEMA,
    kop: kopLines(office),
    logo: logoBytes(office.id),
    meta: { title: `Undangan ${meeting.title}`, author: office.name, paper: settingsOf(office.id).paper },
    footer: office.name,
    data: {
      nomor: letterNumber.number,
      judul: meeting.title,
      kota: office.city,
      tanggal_surat: formatDate(letterNumber.issuedAt, zone, false),
      penerima: stakeholder.name,
      kontak: contact ? `${contact.name}${contact.position ? `, ${contact.position}` : ""}` : "",
      periode: periodInWords(meeting.period),
      kantor: office.name,
      ...when(meeting, zone),
      tempat: meeting.place,
      agenda: agendaOf(meeting.id).map((a) => ({ judul: a.presenter ? `${a.title} (${a.presenter})` : a.title, penyaji: a.presenter })),
      tautan_tanggapan: linkFor(meeting.id, invitation),
      jabatan_penanda_tangan: `Ketua ${office.name}`,
      penanda_tangan: ketua?.user.name ?? "",
    },
  };
}

/** The letter as PDF; `record: false` when it is gathered into the dossier rather than handed out. */
export async function invitationLetter(actor: Actor, meetingId: number, invitationId: number, { record = true } = {}) {
  const { meeting, stakeholder } = getInvitation(actor, meetingId, invitationId);
  const pdf = await renderDocument(invitationContent(actor, meetingId, invitationId, invitationNumber(actor, meeting)));
  if (record) recordDelivery(actor, invitationId, "letter", "surat undangan PDF diunduh");
  return { pdf, fileName: `undangan-${meeting.period}-${stakeholder.id}.pdf` };
}

export function invitationCalendar(actor: Actor, meetingId: number, invitationId: number) {
  const { meeting, stakeholder } = getInvitation(actor, meetingId, invitationId);
  const office = officeOf(actor);
  const calendar = ical({ name: office.name, prodId: { company: "KPU", product: "Pleno", language: "ID" } });
  calendar.createEvent({
    id: `pleno-meeting-${meeting.id}-invitation-${invitationId}@${new URL(env().APP_URL).hostname}`,
    start: meeting.startsAt,
    end: meeting.endsAt,
    summary: `${meeting.title} — ${periodInWords(meeting.period)}`,
    location: meeting.place,
    description: `Undangan ${office.name} untuk ${stakeholder.name}.\nAgenda:\n${agendaOf(meeting.id)
      .map((a, i) => `${i + 1}. ${a.title}`)
      .join("\n")}`,
    organizer: { name: office.name, email: "no-reply@pleno.local" },
  });
  recordDelivery(actor, invitationId, "ics", "berkas kalender diunduh");
  return { ics: calendar.toString(), fileName: `rapat-${meeting.period}.ics` };
}

export function invitationText(meeting: Meeting, office: { name: string; timeZone: ZoneName }, recipient: string, feedbackLink = "") {
  const zone = office.timeZone;
  const lines = [
    `Yth. ${recipient},`,
    "",
    `${office.name} mengundang Bapak/Ibu pada ${meeting.title} (${periodInWords(meeting.period)}):`,
    `Hari, tanggal: ${formatDate(meeting.startsAt, zone)}`,
    `Waktu: ${formatTime(meeting.startsAt, zone)} s.d. ${formatTime(meeting.endsAt, zone)}`,
    `Tempat: ${meeting.place}`,
  ];
  if (feedbackLink) lines.push("", `Formulir tanggapan: ${feedbackLink}`);
  lines.push("", "Terima kasih.");
  return lines.join("\n");
}

export function whatsappLink(actor: Actor, meetingId: number, invitationId: number) {
  const { meeting, stakeholder, contact, invitation } = getInvitation(actor, meetingId, invitationId);
  if (!contact?.whatsapp) return null;
  const text = invitationText(meeting, actor.office, contact.name || stakeholder.name, linkFor(meeting.id, invitation));
  recordDelivery(actor, invitationId, "whatsapp", `tautan WhatsApp ke ${contact.whatsapp}`);
  return `https://wa.me/${waMeNumber(contact.whatsapp)}?text=${encodeURIComponent(text)}`;
}

/** Sends the invitation by e-mail when SMTP is set; otherwise keeps it in the outbox (demo mode). */
export async function emailInvitation(actor: Actor, meetingId: number, invitationId: number) {
  const { meeting, stakeholder, contact, invitation } = getInvitation(actor, meetingId, invitationId);
  if (!contact?.email) return { ok: false as const, message: "Kontak undangan ini tidak memiliki e-mail." };
  const letter = await invitationLetter(actor, meetingId, invitationId);
  const calendar = invitationCalendar(actor, meetingId, invitationId);
  const subject = `Undangan ${meeting.title} — ${periodInWords(meeting.period)}`;
  const body = invitationText(meeting, actor.office, contact.name || stakeholder.name, linkFor(meeting.id, invitation));
  const smtp = env().SMTP_URL;
  if (smtp) {
    await nodemailer.createTransport(smtp).sendMail({
      from: env().MAIL_FROM,
      to: contact.email,
      subject,
      text: body,
      attachments: [
        { filename: letter.fileName, content: letter.pdf, contentType: "application/pdf" },
        { filename: calendar.fileName, content: calendar.ics, contentType: "text/calendar" },
      ],
    });
  } else {
    db()
      .insert(outbox)
      .values({ officeId: actor.office.id, meetingId, to: contact.email, subject, body, attachments: [letter.fileName, calendar.fileName] })
      .run();
  }
  recordDelivery(actor, invitationId, "email", smtp ? `e-mail ke ${contact.email}` : `e-mail ke ${contact.email} (kotak keluar demo)`);
  return { ok: true as const, message: smtp ? `E-mail terkirim ke ${contact.email}.` : `E-mail untuk ${contact.email} disimpan di kotak keluar (mode demo).` };
}

export const SHEET_SCHEMA: TemplateSchema = {
  values: ["judul_kapital", "hari_tanggal", "jam_mulai", "jam_selesai", "tempat", "periode"],
  tables: ["komisioner", "peserta"],
};

/** The attendance sheet of a meeting, ready for the PDF writer or a preview. */
export function attendanceContent(actor: Actor, meeting: Meeting): RenderInput {
  const office = officeOf(actor);
  const zone = office.timeZone as ZoneName;
  const commissioners = attendanceOf(actor, meeting.id);
  const invitees = invitationsOf(meeting.id);
  const signature = { header: "Tanda tangan", width: 4 };
  return {
    template: "daftar-hadir",
    source: overrideSource(office.id, "daftar-hadir"),
    schema: SHEET_SCHEMA,
    kop: kopLines(office),
    logo: logoBytes(office.id),
    meta: { title: `Daftar hadir ${meeting.title}`, author: office.name, paper: settingsOf(office.id).paper },
    footer: `${office.name} · ${meeting.title} · ${periodInWords(meeting.period)}`,
    data: {
      judul_kapital: meeting.title.toUpperCase(),
      ...when(meeting, zone),
      tempat: meeting.place,
      periode: periodInWords(meeting.period),
    },
    tables: {
      komisioner: {
        columns: [{ header: "No", width: 1, align: "right" }, { header: "Nama", width: 5 }, { header: "Jabatan", width: 5 }, { header: "Keterangan", width: 3 }, signature],
        minRowHeight: 30,
        rows: commissioners.map((c, i) => [
          String(i + 1),
          c.name,
          `${c.title}${c.division ? `, ${c.division}` : ""}`,
          c.status ? ATTENDANCE_LABELS[c.status] : "",
          "",
        ]),
        fontSize: 10,
      },
      peserta: {
        columns: [{ header: "No", width: 1, align: "right" }, { header: "Instansi / organisasi", width: 6 }, { header: "Nama yang hadir", width: 4 }, signature],
        rows: invitees.map((r, i) => [String(i + 1), r.stakeholder.name, r.invitation.attendeeName, ""]),
        minRowHeight: 30,
        fontSize: 10,
      },
    },
  };
}

export function attendanceSheet(actor: Actor, meeting: Meeting) {
  return renderDocument(attendanceContent(actor, meeting));
}
