import { execFileSync, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { demoCertificatePaths } from "../../app/pdf/certificates.server";
import { createSelfSignedP12 } from "../../app/pdf/seal.server";
import { auditOf } from "../../app/models/audit.server";
import { checkRegister, publicationOfMinutes, sealFailureOf } from "../../app/models/signing.server";
import { action as minutesAction, loader as minutesLoader } from "../../app/routes/berita-acara.$id";
import { action as signAction, loader as signLoader } from "../../app/routes/berita-acara.$id_.tanda-tangan";
import { loader as dashboardLoader } from "../../app/routes/dasbor";
import { action as meetingAction, loader as meetingLoader } from "../../app/routes/rapat.$id";
import { action as verifyAction, loader as verifyLoader } from "../../app/routes/verifikasi.$code";
import { loader as registerLoader } from "../../app/routes/berita-acara._index";
import { report } from "../../db/verify-register";
import { officeByCode } from "../../db/factories";
import {
  commissionerAttendance,
  meetingDecisions,
  meetings,
  memberships,
  minutes,
  minutesSignatures,
  numberRegister,
  outbox,
  publications,
  recaps,
  registerEntries,
  users,
} from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/seed";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";
import { ROOT, TMP } from "../helpers/paths";

// Certificates of this file go to a folder of its own (the failure test replaces one).
process.env.DATA_DIR = path.join(TMP, `data-signing-${randomUUID()}`);

let dbFile: string;
let jeparaId: number;
const SEC = "sekretariat1.jepara@pleno.demo";
const KETUA = "ketua.jepara@pleno.demo";
const anggota = (i: number) => `anggota${i}.jepara@pleno.demo`;
const cookies = new Map<string, string>();
const cookie = (email: string) => {
  if (!cookies.has(email)) cookies.set(email, cookieFor(email));
  return cookies.get(email)!;
};

beforeAll(() => {
  dbFile = useTestDatabase().file;
  jeparaId = officeByCode(db(), "33.20").id;
});

function meetingOf(period: string) {
  return db().select().from(meetings).where(and(eq(meetings.officeId, jeparaId), eq(meetings.period, period), eq(meetings.kind, "open_quarterly"))).get()!;
}

async function newMinutes(meetingId: number) {
  const r = await call(meetingAction, `/rapat/${meetingId}`, { cookie: cookie(SEC), params: { id: String(meetingId) }, form: { intent: "minutes-create" } });
  return Number(/\/berita-acara\/(\d+)/.exec(r.headers.get("Location")!)![1]);
}

const secretariat = (id: number, form: Record<string, string | Blob>) => call(minutesAction, `/berita-acara/${id}`, { cookie: cookie(SEC), params: { id: String(id) }, form });

type SignView = { open: boolean; version: number; sha256: string; mayDecide: string | null; isSignatory: boolean };
async function review(email: string, id: number) {
  return bodyOf<SignView>(await call(signLoader, `/berita-acara/${id}/tanda-tangan`, { cookie: cookie(email), params: { id: String(id) } }));
}
async function decide(email: string, id: number, form: Record<string, string>) {
  const view = await review(email, id);
  return call(signAction, `/berita-acara/${id}/tanda-tangan`, {
    cookie: cookie(email),
    params: { id: String(id) },
    headers: { "User-Agent": "vitest-browser/1.0" },
    ip: "203.0.113.7",
    form: { version: String(view.version), sha256: view.sha256, password: DEMO_PASSWORD, ...form },
  });
}
const statusOf = (id: number) => db().select().from(minutes).where(eq(minutes.id, id)).get()!;
const signaturesOfVersion = (id: number, version: number) =>
  db().select().from(minutesSignatures).where(and(eq(minutesSignatures.minutesId, id), eq(minutesSignatures.version, version))).all();

/** A stand-in for a scanned page: a real PDF made with pdfkit. */
function paperScan(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: "A4" });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.fontSize(14).text("BERITA ACARA (pindaian bertanda tangan basah)");
    doc.end();
  });
}

