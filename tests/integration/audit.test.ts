import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { formatShortDateTime } from "../../app/domain/format";
import { auditOf, recordAudit } from "../../app/models/audit.server";
import { action as minutesAction, loader as minutesLoader } from "../../app/routes/berita-acara.$id";
import { loader as minutesPdfLoader } from "../../app/routes/berita-acara.$id[.pdf]";
import { action as meetingAction } from "../../app/routes/rapat.$id";
import { loader as draftPdfLoader } from "../../app/routes/rapat.$id.berita-acara[.pdf]";
import { officeByCode } from "../../db/factories";
import { auditLog, meetings } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";

const UA = { "User-Agent": "Mozilla/5.0 (Uji Jejak Audit)" };
let A: string;
let ketuaA: string;
let B: string;
let meetingId: number;
let id: number;

beforeAll(() => {
  useTestDatabase();
  A = cookieFor("sekretariat1.jepara@pleno.demo");
  ketuaA = cookieFor("ketua.jepara@pleno.demo");
  B = cookieFor("sekretariat1.cilacap@pleno.demo");
  const jepara = officeByCode(db(), "33.20");
  meetingId = db().select().from(meetings).where(and(eq(meetings.officeId, jepara.id), eq(meetings.period, "2025-Q3"), eq(meetings.kind, "open_quarterly"))).get()!.id;
});

const post = (form: Record<string, string>, ip = "10.1.2.3") =>
  call(minutesAction, `/berita-acara/${id}`, { cookie: A, params: { id: String(id) }, form, headers: UA, ip });
const actions = () => auditOf(id).map((r) => r.action);

type Page = { audit: { at: string; who: string; action: string; what: string; ip: string; userAgent: string }[] };

