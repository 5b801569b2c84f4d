import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import {
  agendaItems,
  areas,
  feedbackHistory,
  feedbackPoints,
  feedbackSubmissions,
  feedbackWindows,
  invitations,
  meetings,
  offices,
  stakeholders,
} from "../../db/schema";
import { fail, type Actor } from "../auth/guard.server";
import { makeLinkToken, readLinkToken } from "../auth/link-token.server";
import { db, preparedQuery } from "../db.server";
import { refreshOfficeMetrics } from "./office-metrics.server";
import { prepared } from "../lib/prepared.server";
import { env } from "../env.server";
import type { FeedbackInput } from "../domain/feedback-schema";
import type { LocationList } from "../domain/location-options";
import { getMeeting, previousInSeries, type Meeting } from "./meeting.server";
import { recapSummaryForMeeting } from "./recap.server";

export function feedbackLink(invitation: { id: number; linkVersion: number }) {
  return `${env().APP_URL}/tanggapan/${makeLinkToken("feedback", invitation.id, invitation.linkVersion)}`;
}

const windowQuery = prepared((d) => d.select().from(feedbackWindows).where(eq(feedbackWindows.meetingId, sql.placeholder("meetingId"))).prepare());

export function windowOf(meetingId: number) {
  return windowQuery().get({ meetingId });
}

export function openFeedback(actor: Actor, meetingId: number, deadline: Date, showRecap: boolean) {
  getMeeting(actor, meetingId);
  db()
    .insert(feedbackWindows)
    .values({ meetingId, deadline, showRecap, openedBy: actor.user.id })
    .onConflictDoUpdate({ target: feedbackWindows.meetingId, set: { deadline, showRecap } })
    .run();
}

/** A new link for one organisation: the old one stops working at once. */
export function revokeLink(actor: Actor, meetingId: number, invitationId: number) {
  getMeeting(actor, meetingId);
  const r = db()
    .update(invitations)
    .set({ linkVersion: sql`${invitations.linkVersion} + 1` })
    .where(and(eq(invitations.id, invitationId), eq(invitations.meetingId, meetingId)))
    .run();
  if (r.changes !== 1) fail(404);
}

/** What a feedback token opens, or null for a wrong, forged or revoked token (no difference shown). */
export function resolveToken(token: string) {
  const claim = readLinkToken("feedback", token);
  if (!claim) return null;
  const row = tokenQuery().get({ id: claim.id });
  if (!row || row.invitation.linkVersion !== claim.version) return null;
  return { ...row, window: windowOf(row.meeting.id), agenda: agendaQuery().all({ meetingId: row.meeting.id }) };
}

const tokenQuery = prepared((d) =>
  d
    .select({ invitation: invitations, meeting: meetings, stakeholder: stakeholders, office: offices })
    .from(invitations)
    .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
    .innerJoin(stakeholders, eq(stakeholders.id, invitations.stakeholderId))
    .innerJoin(offices, eq(offices.id, meetings.officeId))
    .where(eq(invitations.id, sql.placeholder("id")))
    .prepare(),
);
const agendaQuery = prepared((d) => d.select().from(agendaItems).where(eq(agendaItems.meetingId, sql.placeholder("meetingId"))).orderBy(asc(agendaItems.position)).prepare());
export type FeedbackContext = NonNullable<ReturnType<typeof resolveToken>>;

export function recapForComment(ctx: FeedbackContext) {
  return ctx.window?.showRecap ? recapSummaryForMeeting(ctx.office.id, ctx.meeting.id) : null;
}

const locationCache = new Map<string, ReturnType<typeof loadLocationOptions>>();
const locationListCache = new Map<string, LocationList>();

/** Kecamatan with their desa for an office's forms; reference data, so kept in memory once read. */
export function locationOptions(officeCode: string) {
  let options = locationCache.get(officeCode);
  if (!options) {
    options = loadLocationOptions(officeCode);
    if (options.length) locationCache.set(officeCode, options);
  }
  return options;
}

/** The same, in the short form the feedback page sends to the browser (kept in memory too). */
export function locationList(officeCode: string): LocationList {
  let list = locationListCache.get(officeCode);
  if (!list) {
    list = locationOptions(officeCode).map((d): LocationList[number] => [
      d.code,
      d.name,
      d.villages.map((v) => {
        if (!v.code.startsWith(`${d.code}.`)) throw new Error(`desa ${v.code} is not under kecamatan ${d.code}`);
        return [v.code.slice(d.code.length + 1), v.name];
      }),
    ]);
    if (list.length) locationListCache.set(officeCode, list);
  }
  return list;
}

