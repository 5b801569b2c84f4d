/**
 * Signing and sealing a berita acara, and its publication in the public register.
 * Every state change is one exported function here (submitted for signature, viewed by a signer,
 * signed, refused, sealed, published, replaced, scan uploaded, reminded), so that each can be
 * written to the audit log in one place.
 */
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import nodemailer from "nodemailer";
import {
  documentFiles,
  meetings,
  minutes,
  minutesSignatures,
  minutesSnapshots,
  minutesVersions,
  offices,
  outbox,
  publications,
  recaps,
  registerEntries,
  sealFailures,
  signingSettings,
  users,
} from "../../db/schema";
import { fail, type Actor } from "../auth/guard.server";
import { verifyPassword } from "../auth/password.server";
import { recordFailure, throttleState } from "../auth/throttle.server";
import { db, preparedQuery } from "../db.server";
import { env } from "../env.server";
import { ATTENDANCE_LABELS } from "../domain/agenda";
import { formatShortDateTime, type ZoneName } from "../domain/format";
import { nextEntry, sha256Hex, verifyChain, type ChainCheck, type ChainEntry } from "../domain/hash-chain";
import { describeQuorum } from "../domain/quorum";
import { allSigned, looksLikePdf, mayDecideNow, splitByAttendance } from "../domain/signing";
import { officeCertificate } from "../pdf/certificates.server";
import { renderSignedMinutes } from "../pdf/minutes-seal.server";
import { sealPdf, SealError } from "../pdf/seal.server";
import { attendanceOf, getMeeting, meetingQuorum } from "./meeting.server";
import { commissionersOf } from "./office.server";
import { minutesSnapshot, minutesSubject, type MinutesSnapshot } from "./minutes-document.server";
import { getMinutes, versionsOf, type Minutes } from "./minutes.server";
import { checkTotp, totpEnabled } from "./totp.server";
import { determineRecap, latestVersion } from "./recap.server";
import { recordAudit, type RequestOrigin } from "./audit.server";
import { refreshOfficeMetrics } from "./office-metrics.server";
import { markNumberUsed, reserveNumber } from "./register.server";
import { logoBytes } from "./document-settings.server";

/** Scanned berita acara: at most 20 MB. */
export const MAX_SCAN_BYTES = 20 * 1024 * 1024;
/** A file dropped on the verification page: at most 25 MB (the largest sealed file is far smaller). */
export const MAX_CHECK_BYTES = 25 * 1024 * 1024;

export type Signature = typeof minutesSignatures.$inferSelect;
export type Publication = typeof publications.$inferSelect;
export type RequestInfo = { ip: string; userAgent: string };

/** Actions taken by Pleno itself (sealing after the last signature) have no address of their own. */
const NO_ORIGIN: RequestOrigin = { ip: "", userAgent: "" };

function audit(actor: Actor, m: Minutes, action: Parameters<typeof recordAudit>[1]["action"], origin: RequestOrigin, detail: Record<string, unknown> = {}) {
  recordAudit(db(), { minutesId: m.id, meetingId: m.meetingId, officeId: m.officeId, action, actor, origin, detail: { version: m.currentVersion, ...detail } });
}

// ---------- settings ----------

export function signingSettingsOf(officeId: number) {
  return db().select().from(signingSettings).where(eq(signingSettings.officeId, officeId)).get() ?? { officeId, ketuaSignsLast: false, updatedAt: null };
}

export function setKetuaSignsLast(actor: Actor, ketuaSignsLast: boolean) {
  db()
    .insert(signingSettings)
    .values({ officeId: actor.office.id, ketuaSignsLast, updatedAt: new Date() })
    .onConflictDoUpdate({ target: signingSettings.officeId, set: { ketuaSignsLast, updatedAt: new Date() } })
    .run();
}

// ---------- the frozen version ----------

function currentNotes(m: Minutes) {
  return versionsOf(m.id).find((v) => v.version.version === m.currentVersion)?.version.notes ?? "";
}