function pdfsig(file: string) {
  try {
    return execFileSync("pdfsig", [file], { encoding: "utf8" });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe("signing and sealing a berita acara", () => {
  let id: number;
  let code: string;
  let sealedBytes: Buffer;

  it("cannot be sent for signature without quorum", async () => {
    const meeting = meetingOf("2026-Q1");
    const commission = db().select().from(memberships).where(and(eq(memberships.officeId, jeparaId), eq(memberships.role, "commissioner"))).all();
    for (const c of commission.slice(0, 3)) {
      db().update(commissionerAttendance).set({ status: "sakit", note: "rawat inap" }).where(and(eq(commissionerAttendance.meetingId, meeting.id), eq(commissionerAttendance.membershipId, c.id))).run();
    }
    const mid = await newMinutes(meeting.id);
    const r = await secretariat(mid, { intent: "submit" });
    expect(r.status).toBe(409);
    expect((await bodyOf<{ message: string }>(r)).message).toMatch(/tanpa kuorum.*2 dari 5 komisioner hadir/);
    expect(statusOf(mid).status).toBe("draf");
  });

  it("a submitted berita acara lists the commissioners present as signatories and waits on their dashboards", async () => {
    id = await newMinutes(meetingOf("2025-Q4").id);
    expect((await secretariat(id, { intent: "save", version: "1", notes: "Rapat berlangsung tertib." })).status).toBe(302);
    expect((await secretariat(id, { intent: "submit" })).status).toBe(302);
    expect(statusOf(id).status).toBe("diajukan");
    const page = await bodyOf<{ signing: { signatures: { name: string; status: string }[]; absent: unknown[]; quorum: string } }>(
      await call(minutesLoader, `/berita-acara/${id}`, { cookie: cookie(SEC), params: { id: String(id) } }),
    );
    expect(page.signing.signatures).toHaveLength(5);
    expect(page.signing.signatures.every((s) => s.status === "menunggu")).toBe(true);
    expect(page.signing.quorum).toMatch(/5 dari 5 komisioner hadir/);
    const board = await bodyOf<{ board: { awaiting: { href: string }[] } }>(await call(dashboardLoader, "/dasbor", { cookie: cookie(anggota(1)) }));
    expect(board.board.awaiting.map((a) => a.href)).toContain(`/berita-acara/${id}/tanda-tangan`);
    // Reminders: an e-mail kept in the outbox (demo mode) and a WhatsApp hand-over.
    const first = db().select().from(minutesSignatures).where(and(eq(minutesSignatures.minutesId, id), eq(minutesSignatures.status, "menunggu"))).get()!;
    const email = await secretariat(id, { intent: "remind-email", signatureId: String(first.id) });
    expect(decodeURIComponent(email.headers.get("Location")!)).toMatch(/kotak keluar/);
    const to = db().select({ email: users.email }).from(users).where(eq(users.id, first.userId)).get()!.email;
    const mail = db().select().from(outbox).where(eq(outbox.to, to)).get()!;
    expect(mail.subject).toContain("Menunggu tanda tangan");
    expect(mail.body).toContain(`/berita-acara/${id}/tanda-tangan`);
    const wa = await secretariat(id, { intent: "remind-wa", signatureId: String(first.id) });
    expect(wa.headers.get("Location")).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(db().select().from(minutesSignatures).where(eq(minutesSignatures.id, first.id)).get()!.remindedAt).toBeInstanceOf(Date);
  });

  it("while it is out for signature the meeting's record is locked on the page and in the action", async () => {
    const meetingId = statusOf(id).meetingId;
    const page = await bodyOf<{ canEdit: boolean; locked: string | null }>(await call(meetingLoader, `/rapat/${meetingId}`, { cookie: cookie(SEC), params: { id: String(meetingId) } }));
    expect(page.canEdit).toBe(false);
    expect(page.locked).toMatch(/proses tanda tangan/);
    const before = db().select().from(meetingDecisions).where(eq(meetingDecisions.meetingId, meetingId)).all();
    const attempts: Record<string, string>[] = [{ intent: "decision-add", text: "Keputusan tambahan" }, { intent: "agenda-add", title: "Butir baru", durationMinutes: "10" }, { intent: "update" }];
    for (const form of attempts) {
      const r = await call(meetingAction, `/rapat/${meetingId}`, { cookie: cookie(SEC), params: { id: String(meetingId) }, form });
      expect(r.status, form.intent).toBe(409);
      expect((await bodyOf<{ errors: { _form: string } }>(r)).errors._form).toMatch(/tidak dapat diubah/);
    }
    expect(db().select().from(meetingDecisions).where(eq(meetingDecisions.meetingId, meetingId)).all()).toEqual(before);
  });

  it("what the signers review is frozen at submission: later changes of the meeting's data do not alter it", async () => {
    const read = async () =>
      JSON.stringify((await bodyOf<{ document: unknown }>(await call(minutesLoader, `/berita-acara/${id}`, { cookie: cookie(SEC), params: { id: String(id) } }))).document);
    const before = await read();
    const meetingId = statusOf(id).meetingId;
    db().update(meetingDecisions).set({ text: "KEPUTUSAN DIUBAH SETELAH DIAJUKAN" }).where(eq(meetingDecisions.meetingId, meetingId)).run();
    expect(await read()).toBe(before);
    const pdf = await call((await import("../../app/routes/berita-acara.$id[.pdf]")).loader, `/berita-acara/${id}.pdf`, { cookie: cookie(SEC), params: { id: String(id) } });
    const file = path.join(TMP, `frozen-${randomUUID()}.pdf`);
    fs.writeFileSync(file, Buffer.from(await pdf.arrayBuffer()));
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain("Menetapkan rekapitulasi");
    expect(text).not.toContain("KEPUTUSAN DIUBAH");
  });

  it("a wrong password, a stale version and a second signature are refused", async () => {
    const wrong = await decide(anggota(1), id, { intent: "sign", password: "salah-sekali" });
    expect(wrong.status).toBe(400);
    expect((await bodyOf<{ errors: { password: string } }>(wrong)).errors.password).toMatch(/Kata sandi salah/);
    const stale = await decide(anggota(1), id, { intent: "sign", sha256: "0".repeat(64) });
    expect(stale.status).toBe(409);
    expect(signaturesOfVersion(id, 2).every((s) => s.status === "menunggu")).toBe(true);

    expect((await decide(anggota(1), id, { intent: "sign" })).status).toBe(302);
    const mine = signaturesOfVersion(id, 2).find((s) => s.status === "ditandatangani")!;
    expect(mine.ip).toBe("203.0.113.7");
    expect(mine.userAgent).toBe("vitest-browser/1.0");
    expect(mine.contentSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(mine.decidedAt).toBeInstanceOf(Date);
    const again = await decide(anggota(1), id, { intent: "sign" });
    expect(again.status).toBe(409);
  });

  it("a refusal sends the minutes back to draft as a new version and voids every signature on the old one", async () => {
    const noReason = await decide(anggota(2), id, { intent: "refuse", reason: "" });
    expect(noReason.status).toBe(400);
    expect((await decide(anggota(2), id, { intent: "refuse", reason: "Jumlah pemilih baru di kecamatan Mlonggo keliru." })).status).toBe(302);
    const m = statusOf(id);
    expect(m.status).toBe("draf");
    expect(m.currentVersion).toBe(3);
    const old = signaturesOfVersion(id, 2);
    expect(old.every((s) => s.voidedAt !== null)).toBe(true);
    expect(old.find((s) => s.status === "ditolak")?.reason).toMatch(/Mlonggo/);
    expect(old.some((s) => s.status === "ditandatangani")).toBe(true);
  });

  it("with 'ketua menandatangani terakhir' the ketua waits; the last signature seals and publishes in one step", async () => {
    expect((await secretariat(id, { intent: "save", version: "3", notes: "Rapat berlangsung tertib. Angka Mlonggo diperbaiki." })).status).toBe(302);
    expect((await secretariat(id, { intent: "submit" })).status).toBe(302);
    const { action: seriesAction } = await import("../../app/routes/rapat.seri");
    expect((await call(seriesAction, "/rapat/seri", { cookie: cookie(SEC), form: { intent: "signing-order", ketuaSignsLast: "1" } })).status).toBe(302);

    const early = await decide(KETUA, id, { intent: "sign" });
    expect(early.status).toBe(409);
    expect((await bodyOf<{ message: string }>(early)).message).toMatch(/ketua menandatangani terakhir/);
    for (const i of [1, 2, 3, 4]) expect((await decide(anggota(i), id, { intent: "sign" })).status).toBe(302);
    expect(publicationOfMinutes(id)).toBeUndefined();
    const last = await decide(KETUA, id, { intent: "sign" });
    expect(last.status).toBe(302);
    expect(decodeURIComponent(last.headers.get("Location")!)).toMatch(/disegel dan diterbitkan/);

    const m = statusOf(id);
    expect(m.status).toBe("ditandatangani");
    expect(m.sealedAt).toBeInstanceOf(Date);
    const publication = publicationOfMinutes(id)!;
    code = publication.code;
    expect(code).toMatch(/^[A-Za-z0-9_-]{20}$/);
    const meeting = db().select().from(meetings).where(eq(meetings.id, m.meetingId)).get()!;
    expect(meeting.status).toBe("ba_ditandatangani");
    const recap = db().select().from(recaps).where(and(eq(recaps.meetingId, meeting.id), eq(recaps.officeId, jeparaId))).get()!;
    expect(recap.status).toBe("ditetapkan");
    expect(db().select().from(numberRegister).where(eq(numberRegister.id, m.numberId!)).get()!.status).toBe("used");

    // Every step is in the append-only audit log, with who did it.
    const log = auditOf(id).map((r) => `${r.action}:${r.userName}`);
    for (const step of ["diajukan", "dilihat_penandatangan", "ditandatangani", "disegel", "diterbitkan"]) expect(log.some((l) => l.startsWith(`${step}:`))).toBe(true);
    expect(log.filter((l) => l.startsWith("ditandatangani:")).length).toBeGreaterThanOrEqual(5);
    expect(auditOf(id).find((r) => r.action === "disegel")!.detail.sha256).toBe(publicationOfMinutes(id)!.sha256);
    // The board's figure "sealed within 7 days" is computed again after sealing.
    expect(db().$client.prepare("select count(*) n from office_metrics where office_id = ? and metric = 'sealed_within_7_days' and origin = 'computed'").get(jeparaId)).not.toMatchObject({ n: 0 });
  });

  it("once sealed the meeting's record stays locked, with the way to change it named", async () => {
    const meetingId = statusOf(id).meetingId;
    const page = await bodyOf<{ canEdit: boolean; locked: string | null }>(await call(meetingLoader, `/rapat/${meetingId}`, { cookie: cookie(SEC), params: { id: String(meetingId) } }));
    expect([page.canEdit, page.locked]).toEqual([false, expect.stringMatching(/koreksi berita acara/)]);
    const r = await call(meetingAction, `/rapat/${meetingId}`, { cookie: cookie(SEC), params: { id: String(meetingId) }, form: { intent: "attendance" } });
    expect(r.status).toBe(409);
  });

  it("the sealed PDF is valid for pdfsig and covers the whole file; one changed byte breaks it", async () => {
    const r = await call((await import("../../app/routes/verifikasi.$code[.pdf]")).loader, `/verifikasi/${code}.pdf`, { params: { code } });
    expect(r.headers.get("Content-Type")).toBe("application/pdf");
    // A public download is in the audit log, without a user.
    expect(auditOf(id).some((row) => row.action === "diunduh" && row.userId === null)).toBe(true);
    sealedBytes = Buffer.from(await r.arrayBuffer());
    const file = path.join(TMP, `signing-${randomUUID()}.pdf`);
    fs.writeFileSync(file, sealedBytes);
    const out = pdfsig(file);
    expect(out).toContain("Signature is Valid");
    expect(out).toContain("Total document signed");
    const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
    expect(text).toContain("LEMBAR PENGESAHAN ELEKTRONIK");
    expect(text).toContain(`/verifikasi/${code}`);
    const tampered = Buffer.from(sealedBytes);
    const at = tampered.indexOf("LEMBAR");
    tampered[at > 0 ? at : 2000] ^= 1;
    fs.writeFileSync(file, tampered);
    expect(pdfsig(file)).not.toContain("Signature is Valid");
  });

  it("/verifikasi shows the document and answers whether a file is byte for byte the sealed one", async () => {
    const page = await bodyOf<{ found: boolean; number: string; office: string; signers: { name: string }[]; sha256: string; replacedBy: unknown }>(
      await call(verifyLoader, `/verifikasi/${code}`, { params: { code } }),
    );
    expect(page.found).toBe(true);
    expect(page.office).toBe("KPU Kabupaten Jepara");
    expect(page.signers).toHaveLength(5);
    expect(page.replacedBy).toBeNull();
    const check = async (bytes: Buffer) => {
      const form = new FormData();
      form.append("berkas", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), "ba.pdf");
      return bodyOf<{ matches: boolean }>(await call(verifyAction, `/verifikasi/${code}`, { params: { code }, form }));
    };
    expect((await check(sealedBytes)).matches).toBe(true);
    const changed = Buffer.from(sealedBytes);
    changed[changed.length - 10] ^= 1;
    expect((await check(changed)).matches).toBe(false);
    const unknown = await call(verifyLoader, "/verifikasi/AAAAAAAAAAAAAAAAAAAA", { params: { code: "AAAAAAAAAAAAAAAAAAAA" } });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).not.toMatch(/Jepara|number/);
  });

  it("a correction after sealing replaces the old one, which stays verifiable as replaced", async () => {
    const r = await secretariat(id, { intent: "correct" });
    const correction = Number(/\/berita-acara\/(\d+)/.exec(r.headers.get("Location")!)![1]);
    expect(statusOf(correction).replacesMinutesId).toBe(id);
    expect((await secretariat(correction, { intent: "submit" })).status).toBe(302);
    for (const i of [1, 2, 3, 4]) expect((await decide(anggota(i), correction, { intent: "sign" })).status).toBe(302);
    expect((await decide(KETUA, correction, { intent: "sign" })).status).toBe(302);
    const fresh = publicationOfMinutes(correction)!;
    const old = await bodyOf<{ replacedBy: { code: string } | null }>(await call(verifyLoader, `/verifikasi/${code}`, { params: { code } }));
    expect(old.replacedBy?.code).toBe(fresh.code);
    expect(auditOf(id).some((r) => r.action === "diganti")).toBe(true);
  });

  it("a failed seal (wrong certificate passphrase) leaves the minutes unsealed with the reason; retry seals", async () => {
    const mid = await newMinutes(meetingOf("2025-Q3").id);
    expect((await secretariat(mid, { intent: "submit" })).status).toBe(302);
    const where = demoCertificatePaths("33.20");
    const good = fs.readFileSync(where.p12);
    fs.writeFileSync(where.p12, createSelfSignedP12("KPU Kabupaten Jepara", "kata-sandi-lain"));
    for (const i of [1, 2, 3, 4]) await decide(anggota(i), mid, { intent: "sign" });
    const last = await decide(KETUA, mid, { intent: "sign" });
    expect(decodeURIComponent(last.headers.get("Location")!)).toMatch(/penyegelan gagal/);
    expect(statusOf(mid).status).toBe("diajukan");
    expect(publicationOfMinutes(mid)).toBeUndefined();
    expect(statusOf(mid).sealedAt).toBeNull();
    expect(sealFailureOf(mid)?.reason).toMatch(/kata sandi sertifikat salah/);
    const meetingId = statusOf(mid).meetingId;
    expect(db().select().from(meetings).where(eq(meetings.id, meetingId)).get()!.status).toBe("selesai");
    const page = await bodyOf<{ signing: { failure: { reason: string } | null; allSigned: boolean } }>(
      await call(minutesLoader, `/berita-acara/${mid}`, { cookie: cookie(SEC), params: { id: String(mid) } }),
    );
    expect(page.signing.failure?.reason).toMatch(/kata sandi sertifikat salah/);
    expect(page.signing.allSigned).toBe(true);
    const board = await bodyOf<{ board: { tasks: { label: string; count: number; href: string }[] } }>(await call(dashboardLoader, "/dasbor", { cookie: cookie(SEC) }));
    expect(board.board.tasks.find((t) => t.label.startsWith("Berita acara gagal disegel"))).toEqual(expect.objectContaining({ count: 1, href: `/berita-acara/${mid}` }));

    fs.writeFileSync(where.p12, good);
    const retry = await secretariat(mid, { intent: "seal" });
    expect(decodeURIComponent(retry.headers.get("Location")!)).toMatch(/disegel dan diterbitkan/);
    expect(publicationOfMinutes(mid)).toBeDefined();
    expect(sealFailureOf(mid)).toBeUndefined();
  });

  it("a scanned paper berita acara is checked by content, then published in the register", async () => {
    const mid = await newMinutes(meetingOf("2026-Q2").id);
    expect((await secretariat(mid, { intent: "submit" })).status).toBe(302);
    const upload = (bytes: Uint8Array, name: string) => {
      const form = new FormData();
      form.append("intent", "scan");
      form.append("scan", new Blob([new Uint8Array(bytes)], { type: "application/pdf" }), name);
      return secretariat(mid, form as unknown as Record<string, Blob>);
    };
    const renamed = await upload(new TextEncoder().encode("Ini bukan PDF, hanya teks yang diberi nama .pdf\n"), "pindaian.pdf");
    expect(renamed.status).toBe(400);
    expect((await bodyOf<{ errors: { scan: string } }>(renamed)).errors.scan).toMatch(/bukan PDF/);
    expect(statusOf(mid).status).toBe("diajukan");
    const scan = await paperScan();
    expect((await upload(scan, "pindaian.pdf")).status).toBe(302);
    const p = publicationOfMinutes(mid)!;
    expect(p.kind).toBe("pindaian");
    expect(statusOf(mid).status).toBe("ditandatangani");
    const page = await bodyOf<{ kind: string; signers: unknown[] }>(await call(verifyLoader, `/verifikasi/${p.code}`, { params: { code: p.code } }));
    expect(page.kind).toBe("pindaian");
  });

  it("the register's chain checks whole, and a changed row is found with its place (page and command)", async () => {
    const whole = checkRegister(["33.20"]);
    expect(whole[0].result).toEqual({ ok: true, entries: 5 });
    const page = await bodyOf<{ entries: { seq: number; previousHash: string }[]; total: number }>(await call(registerLoader, "/berita-acara?kantor=33.20"));
    expect(page.total).toBe(5);
    expect(page.entries.map((e) => e.seq)).toEqual([5, 4, 3, 2, 1]);
    expect(page.entries[4].previousHash).toBe("0".repeat(64));
    expect(spawnSync("npx", ["tsx", "db/verify-register.ts"], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: dbFile }, encoding: "utf8" }).status).toBe(0);

    const third = db().select().from(registerEntries).where(and(eq(registerEntries.officeId, jeparaId), eq(registerEntries.seq, 3))).get()!;
    // The database refuses changes and deletions; someone with raw access could drop the triggers…
    expect(() => db().update(registerEntries).set({ documentNumber: "X" }).where(eq(registerEntries.id, third.id)).run()).toThrow(/append-only/);
    expect(() => db().delete(registerEntries).where(eq(registerEntries.id, third.id)).run()).toThrow(/append-only/);
    expect(() => db().$client.prepare("delete from document_files").run()).toThrow(/append-only/);
    for (const t of ["register_entries_no_update", "document_files_no_update"]) db().$client.exec(`drop trigger ${t}`);
    // …and the chain still shows it.
    db().update(registerEntries).set({ documentNumber: `${third.documentNumber}-X` }).where(eq(registerEntries.id, third.id)).run();
    const broken = checkRegister(["33.20"])[0].result;
    expect(broken).toEqual({ ok: false, seq: 3, reason: "isi entri telah diubah" });
    expect(report(checkRegister()).ok).toBe(false);
    const checked = await bodyOf<{ check: { ok: boolean; seq: number | null }[] }>(await call(registerLoader, "/berita-acara?kantor=33.20&periksa=1"));
    expect(checked.check).toEqual([expect.objectContaining({ ok: false, seq: 3 })]);
    const run = spawnSync("npx", ["tsx", "db/verify-register.ts"], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: dbFile }, encoding: "utf8" });
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/PUTUS\s+33\.20 .*entri nomor urut 3/);
    db().update(registerEntries).set({ documentNumber: third.documentNumber }).where(eq(registerEntries.id, third.id)).run();

    // A stored file changed behind the register's back is found as well.
    const p = db().select().from(publications).where(eq(publications.id, third.publicationId)).get()!;
    db().$client.prepare("update document_files set bytes = bytes || x'00' where id = ?").run(p.fileId);
    expect(checkRegister(["33.20"])[0].result).toEqual({ ok: true, entries: 5 });
    expect(checkRegister(["33.20"], { files: true })[0].result).toEqual({ ok: false, seq: 3, reason: "berkas PDF tersimpan tidak cocok dengan SHA-256 di register" });
    const run2 = spawnSync("npx", ["tsx", "db/verify-register.ts"], { cwd: ROOT, env: { ...process.env, DATABASE_PATH: dbFile }, encoding: "utf8" });
    expect(run2.status).toBe(1);
    expect(run2.stdout).toMatch(/PUTUS\s+33\.20 .*entri nomor urut 3 — berkas PDF/);
  });

  it("a commissioner who was absent is not a signatory", async () => {
    const meeting = meetingOf("2026-Q3");
    const a4 = db().select({ id: memberships.id }).from(memberships).innerJoin(users, eq(users.id, memberships.userId)).where(eq(users.email, anggota(4))).get()!;
    db().update(commissionerAttendance).set({ status: "dinas_luar", note: "Bimtek" }).where(and(eq(commissionerAttendance.meetingId, meeting.id), eq(commissionerAttendance.membershipId, a4.id))).run();
    const mid = await newMinutes(meeting.id);
    expect((await secretariat(mid, { intent: "submit" })).status).toBe(302);
    const view = await review(anggota(4), mid);
    expect(view.isSignatory).toBe(false);
    expect(view.mayDecide).toMatch(/tidak tercatat hadir/);
    const r = await decide(anggota(4), mid, { intent: "sign" });
    expect(r.status).toBe(409);
    const page = await bodyOf<{ signing: { absent: { name: string; reason: string }[] } }>(
      await call(minutesLoader, `/berita-acara/${mid}`, { cookie: cookie(SEC), params: { id: String(mid) } }),
    );
    expect(page.signing.absent).toEqual([expect.objectContaining({ reason: "Dinas luar: Bimtek" })]);
  });

  it("guessing the password while signing locks like guessing it at sign-in", async () => {
    const target = db().select().from(minutes).where(and(eq(minutes.officeId, jeparaId), eq(minutes.status, "diajukan"))).get()!.id;
    let last = 0;
    for (let i = 0; i < 6; i++) last = (await decide(anggota(3), target, { intent: "sign", password: `salah-${i}` })).status;
    expect(last).toBe(429);
  }, 60_000);
});