function loadLocationOptions(officeCode: string) {
  const districts = db().select({ code: areas.code, name: areas.name }).from(areas).where(eq(areas.parentCode, officeCode)).orderBy(asc(areas.name)).all();
  const villages = districts.length
    ? db()
        .select({ code: areas.code, name: areas.name, parent: areas.parentCode })
        .from(areas)
        .where(inArray(areas.parentCode, districts.map((d) => d.code)))
        .orderBy(asc(areas.name))
        .all()
    : [];
  const byDistrict = new Map<string | null, typeof villages>();
  for (const v of villages) byDistrict.set(v.parent, [...(byDistrict.get(v.parent) ?? []), v]);
  return districts.map((d) => ({ ...d, villages: (byDistrict.get(d.code) ?? []).map((v) => ({ code: v.code, name: v.name })) }));
}

const submissionQuery = prepared((d) => d.select().from(feedbackSubmissions).where(eq(feedbackSubmissions.invitationId, sql.placeholder("invitationId"))).prepare());
const pointsQuery = prepared((d) =>
  d.select().from(feedbackPoints).where(eq(feedbackPoints.submissionId, sql.placeholder("submissionId"))).orderBy(asc(feedbackPoints.position)).prepare(),
);

export function submissionOf(invitationId: number) {
  const submission = submissionQuery().get({ invitationId });
  if (!submission) return null;
  return { ...submission, points: pointsQuery().all({ submissionId: submission.id }) };
}

export type StoredAttachment = { path: string; name: string; type: string; size: number };

export function storeAttachment(bytes: Uint8Array, type: string, originalName: string): StoredAttachment {
  const dir = path.resolve(env().DATA_DIR, "uploads", "feedback");
  fs.mkdirSync(dir, { recursive: true });
  const file = `${randomBytes(16).toString("hex")}.${type === "application/pdf" ? "pdf" : type === "image/png" ? "png" : "jpg"}`;
  fs.writeFileSync(path.join(dir, file), bytes);
  // Only the base name is kept from what the browser sent, and only as a label.
  const name = path.basename(originalName.replace(/\\/g, "/")).replace(/[^\p{L}\p{N} ._()-]/gu, "_").slice(0, 120) || "lampiran";
  return { path: file, name, type, size: bytes.length };
}

export function attachmentFile(stored: string) {
  if (!/^[0-9a-f]{32}\.(pdf|png|jpg)$/.test(stored)) return null;
  return path.resolve(env().DATA_DIR, "uploads", "feedback", stored);
}

/** Field errors when a point's kecamatan or desa is not of the office's region. */
export function locationProblems(officeCode: string, input: FeedbackInput) {
  const options = locationOptions(officeCode);
  const errors: Record<string, string> = {};
  input.points.forEach((p, i) => {
    const district = options.find((d) => d.code === p.districtCode);
    if (!district) errors[`points.${i}.districtCode`] = "Kecamatan ini bukan wilayah kantor ini.";
    else if (p.villageCode && !district.villages.some((v) => v.code === p.villageCode)) {
      errors[`points.${i}.villageCode`] = "Desa/kelurahan ini tidak berada di kecamatan yang dipilih.";
    }
  });
  return errors;
}

function referenceFor(ctx: FeedbackContext) {
  return `TGP-${ctx.meeting.period.replace("-", "")}-${ctx.office.code.replace(/\./g, "")}-${String(ctx.invitation.id).padStart(6, "0")}`;
}

/**
 * Saves the organisation's tanggapan in one transaction. An edit keeps the earlier version in the
 * history and keeps a point's attachment unless a new file replaces it.
 */
export function saveSubmission(ctx: FeedbackContext, input: FeedbackInput, uploads: Map<number, StoredAttachment>) {
  return db().transaction((tx) => {
    const existing = submissionOf(ctx.invitation.id);
    let submissionId: number;
    let version = 1;
    if (existing) {
      tx.insert(feedbackHistory).values({ submissionId: existing.id, version: existing.version, snapshot: existing }).run();
      version = existing.version + 1;
      tx.update(feedbackSubmissions)
        .set({ responderName: input.responderName, responderPosition: input.responderPosition, stance: input.stance, version, updatedAt: new Date() })
        .where(eq(feedbackSubmissions.id, existing.id))
        .run();
      tx.delete(feedbackPoints).where(eq(feedbackPoints.submissionId, existing.id)).run();
      submissionId = existing.id;
    } else {
      submissionId = tx
        .insert(feedbackSubmissions)
        .values({ invitationId: ctx.invitation.id, reference: referenceFor(ctx), responderName: input.responderName, responderPosition: input.responderPosition, stance: input.stance })
        .returning({ id: feedbackSubmissions.id })
        .get().id;
    }
    input.points.forEach((p, i) => {
      const previous = existing?.points[i];
      const upload = uploads.get(i);
      const kept = !upload && p.keepAttachment === "1" && previous?.attachmentPath ? previous : null;
      tx.insert(feedbackPoints)
        .values({
          submissionId,
          position: i + 1,
          category: p.category,
          districtCode: p.districtCode,
          villageCode: p.villageCode,
          voters: p.voters,
          description: p.description,
          attachmentPath: upload?.path ?? kept?.attachmentPath ?? null,
          attachmentName: upload?.name ?? kept?.attachmentName ?? null,
          attachmentType: upload?.type ?? kept?.attachmentType ?? null,
          attachmentSize: upload?.size ?? kept?.attachmentSize ?? null,
          answer: previous?.description === p.description ? previous.answer : null,
          followUpStatus: previous?.description === p.description ? previous.followUpStatus : null,
          division: previous?.description === p.description ? previous.division : null,
        })
        .run();
    });
    return { submissionId, version, reference: existing?.reference ?? referenceFor(ctx) };
  });
}