describe("audit log of a berita acara", () => {
  it("making the draft logs 'dibuat' and 'dinomori' with who, address and browser", async () => {
    const r = await call(meetingAction, `/rapat/${meetingId}`, { cookie: A, params: { id: String(meetingId) }, form: { intent: "minutes-create" }, headers: UA, ip: "10.1.2.3" });
    id = Number(/\/berita-acara\/(\d+)/.exec(r.headers.get("Location")!)![1]);
    const rows = auditOf(id);
    expect(rows.map((x) => x.action)).toEqual(["dibuat", "dinomori"]);
    expect(rows[0]).toMatchObject({ meetingId, ip: "10.1.2.3", userAgent: UA["User-Agent"], userName: expect.stringMatching(/\S/) });
    expect(rows[1].detail.number).toMatch(/BA\/3320/);
    // Asking again for the meeting's draft returns the same document and logs nothing new.
    await call(meetingAction, `/rapat/${meetingId}`, { cookie: A, params: { id: String(meetingId) }, form: { intent: "minutes-create" } });
    expect(actions()).toEqual(["dibuat", "dinomori"]);
  });

  it("each saved version logs 'disunting'; a refused stale save logs nothing", async () => {
    expect((await post({ intent: "save", version: "1", notes: "Rapat tertib." })).status).toBe(302);
    expect((await post({ intent: "save", version: "1", notes: "Basi" })).status).toBe(409);
    expect((await post({ intent: "save", version: "2", notes: "Rapat tertib sekali." })).status).toBe(302);
    const edits = auditOf(id).filter((r) => r.action === "disunting");
    expect(edits.map((r) => r.detail.version)).toEqual([2, 3]);
  });

  it("downloads of the PDF and of the draft preview log 'diunduh'", async () => {
    const pdf = await call(minutesPdfLoader, `/berita-acara/${id}.pdf`, { cookie: ketuaA, params: { id: String(id) }, headers: UA, ip: "10.9.9.9" });
    expect(pdf.status).toBe(200);
    const preview = await call(draftPdfLoader, `/rapat/${meetingId}/berita-acara.pdf`, { cookie: A, params: { id: String(meetingId) } });
    expect(preview.status).toBe(200);
    const downloads = auditOf(id).filter((r) => r.action === "diunduh");
    expect(downloads).toHaveLength(2);
    expect(downloads[0]).toMatchObject({ ip: "10.9.9.9", detail: { version: 3, file: expect.stringMatching(/\.pdf$/) } });
    expect(downloads[1].detail.draft).toBe(true);
  });

  it("submitting logs 'diajukan'; abandoning logs 'dibatalkan' with the reason", async () => {
    expect((await post({ intent: "submit" })).status).toBe(302);
    // A refused second submission leaves no row.
    expect((await post({ intent: "submit" })).status).toBe(409);
    expect(actions().filter((a) => a === "diajukan")).toHaveLength(1);
    expect((await post({ intent: "abandon", reason: "Rapat diulang karena kuorum" })).status).toBe(302);
    expect(actions().slice(-2)).toEqual(["diajukan", "dibatalkan"]);
    expect(auditOf(id).at(-1)!.detail.reason).toBe("Rapat diulang karena kuorum");
  });

  it("the document page shows the log in office time, in Indonesian, with the address", async () => {
    const body = await bodyOf<Page>(await call(minutesLoader, `/berita-acara/${id}`, { cookie: ketuaA, params: { id: String(id) } }));
    const rows = auditOf(id);
    expect(body.audit).toHaveLength(rows.length);
    expect(body.audit[0]).toMatchObject({ at: formatShortDateTime(rows[0].at, "Asia/Jakarta"), action: "Dibuat", ip: "10.1.2.3" });
    expect(body.audit.map((r) => r.action)).toContain("Diajukan kepada komisioner");
    expect(body.audit.at(-1)!.what).toBe("Dibatalkan (nomor " + rows.at(-1)!.detail.number + "): Rapat diulang karena kuorum");
  });

  it("a long log shows its latest 500 rows and says how many there are", async () => {
    const before = auditOf(id).length;
    const m = auditOf(id)[0];
    const actor = { user: { id: m.userId!, name: m.userName, email: "" } };
    for (let i = 0; i < 510; i++)
      recordAudit(db(), { minutesId: id, meetingId, officeId: m.officeId, action: "diunduh", actor, origin: { ip: "10.0.0.1", userAgent: "bot" }, detail: { file: `f${i}.pdf` } });
    const body = await bodyOf<Page & { auditTotal: number }>(await call(minutesLoader, `/berita-acara/${id}`, { cookie: ketuaA, params: { id: String(id) } }));
    expect(body.auditTotal).toBe(before + 510);
    expect(body.audit).toHaveLength(500);
    expect(body.audit.at(-1)!.what).toBe("Diunduh (f509.pdf)");
    expect(body.audit[0].what).toBe(`Diunduh (f${510 - 500}.pdf)`);
  });

  it("another office cannot see the document or its log", async () => {
    const r = await call(minutesLoader, `/berita-acara/${id}`, { cookie: B, params: { id: String(id) } });
    expect(r.status).toBe(404);
    expect(JSON.stringify(await r.json())).not.toContain("10.1.2.3");
    expect((await call(minutesPdfLoader, `/berita-acara/${id}.pdf`, { cookie: B, params: { id: String(id) } })).status).toBe(404);
  });

  it("the database itself refuses to change or remove a row, and refuses unknown actions", () => {
    const sqlite = db().$client;
    const row = auditOf(id)[0];
    expect(() => sqlite.prepare("UPDATE audit_log SET ip = '1.1.1.1' WHERE id = ?").run(row.id)).toThrow(/tidak boleh diubah/);
    expect(() => sqlite.prepare("DELETE FROM audit_log WHERE id = ?").run(row.id)).toThrow(/tidak boleh dihapus/);
    expect(() => sqlite.prepare("DELETE FROM audit_log").run()).toThrow(/tidak boleh dihapus/);
    expect(() =>
      sqlite.prepare("INSERT INTO audit_log (office_id, minutes_id, action) VALUES (?, ?, 'dihapus')").run(row.officeId, id),
    ).toThrow(/tidak sah/);
    expect(() =>
      sqlite.prepare("INSERT INTO audit_log (office_id, minutes_id, action, user_agent) VALUES (?, ?, 'diunduh', ?)").run(row.officeId, id, "x".repeat(301)),
    ).toThrow(/tidak sah/);
    expect(db().select().from(auditLog).where(eq(auditLog.id, row.id)).get()!.ip).toBe("10.1.2.3");
  });
});