/** The snapshot of the minutes' current version; made once (at submission, or first look after). */
export function frozenVersion(actor: Actor, m: Minutes): { content: MinutesSnapshot; sha256: string } {
  const existing = db()
    .select()
    .from(minutesSnapshots)
    .where(and(eq(minutesSnapshots.minutesId, m.id), eq(minutesSnapshots.version, m.currentVersion)))
    .get();
  if (existing) return { content: JSON.parse(existing.content) as MinutesSnapshot, sha256: existing.sha256 };
  const content = JSON.stringify(minutesSnapshot(actor, m.meetingId, m.number, m.currentVersion, currentNotes(m)));
  const sha256 = sha256Hex(content);
  db().insert(minutesSnapshots).values({ minutesId: m.id, version: m.currentVersion, content, sha256 }).onConflictDoNothing().run();
  return frozenVersion(actor, m);
}

// ---------- signatories ----------

/** The required signatories of the current version, made from the roll call when first needed. */
export function signaturesOf(actor: Actor, m: Minutes): Signature[] {
  const read = () =>
    db()
      .select()
      .from(minutesSignatures)
      .where(and(eq(minutesSignatures.minutesId, m.id), eq(minutesSignatures.version, m.currentVersion)))
      .orderBy(sql`case ${minutesSignatures.position} when 'ketua' then 0 else 1 end`, asc(minutesSignatures.name))
      .all();
  const rows = read();
  if (rows.length || m.status !== "diajukan") return rows;
  const { signers } = splitByAttendance(attendanceOf(actor, m.meetingId));
  const userOf = new Map(commissionersOf(actor.office.id).map((c) => [c.membership.id, c.user.id]));
  for (const s of signers) {
    db()
      .insert(minutesSignatures)
      .values({ minutesId: m.id, version: m.currentVersion, membershipId: s.membershipId, userId: userOf.get(s.membershipId)!, name: s.name, title: s.title, position: s.position })
      .onConflictDoNothing()
      .run();
  }
  return read();
}

/** Who signs, who was absent and why, and the quorum: shown on the berita acara page. */
export function signingOverview(actor: Actor, m: Minutes) {
  const attendance = attendanceOf(actor, m.meetingId);
  const { absent } = splitByAttendance(attendance);
  return {
    quorum: meetingQuorum(actor, m.meetingId),
    absent: absent.map((a) => ({ name: a.name, title: a.title, reason: a.status ? `${ATTENDANCE_LABELS[a.status]}${a.note ? `: ${a.note}` : ""}` : "kehadiran belum dicatat" })),
    signatures: signaturesOf(actor, m),
    ketuaSignsLast: signingSettingsOf(actor.office.id).ketuaSignsLast,
  };
}

/** Submits the draft for signature: only with quorum, and freezes the version the commissioners sign. */
export function submitForSignature(actor: Actor, id: number, origin: RequestOrigin = NO_ORIGIN) {
  const m = getMinutes(actor, id);
  if (m.status !== "draf") fail(409, "Berita acara ini sudah diajukan.");
  const q = meetingQuorum(actor, m.meetingId);
  if (!q.reached) fail(409, `Berita acara tidak dapat diajukan untuk ditandatangani tanpa kuorum. ${describeQuorum(q)}`);
  db().transaction(() => {
    db().update(minutes).set({ status: "diajukan", submittedAt: new Date(), submittedBy: actor.user.id }).where(and(eq(minutes.id, id), eq(minutes.status, "draf"))).run();
    const submitted = getMinutes(actor, id);
    const frozen = frozenVersion(actor, submitted);
    signaturesOf(actor, submitted);
    audit(actor, submitted, "diajukan", origin, { sha256: frozen.sha256 });
  });
}

function mySignature(actor: Actor, m: Minutes) {
  return signaturesOf(actor, m).find((s) => s.membershipId === actor.membership.id);
}

/** A signatory opened the version to review it (the first time is kept). */
export function markViewedBySigner(actor: Actor, id: number, origin: RequestOrigin = NO_ORIGIN) {
  const m = getMinutes(actor, id);
  const mine = m.status === "diajukan" ? mySignature(actor, m) : undefined;
  if (!mine || mine.viewedAt) return false;
  db().update(minutesSignatures).set({ viewedAt: new Date() }).where(eq(minutesSignatures.id, mine.id)).run();
  audit(actor, m, "dilihat_penandatangan", origin);
  return true;
}

// ---------- deciding ----------

export type Decision =
  | { ok: true; message: string; sealed?: { ok: boolean; reason?: string } }
  | { ok: false; field?: "password" | "reason" | "totp"; message: string };

type DecisionInput = { password: string; totp?: string; version: number; contentSha256: string };