export function historyOf(submissionId: number) {
  return db().select().from(feedbackHistory).where(eq(feedbackHistory.submissionId, submissionId)).orderBy(asc(feedbackHistory.version)).all();
}

/** All feedback of a meeting for the secretariat: organisations in name order, points in order. */
export function feedbackForMeeting(actor: Actor, meetingId: number) {
  getMeeting(actor, meetingId);
  const rows = db()
    .select({ invitation: invitations, stakeholder: stakeholders })
    .from(invitations)
    .innerJoin(stakeholders, eq(stakeholders.id, invitations.stakeholderId))
    .where(eq(invitations.meetingId, meetingId))
    .orderBy(asc(stakeholders.name))
    .all();
  return rows.map((r) => ({ ...r, link: feedbackLink(r.invitation), submission: submissionOf(r.invitation.id) }));
}

export function answerPoint(actor: Actor, meetingId: number, pointId: number, input: { answer: string; followUpStatus: "diterima" | "ditolak" | "ditindaklanjuti" | "selesai"; division: string }) {
  getMeeting(actor, meetingId);
  const owner = db()
    .select({ meetingId: invitations.meetingId })
    .from(feedbackPoints)
    .innerJoin(feedbackSubmissions, eq(feedbackSubmissions.id, feedbackPoints.submissionId))
    .innerJoin(invitations, eq(invitations.id, feedbackSubmissions.invitationId))
    .where(eq(feedbackPoints.id, pointId))
    .get();
  if (!owner || owner.meetingId !== meetingId) fail(404);
  db()
    .update(feedbackPoints)
    .set({ answer: input.answer, followUpStatus: input.followUpStatus, division: input.division || null, answeredBy: actor.user.id, answeredAt: new Date() })
    .where(eq(feedbackPoints.id, pointId))
    .run();
  refreshOfficeMetrics(actor.office.id);
}

// The dashboard asks this on every view: built once per connection.
const unansweredCountQuery = preparedQuery((database) =>
  database
    .select({ n: sql<number>`count(*)` })
    .from(feedbackPoints)
    .innerJoin(feedbackSubmissions, eq(feedbackSubmissions.id, feedbackPoints.submissionId))
    .innerJoin(invitations, eq(invitations.id, feedbackSubmissions.invitationId))
    .innerJoin(meetings, eq(meetings.id, invitations.meetingId))
    .where(and(eq(meetings.officeId, sql.placeholder("officeId")), isNull(feedbackPoints.followUpStatus)))
    .prepare(),
);

/** Points of the office still waiting for an answer (dashboard). */
export function unansweredCount(actor: Actor) {
  return unansweredCountQuery().get({ officeId: actor.office.id })?.n ?? 0;
}

/**
 * Follow-ups not yet "selesai" from the previous meeting of the same series: they carry over to
 * this meeting, where the secretariat reports on them.
 */
// The meeting page asks this on every view: built once per connection.
const openFollowUpsQuery = preparedQuery((database) =>
  database
    .select({ id: feedbackPoints.id, description: feedbackPoints.description, followUpStatus: feedbackPoints.followUpStatus, answer: feedbackPoints.answer, organisation: stakeholders.name })
    .from(feedbackPoints)
    .innerJoin(feedbackSubmissions, eq(feedbackSubmissions.id, feedbackPoints.submissionId))
    .innerJoin(invitations, eq(invitations.id, feedbackSubmissions.invitationId))
    .innerJoin(stakeholders, eq(stakeholders.id, invitations.stakeholderId))
    .where(and(eq(invitations.meetingId, sql.placeholder("meetingId")), sql`coalesce(${feedbackPoints.followUpStatus}, '') <> 'selesai'`))
    .orderBy(asc(stakeholders.name), asc(feedbackPoints.position))
    .prepare(),
);

export function openFollowUpsFromPrevious(meeting: Meeting, previous = previousInSeries(meeting)) {
  if (!previous) return [];
  return openFollowUpsQuery()
    .all({ meetingId: previous.id })
    .map((r) => ({ id: r.id, organisation: r.organisation, description: r.description, status: r.followUpStatus, answer: r.answer, fromPeriod: previous.period }));
}
