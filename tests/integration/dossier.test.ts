import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { auditOf } from "../../app/models/audit.server";
import { action as meetingAction, loader as meetingLoader } from "../../app/routes/rapat.$id";
import { loader as dossierLoader } from "../../app/routes/rapat.$id.berkas[.zip]";
import { officeByCode } from "../../db/factories";
import { feedbackPoints, feedbackSubmissions, invitationDeliveries, invitations, meetings, minutes } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { call, cookieFor } from "../helpers/http";
import { pdfText } from "../helpers/pdf";

let A: string;
let meetingId: number;
let emptyMeetingId: number;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pleno-berkas-"));

beforeAll(() => {
  useTestDatabase();
  A = cookieFor("sekretariat1.jepara@pleno.demo");
  const jepara = officeByCode(db(), "33.20");
  const q3 = db().select().from(meetings).where(and(eq(meetings.officeId, jepara.id), eq(meetings.period, "2025-Q3"), eq(meetings.kind, "open_quarterly"))).get()!;
  meetingId = q3.id;
  // One organisation answered, one point with the secretariat's answer (and a formula-looking text).
  const inv = db().select().from(invitations).where(eq(invitations.meetingId, meetingId)).get()!;
  const sub = db()
    .insert(feedbackSubmissions)
    .values({ invitationId: inv.id, reference: "TT-BERKAS-1", responderName: "Siti Aminah", responderPosition: "Ketua", stance: "setuju_dengan_catatan" })
    .returning()
    .get();
  db()
    .insert(feedbackPoints)
    .values({ submissionId: sub.id, position: 1, category: "tms", districtCode: "33.20.01", voters: 12, description: "=Pemilih meninggal belum dicoret", answer: "Sudah dicoret", followUpStatus: "selesai" })
    .run();
  // A meeting with nothing yet: no agenda, no invitation, no recap, no berita acara.
  emptyMeetingId = db()
    .insert(meetings)
    .values({ officeId: jepara.id, kind: "other", period: "2099-01", title: "Rapat kosong", startsAt: new Date("2099-01-05T02:00:00Z"), endsAt: new Date("2099-01-05T04:00:00Z"), dueDate: "2099-01-31" })
    .returning()
    .get().id;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const download = (id: number, cookie = A) => call(dossierLoader, `/rapat/${id}/berkas.zip`, { cookie, params: { id: String(id) }, ip: "10.7.7.7" });
const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const text = (b: Uint8Array) => new TextDecoder().decode(b);

type Manifest = { kantor: string; catatan: string[]; berkas: { nama: string; ukuran_byte: number; sha256: string; keterangan: string }[] };

describe("meeting dossier /rapat/:id/berkas.zip", () => {
  let files: Record<string, Uint8Array>;
  let zipPath: string;

  it("streams a ZIP holding every document of the meeting", async () => {
    await call(meetingAction, `/rapat/${meetingId}`, { cookie: A, params: { id: String(meetingId) }, form: { intent: "minutes-create" } });
    const deliveriesBefore = db().select().from(invitationDeliveries).all().length;
    const r = await download(meetingId);
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toBe("application/zip");
    expect(r.headers.get("Content-Disposition")).toBe(`attachment; filename="berkas-rapat-3320-2025-Q3-${meetingId}.zip"`);
    expect(r.body).toBeInstanceOf(ReadableStream);
    const bytes = new Uint8Array(await r.arrayBuffer());
    zipPath = path.join(dir, "berkas.zip");
    fs.writeFileSync(zipPath, bytes);
    files = unzipSync(bytes);
    const names = Object.keys(files);
    const letters = names.filter((n) => n.startsWith("01-undangan/") && n.endsWith(".pdf"));
    expect(letters).toHaveLength(db().select().from(invitations).where(eq(invitations.meetingId, meetingId)).all().length);
    for (const n of [
      "02-daftar-hadir-2025-Q3.pdf",
      "03-agenda-2025-Q3.txt",
      "04-rekap-model-a-rekap-pdpb-3320-2025-Q3-v1.csv",
      "05-tanggapan-2025-Q3.csv",
      "07-jejak-audit-2025-Q3.csv",
      "manifest.json",
      "MANIFEST.txt",
    ])
      expect(names).toContain(n);
    expect(names.filter((n) => /^06-berita-acara-.+\.pdf$/.test(n))).toHaveLength(1);
    // Gathering the letters into the dossier is not a delivery to the organisations.
    expect(db().select().from(invitationDeliveries).all().length).toBe(deliveriesBefore);
  });

  it("unzip lists the same files and sha256sum -c accepts the manifest", () => {
    const listing = execFileSync("unzip", ["-l", zipPath], { encoding: "utf8" });
    for (const n of Object.keys(files)) expect(listing).toContain(n);
    const out = path.join(dir, "isi");
    execFileSync("unzip", ["-q", zipPath, "-d", out]);
    const check = execFileSync("sha256sum", ["-c", "MANIFEST.txt"], { cwd: out, encoding: "utf8" });
    expect(check.trim().split("\n")).toHaveLength(Object.keys(files).length - 2);
    expect(check).not.toMatch(/FAILED/);
  });

  it("the manifest names every file with its size and a SHA-256 that matches its bytes", () => {
    const manifest = JSON.parse(text(files["manifest.json"])) as Manifest;
    const listed = manifest.berkas.map((f) => f.nama).sort();
    expect(listed).toEqual(Object.keys(files).filter((n) => !/^manifest\.json$|^MANIFEST\.txt$/.test(n)).sort());
    for (const f of manifest.berkas) {
      expect(f.sha256).toBe(sha(files[f.nama]));
      expect(f.ukuran_byte).toBe(files[f.nama].length);
    }
    const lines = text(files["MANIFEST.txt"]).trim().split("\n");
    expect(lines).toHaveLength(manifest.berkas.length);
    for (const line of lines) {
      const [sum, name] = line.split("  ");
      expect(sum).toBe(sha(files[name]));
    }
    expect(manifest.kantor).toBe("KPU Kabupaten Jepara");
    expect(manifest.catatan.join(" ")).toContain("sha256sum -c MANIFEST.txt");
  });

  it("the documents are the meeting's own: letters, sheet, agenda, recap, feedback with answers, berita acara, audit log", async () => {
    const letter = Object.keys(files).find((n) => n.startsWith("01-undangan/"))!;
    expect(text(files[letter].slice(0, 5))).toBe("%PDF-");
    expect(pdfText(Buffer.from(files["02-daftar-hadir-2025-Q3.pdf"])).join("\n")).toMatch(/DAFTAR HADIR/i);
    const agenda = text(files["03-agenda-2025-Q3.txt"]);
    expect(agenda).toContain("AGENDA RAPAT");
    expect(agenda).toMatch(/1\. Pembukaan/);
    expect(text(files["04-rekap-model-a-rekap-pdpb-3320-2025-Q3-v1.csv"])).toMatch(/Jumlah/);
    const feedback = text(files["05-tanggapan-2025-Q3.csv"]);
    expect(feedback).toContain("TT-BERKAS-1");
    expect(feedback).toContain("Sudah dicoret");
    expect(feedback).toContain("'=Pemilih meninggal");
    const m = db().select().from(minutes).where(eq(minutes.meetingId, meetingId)).get()!;
    const ba = Object.keys(files).find((n) => n.startsWith("06-berita-acara-"))!;
    expect(pdfText(Buffer.from(files[ba])).join("\n")).toContain(m.number!);
    const audit = text(files["07-jejak-audit-2025-Q3.csv"]);
    expect(audit).toContain("Dibuat");
    expect(audit).toContain("Diberi nomor");
    expect(audit).toContain("10.7.7.7"); // this very download is in the log it carries
  });

  it("the download is in the berita acara's audit log", () => {
    const m = db().select().from(minutes).where(eq(minutes.meetingId, meetingId)).get()!;
    const last = auditOf(m.id).at(-1)!;
    expect(last).toMatchObject({ action: "diunduh", ip: "10.7.7.7", detail: { file: expect.stringMatching(/^berkas-rapat-.+\.zip$/) } });
  });

  it("three downloads at once take turns and all complete with the same files", async () => {
    const zips = await Promise.all([1, 2, 3].map(async () => unzipSync(new Uint8Array(await (await download(meetingId)).arrayBuffer()))));
    const lists = zips.map((z) => Object.keys(z).sort().join("|"));
    expect(new Set(lists).size).toBe(1);
    expect(lists[0]).toContain("02-daftar-hadir-2025-Q3.pdf");
  });

  it("a meeting with nothing yet goes back to its page with a clear message", async () => {
    const r = await download(emptyMeetingId);
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe(`/rapat/${emptyMeetingId}?berkas=kosong#berkas-rapat`);
    const page = await call(meetingLoader, `/rapat/${emptyMeetingId}?berkas=kosong`, { cookie: A, params: { id: String(emptyMeetingId) } });
    expect(page.status).toBe(200);
  });

  it("a commissioner of the office may download it; another office gets 404, a participant 403", async () => {
    expect((await download(meetingId, cookieFor("ketua.jepara@pleno.demo"))).status).toBe(200);
    const other = await download(meetingId, cookieFor("sekretariat1.cilacap@pleno.demo"));
    expect(other.status).toBe(404);
    expect(other.headers.get("Content-Type")).not.toBe("application/zip");
    expect((await download(meetingId, cookieFor("peserta.jepara@pleno.demo"))).status).toBe(403);
    expect((await call(dossierLoader, `/rapat/${meetingId}/berkas.zip`, { params: { id: String(meetingId) } })).status).toBe(302);
  });
});