async function checkDecision(actor: Actor, m: Minutes, input: DecisionInput & RequestInfo) {
  if (m.status !== "diajukan") fail(409, "Berita acara ini tidak sedang menunggu tanda tangan.");
  if (input.version !== m.currentVersion || input.contentSha256 !== frozenVersion(actor, m).sha256) {
    fail(409, "Versi yang Anda tinjau sudah diganti. Muat ulang halaman dan tinjau versi terbaru sebelum memutuskan.");
  }
  const signatures = signaturesOf(actor, m);
  // Guessing the password here counts like guessing it at sign-in, with the same lock.
  const throttle = throttleState(actor.user.email, input.ip);
  if (throttle.lockedUntil) fail(429, "Terlalu banyak percobaan kata sandi yang salah. Coba lagi 15 menit lagi.");
  if (throttle.delayMs) await new Promise((resolve) => setTimeout(resolve, throttle.delayMs));
  const user = db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.user.id)).get();
  const passwordOk = !!user && input.password.length > 0 && input.password.length <= 200 && (await verifyPassword(user.passwordHash, input.password));
  if (!passwordOk) recordFailure(actor.user.email, input.ip);
  return { signatures, passwordOk };
}

/** Fresh authentication: the password, and the authenticator code where the signer enabled one. */
function authFailure(actor: Actor, passwordOk: boolean, input: DecisionInput, what: string): Decision | null {
  if (!passwordOk) return { ok: false, field: "password", message: `Kata sandi salah. ${what} tidak dicatat.` };
  if (totpEnabled(actor.user.id) && !checkTotp(actor.user.id, input.totp ?? "")) {
    return { ok: false, field: "totp", message: `Kode autentikator salah atau sudah dipakai. ${what} tidak dicatat.` };
  }
  return null;
}

/** A signatory signs the exact version they reviewed, after entering their password again. */
export async function signMinutes(actor: Actor, id: number, input: DecisionInput & RequestInfo): Promise<Decision> {
  const m = getMinutes(actor, id);
  const { signatures, passwordOk } = await checkDecision(actor, m, input);
  const allowed = mayDecideNow(signatures, actor.membership.id, signingSettingsOf(actor.office.id).ketuaSignsLast);
  if (!allowed.ok) fail(409, allowed.message);
  const denied = authFailure(actor, passwordOk, input, "Tanda tangan");
  if (denied) return denied;
  const mine = signatures.find((s) => s.membershipId === actor.membership.id)!;
  const changed = db()
    .update(minutesSignatures)
    .set({ status: "ditandatangani", contentSha256: input.contentSha256, decidedAt: new Date(), ip: input.ip.slice(0, 100), userAgent: input.userAgent.slice(0, 300) })
    .where(and(eq(minutesSignatures.id, mine.id), eq(minutesSignatures.status, "menunggu"), isNull(minutesSignatures.voidedAt)))
    .run();
  if (changed.changes !== 1) fail(409, "Anda sudah memutuskan versi ini.");
  audit(actor, m, "ditandatangani", input, { sha256: input.contentSha256 });
  if (!allSigned(signaturesOf(actor, m))) return { ok: true, message: "Tanda tangan Anda tercatat." };
  const sealed = await sealMinutes(actor, id);
  return {
    ok: true,
    message: sealed.ok ? "Tanda tangan Anda tercatat. Semua tanda tangan lengkap: berita acara telah disegel dan diterbitkan." : "Tanda tangan Anda tercatat. Semua tanda tangan lengkap, tetapi penyegelan gagal.",
    sealed,
  };
}

/**
 * A signatory refuses with a reason: the minutes go back to draft as a new version (same text) and
 * every signature on the refused version becomes void.
 */
export async function refuseMinutes(actor: Actor, id: number, input: DecisionInput & { reason: string } & RequestInfo): Promise<Decision> {
  const m = getMinutes(actor, id);
  const reason = input.reason.trim();
  const { signatures, passwordOk } = await checkDecision(actor, m, input);
  const mine = signatures.find((s) => s.membershipId === actor.membership.id);
  if (!mine) fail(403, "Anda tidak tercatat hadir pada rapat ini, sehingga bukan penanda tangan berita acara ini.");
  if (mine.status !== "menunggu") fail(409, "Anda sudah memutuskan versi ini.");
  if (reason.length < 5) return { ok: false, field: "reason", message: "Alasan penolakan wajib diisi (minimal 5 karakter)." };
  const denied = authFailure(actor, passwordOk, input, "Penolakan");
  if (denied) return denied;
  const now = new Date();
  db().transaction((tx) => {
    tx.update(minutesSignatures)
      .set({ status: "ditolak", reason: reason.slice(0, 1000), contentSha256: input.contentSha256, decidedAt: now, ip: input.ip.slice(0, 100), userAgent: input.userAgent.slice(0, 300) })
      .where(eq(minutesSignatures.id, mine.id))
      .run();
    tx.update(minutesSignatures).set({ voidedAt: now }).where(and(eq(minutesSignatures.minutesId, id), eq(minutesSignatures.version, m.currentVersion))).run();
    const next = m.currentVersion + 1;
    tx.insert(minutesVersions).values({ minutesId: id, version: next, notes: currentNotes(m), savedBy: actor.user.id }).run();
    tx.update(minutes).set({ status: "draf", currentVersion: next, submittedAt: null, submittedBy: null }).where(eq(minutes.id, id)).run();
    tx.delete(sealFailures).where(eq(sealFailures.minutesId, id)).run();
    audit(actor, m, "ditolak", input, { reason: reason.slice(0, 500), sha256: input.contentSha256 });
  });
  return { ok: true, message: "Penolakan Anda tercatat. Berita acara kembali menjadi draf sebagai versi baru; tanda tangan pada versi sebelumnya batal." };
}

// ---------- sealing and publishing ----------

function newCode() {
  return randomBytes(15).toString("base64url");
}

export function verifyUrl(code: string) {
  return `${env().APP_URL.replace(/\/$/, "")}/verifikasi/${code}`;
}

export function publicationOfMinutes(minutesId: number) {
  return db().select().from(publications).where(eq(publications.minutesId, minutesId)).get();
}

export function sealFailureOf(minutesId: number) {
  return db().select().from(sealFailures).where(eq(sealFailures.minutesId, minutesId)).get();
}

/** Stores the file, the publication and its register entry, and settles meeting, recap and number. */
function publish(
  actor: Actor,
  m: Minutes,
  input: { kind: "elektronik" | "pindaian"; bytes: Buffer; code: string; subject: string; contentSha256: string | null; origin?: RequestOrigin },
) {
  const meeting = getMeeting(actor, m.meetingId);
  const sha256 = sha256Hex(input.bytes);
  const replaced = m.replacesMinutesId ? publicationOfMinutes(m.replacesMinutesId) : undefined;
  const result = db().transaction((tx) => {
    // Two last signatures at the same moment: the first publication stands, the second is dropped.
    const already = publicationOfMinutes(m.id);
    if (already) return already;
    const current = tx.select({ status: minutes.status }).from(minutes).where(eq(minutes.id, m.id)).get();
    if (current?.status !== "diajukan") fail(409, "Berita acara ini tidak sedang menunggu penerbitan.");
    const file = tx.insert(documentFiles).values({ sha256, size: input.bytes.length, bytes: input.bytes }).returning({ id: documentFiles.id }).get();
    const publication = tx
      .insert(publications)
      .values({
        officeId: actor.office.id,
        minutesId: m.id,
        version: m.currentVersion,
        kind: input.kind,
        code: input.code,
        number: m.number ?? "",
        subject: input.subject,
        meetingDate: meeting.startsAt,
        fileId: file.id,
        sha256,
        contentSha256: input.contentSha256,
        replacesId: replaced?.id ?? null,
        publishedBy: actor.user.id,
      })
      .returning()
      .get();
    if (replaced) tx.update(publications).set({ replacedById: publication.id }).where(eq(publications.id, replaced.id)).run();
    appendRegisterEntry(actor.office, publication);
    tx.update(minutes).set({ status: "ditandatangani", sealedAt: publication.publishedAt }).where(eq(minutes.id, m.id)).run();
    if (m.numberId) markNumberUsed(m.numberId);
    tx.update(meetings).set({ status: "ba_ditandatangani", version: sql`${meetings.version} + 1`, updatedAt: new Date() }).where(eq(meetings.id, meeting.id)).run();
    determineRecapOfMeeting(actor, meeting.id);
    tx.delete(sealFailures).where(eq(sealFailures.minutesId, m.id)).run();
    audit(actor, m, input.kind === "elektronik" ? "disegel" : "pindaian_diunggah", input.origin ?? NO_ORIGIN, { sha256, file: input.code });
    audit(actor, m, "diterbitkan", input.origin ?? NO_ORIGIN, { sha256 });
    if (replaced) {
      const old = tx.select().from(minutes).where(eq(minutes.id, replaced.minutesId)).get();
      if (old) audit(actor, old, "diganti", input.origin ?? NO_ORIGIN, { number: m.number ?? "" });
    }
    return publication;
  });
  refreshOfficeMetrics(actor.office.id);
  return result;
}

/** The recap linked to the meeting (its latest version) becomes ditetapkan, if still a draft. */
function determineRecapOfMeeting(actor: Actor, meetingId: number) {
  const linked = db().select().from(recaps).where(and(eq(recaps.officeId, actor.office.id), eq(recaps.meetingId, meetingId))).orderBy(desc(recaps.version)).get();
  if (!linked) return null;
  const latest = latestVersion(linked.officeId, linked.level, linked.period);
  if (!latest || latest.status !== "draf" || (latest.meetingId !== null && latest.meetingId !== meetingId)) return null;
  return determineRecap(actor, latest.id, meetingId);
}

function appendRegisterEntry(office: Actor["office"], publication: Publication) {
  const last = db().select().from(registerEntries).where(eq(registerEntries.officeId, office.id)).orderBy(desc(registerEntries.seq)).get();
  const entry = nextEntry(last ?? null, {
    officeCode: office.code,
    documentNumber: publication.number,
    documentSha256: publication.sha256,
    publishedAt: publication.publishedAt.toISOString(),
  });
  db().insert(registerEntries).values({ officeId: office.id, publicationId: publication.id, ...entry }).run();
}

/**
 * Seals in one step when every signatory has signed: renders the signed version with its signature
 * page and QR code, signs the PDF with the office's certificate and publishes it. On any failure the
 * minutes stay unsealed and the reason is kept for the page (retry with the same call).
 */
export async function sealMinutes(actor: Actor, id: number, origin: RequestOrigin = NO_ORIGIN): Promise<{ ok: true; publication: Publication } | { ok: false; reason: string }> {
  const m = getMinutes(actor, id);
  const done = publicationOfMinutes(id);
  if (done) return { ok: true, publication: done };
  if (m.status !== "diajukan") fail(409, "Berita acara ini tidak sedang menunggu penyegelan.");
  const signatures = signaturesOf(actor, m);
  if (!allSigned(signatures)) fail(409, "Belum semua penanda tangan menandatangani versi ini.");
  const frozen = frozenVersion(actor, m);
  try {
    if (signatures.some((s) => s.contentSha256 !== frozen.sha256)) throw new SealError("Tanda tangan tidak atas isi versi yang sama.");
    const office = db().select().from(offices).where(eq(offices.id, actor.office.id)).get()!;
    const zone = office.timeZone as ZoneName;
    const code = newCode();
    const sealedAt = new Date();
    const pdf = await renderSignedMinutes(frozen.content, {
      officeName: office.name,
      signers: signatures.map((s) => ({ name: s.name, title: s.title, at: formatShortDateTime(s.decidedAt!, zone) })),
      contentSha256: frozen.sha256,
      verifyUrl: verifyUrl(code),
      sealedAt: formatShortDateTime(sealedAt, zone),
      logo: logoBytes(office.id),
    });
    const certificate = officeCertificate(office);
    const sealed = await sealPdf(pdf, certificate.p12, certificate.passphrase, {
      reason: `Berita acara ${m.number ?? ""} ditandatangani`,
      location: office.city,
      name: office.name,
      contactInfo: verifyUrl(code),
      signingTime: sealedAt,
    });
    const publication = publish(actor, m, { kind: "elektronik", bytes: sealed, code, subject: frozen.content.subject, contentSha256: frozen.sha256, origin });
    return { ok: true, publication };
  } catch (error) {
    if (error instanceof Response) throw error;
    const reason = error instanceof SealError ? error.message : "Penyegelan gagal karena kesalahan sistem; coba lagi atau hubungi admin.";
    if (!(error instanceof SealError)) console.error("seal failed", error);
    db()
      .insert(sealFailures)
      .values({ minutesId: id, version: m.currentVersion, reason, failedAt: new Date() })
      .onConflictDoUpdate({ target: sealFailures.minutesId, set: { version: m.currentVersion, reason, failedAt: new Date() } })
      .run();
    return { ok: false, reason };
  }
}

/** Offices that sign on paper: the scan of the signed berita acara is published instead of a seal. */
export function publishScan(actor: Actor, id: number, bytes: Buffer, origin: RequestOrigin = NO_ORIGIN) {
  const m = getMinutes(actor, id);
  if (m.status !== "diajukan") fail(409, "Pindaian hanya dapat diunggah untuk berita acara yang sudah diajukan dan belum diterbitkan.");
  if (bytes.length === 0) return { ok: false as const, message: "Pilih berkas PDF pindaian berita acara." };
  if (bytes.length > MAX_SCAN_BYTES) return { ok: false as const, message: "Berkas terlalu besar (maksimal 20 MB)." };
  if (!looksLikePdf(bytes)) return { ok: false as const, message: "Berkas ini bukan PDF. Unggah hasil pindaian dalam format PDF." };
  const meeting = getMeeting(actor, m.meetingId);
  const publication = publish(actor, m, { kind: "pindaian", bytes, code: newCode(), subject: minutesSubject(meeting.kind, meeting.period), contentSha256: null, origin });
  return { ok: true as const, publication };
}

/** A correction after sealing: a new numbered draft with the same text that names the one it replaces. */
export function startCorrection(actor: Actor, id: number) {
  const m = getMinutes(actor, id);
  if (m.status !== "ditandatangani" || !publicationOfMinutes(id)) fail(409, "Hanya berita acara yang sudah diterbitkan yang dikoreksi; draf dapat diubah langsung.");
  const open = db()
    .select()
    .from(minutes)
    .where(and(eq(minutes.replacesMinutesId, id), ne(minutes.status, "dibatalkan")))
    .get();
  if (open) return open;
  const notes = currentNotes(m);
  return db().transaction(() => {
    const row = db().insert(minutes).values({ officeId: actor.office.id, meetingId: m.meetingId, createdBy: actor.user.id, replacesMinutesId: id }).returning().get();
    const reserved = reserveNumber({ officeId: actor.office.id, docType: "BA", issuedAt: new Date(), documentRef: `minutes:${row.id}`, userId: actor.user.id });
    db().insert(minutesVersions).values({ minutesId: row.id, version: 1, notes, savedBy: actor.user.id }).run();
    return db().update(minutes).set({ numberId: reserved.id, number: reserved.number }).where(eq(minutes.id, row.id)).returning().get();
  });
}

// ---------- reminders and the dashboard ----------

/** What waits for this commissioner's signature. */
export function awaitingSignature(actor: Actor) {
  return db()
    .select({ id: minutes.id, number: minutes.number, title: meetings.title, period: meetings.period })
    .from(minutesSignatures)
    .innerJoin(minutes, and(eq(minutes.id, minutesSignatures.minutesId), eq(minutes.currentVersion, minutesSignatures.version)))
    .innerJoin(meetings, eq(meetings.id, minutes.meetingId))
    .where(
      and(
        eq(minutesSignatures.membershipId, actor.membership.id),
        eq(minutesSignatures.status, "menunggu"),
        isNull(minutesSignatures.voidedAt),
        eq(minutes.status, "diajukan"),
        eq(minutes.officeId, actor.office.id),
      ),
    )
    .orderBy(asc(minutes.id))
    .all();
}

// The dashboard asks this on every view: built once per connection.
const minutesInSigningQuery = preparedQuery((database) =>
  database
    .select({ id: minutes.id, failed: sql<number>`exists (select 1 from seal_failures f where f.minutes_id = minutes.id)` })
    .from(minutes)
    .where(and(eq(minutes.officeId, sql.placeholder("officeId")), eq(minutes.status, "diajukan")))
    .orderBy(asc(minutes.id))
    .prepare(),
);

/** The office's berita acara out for signature, oldest first, and those whose sealing failed. */
export function minutesInSigning(actor: Actor) {
  const rows = minutesInSigningQuery().all({ officeId: actor.office.id });
  return { waiting: rows.filter((r) => !r.failed), failed: rows.filter((r) => r.failed) };
}

function pendingSignature(actor: Actor, id: number, signatureId: number) {
  const m = getMinutes(actor, id);
  if (m.status !== "diajukan") fail(409, "Berita acara ini tidak sedang menunggu tanda tangan.");
  const s = signaturesOf(actor, m).find((x) => x.id === signatureId);
  if (!s) fail(404);
  if (s.status !== "menunggu") fail(409, `${s.name} sudah memutuskan versi ini.`);
  return { m, s };
}

export function reminderText(actor: Actor, m: Minutes, name: string) {
  const meeting = getMeeting(actor, m.meetingId);
  const link = `${env().APP_URL.replace(/\/$/, "")}/berita-acara/${m.id}/tanda-tangan`;
  return `Yth. ${name},\n\nBerita acara ${m.number ?? ""} (${meeting.title}) menunggu tinjauan dan tanda tangan Anda di Pleno:\n${link}\n\nTerima kasih.\n${actor.office.name}`;
}

/** A reminder by e-mail: kept in the outbox in demo mode, like the invitations. */
export async function remindByEmail(actor: Actor, id: number, signatureId: number) {
  const { m, s } = pendingSignature(actor, id, signatureId);
  const to = db().select({ email: users.email }).from(users).where(eq(users.id, s.userId)).get()!.email;
  const subject = `Menunggu tanda tangan: berita acara ${m.number ?? ""}`;
  const body = reminderText(actor, m, s.name);
  const smtp = env().SMTP_URL;
  if (smtp) await nodemailer.createTransport(smtp).sendMail({ from: env().MAIL_FROM, to, subject, text: body });
  else db().insert(outbox).values({ officeId: actor.office.id, meetingId: m.meetingId, to, subject, body, attachments: [] }).run();
  db().update(minutesSignatures).set({ remindedAt: new Date() }).where(eq(minutesSignatures.id, s.id)).run();
  return smtp ? `Pengingat dikirim ke ${to}.` : `Pengingat untuk ${to} disimpan di kotak keluar (mode demo).`;
}

/** A reminder handed over to WhatsApp: the wa.me link with the text (the user picks the chat). */
export function remindByWhatsapp(actor: Actor, id: number, signatureId: number) {
  const { m, s } = pendingSignature(actor, id, signatureId);
  db().update(minutesSignatures).set({ remindedAt: new Date() }).where(eq(minutesSignatures.id, s.id)).run();
  return `https://wa.me/?text=${encodeURIComponent(reminderText(actor, m, s.name))}`;
}

// ---------- public: verification and the register ----------

export function publicationByCode(code: string) {
  const row = db()
    .select({ publication: publications, office: { name: offices.name, code: offices.code, timeZone: offices.timeZone } })
    .from(publications)
    .innerJoin(offices, eq(offices.id, publications.officeId))
    .where(eq(publications.code, code))
    .get();
  if (!row) return null;
  const p = row.publication;
  const signers =
    p.kind === "elektronik"
      ? db()
          .select()
          .from(minutesSignatures)
          .where(and(eq(minutesSignatures.minutesId, p.minutesId), eq(minutesSignatures.version, p.version), eq(minutesSignatures.status, "ditandatangani")))
          .orderBy(sql`case ${minutesSignatures.position} when 'ketua' then 0 else 1 end`, asc(minutesSignatures.name))
          .all()
      : [];
  const replacedBy = p.replacedById ? db().select({ code: publications.code, number: publications.number }).from(publications).where(eq(publications.id, p.replacedById)).get() : undefined;
  const replaces = p.replacesId ? db().select({ code: publications.code, number: publications.number }).from(publications).where(eq(publications.id, p.replacesId)).get() : undefined;
  return { publication: p, office: row.office, signers, replacedBy, replaces };
}

export function publishedFile(code: string) {
  return db()
    .select({ bytes: documentFiles.bytes, number: publications.number, sha256: publications.sha256, minutesId: publications.minutesId, officeId: publications.officeId })
    .from(publications)
    .innerJoin(documentFiles, eq(documentFiles.id, publications.fileId))
    .where(eq(publications.code, code))
    .get();
}

/** A public download of a published file, kept in the document's audit log without a user. */
export function recordPublicDownload(file: { minutesId: number; officeId: number; number: string }, origin: RequestOrigin) {
  const m = db().select({ meetingId: minutes.meetingId, version: minutes.currentVersion }).from(minutes).where(eq(minutes.id, file.minutesId)).get();
  recordAudit(db(), {
    minutesId: file.minutesId,
    meetingId: m?.meetingId ?? null,
    officeId: file.officeId,
    action: "diunduh",
    actor: null,
    origin,
    detail: { version: m?.version, file: `publik: ${file.number}` },
  });
}

/** Whether a file is byte for byte the published one. */
export function matchesPublication(code: string, bytes: Uint8Array) {
  const p = db().select({ sha256: publications.sha256 }).from(publications).where(eq(publications.code, code)).get();
  if (!p) return null;
  const sha256 = sha256Hex(bytes);
  return { matches: sha256 === p.sha256, sha256 };
}

export const REGISTER_PAGE_SIZE = 50;

/** The register, newest entries first, a page at a time (optionally one office). */
export function registerListing(officeCode?: string, page = 1) {
  const where = officeCode ? eq(offices.code, officeCode) : undefined;
  const total =
    db()
      .select({ n: sql<number>`count(*)` })
      .from(registerEntries)
      .innerJoin(offices, eq(offices.id, registerEntries.officeId))
      .where(where)
      .get()?.n ?? 0;
  const rows = db()
    .select({
      entry: registerEntries,
      office: offices.name,
      timeZone: offices.timeZone,
      code: publications.code,
      subject: publications.subject,
      kind: publications.kind,
      meetingDate: publications.meetingDate,
      replaced: sql<number>`${publications.replacedById} is not null`,
    })
    .from(registerEntries)
    .innerJoin(publications, eq(publications.id, registerEntries.publicationId))
    .innerJoin(offices, eq(offices.id, registerEntries.officeId))
    .where(where)
    .orderBy(desc(registerEntries.id))
    .limit(REGISTER_PAGE_SIZE)
    .offset((page - 1) * REGISTER_PAGE_SIZE)
    .all();
  return { rows, total };
}

export function registerOffices() {
  return db()
    .selectDistinct({ code: offices.code, name: offices.name })
    .from(registerEntries)
    .innerJoin(offices, eq(offices.id, registerEntries.officeId))
    .orderBy(asc(offices.name))
    .all();
}

export type RegisterCheck = { officeCode: string; officeName: string; result: ChainCheck | { ok: false; seq: number; reason: string } };

/**
 * Checks each office's chain (one chain per office) in one pass over the register. With `files`,
 * also that each stored file still has the SHA-256 its entry holds (the command does; the public
 * page checks the entries only, so a click never hashes every published file).
 */
export function checkRegister(officeCodes?: string[], options: { files?: boolean } = {}): RegisterCheck[] {
  const rows = db()
    .select({ entry: registerEntries, officeName: offices.name, fileId: publications.fileId })
    .from(registerEntries)
    .innerJoin(offices, eq(offices.id, registerEntries.officeId))
    .innerJoin(publications, eq(publications.id, registerEntries.publicationId))
    .where(officeCodes ? inArray(offices.code, officeCodes) : undefined)
    .orderBy(asc(registerEntries.officeId), asc(registerEntries.seq))
    .all();
  const byOffice = new Map<number, typeof rows>();
  for (const r of rows) {
    const list = byOffice.get(r.entry.officeId);
    if (list) list.push(r);
    else byOffice.set(r.entry.officeId, [r]);
  }
  const results: RegisterCheck[] = [];
  for (const list of byOffice.values()) {
    const entries: ChainEntry[] = list.map(({ entry }) => ({
      seq: entry.seq,
      officeCode: entry.officeCode,
      documentNumber: entry.documentNumber,
      documentSha256: entry.documentSha256,
      publishedAt: entry.publishedAt,
      previousHash: entry.previousHash,
      entryHash: entry.entryHash,
    }));
    let result: RegisterCheck["result"] = verifyChain(entries);
    if (result.ok && options.files) {
      for (const r of list) {
        const file = db().select({ bytes: documentFiles.bytes }).from(documentFiles).where(eq(documentFiles.id, r.fileId)).get();
        if (!file || sha256Hex(file.bytes) !== r.entry.documentSha256) {
          result = { ok: false, seq: r.entry.seq, reason: "berkas PDF tersimpan tidak cocok dengan SHA-256 di register" };
          break;
        }
      }
    }
    results.push({ officeCode: list[0].entry.officeCode, officeName: list[0].officeName, result });
  }
  return results.sort((a, b) => a.officeName.localeCompare(b.officeName));
}
