import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { action as minutesAction, loader as minutesLoader } from "../../app/routes/berita-acara.$id";
import { action as meetingAction } from "../../app/routes/rapat.$id";
import { officeByCode } from "../../db/factories";
import { meetings, minutes, numberRegister } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";

let A: string;
let meetingId: number;
beforeAll(() => {
  useTestDatabase();
  A = cookieFor("sekretariat1.jepara@pleno.demo");
  const jepara = officeByCode(db(), "33.20");
  meetingId = db().select().from(meetings).where(and(eq(meetings.officeId, jepara.id), eq(meetings.period, "2025-Q3"), eq(meetings.kind, "open_quarterly"))).get()!.id;
});

const post = (id: number, form: Record<string, string>) => call(minutesAction, `/berita-acara/${id}`, { cookie: A, params: { id: String(id) }, form });
const page = async (id: number, query = "") =>
  bodyOf<{ minutes: { number: string; currentVersion: number; status: string }; diff: { lines: { kind: string; text: string }[] } | null; document: { blocks: { kind: string; text?: string }[] } }>(
    await call(minutesLoader, `/berita-acara/${id}${query}`, { cookie: A, params: { id: String(id) } }),
  );

describe("berita acara drafts", () => {
  let id: number;
  it("a draft is numbered from the register when it is made, once per meeting", async () => {
    const r = await call(meetingAction, `/rapat/${meetingId}`, { cookie: A, params: { id: String(meetingId) }, form: { intent: "minutes-create" } });
    expect(r.status).toBe(302);
    id = Number(/\/berita-acara\/(\d+)/.exec(r.headers.get("Location")!)![1]);
    const again = await call(meetingAction, `/rapat/${meetingId}`, { cookie: A, params: { id: String(meetingId) }, form: { intent: "minutes-create" } });
    expect(again.headers.get("Location")).toBe(`/berita-acara/${id}`);
    const m = db().select().from(minutes).where(eq(minutes.id, id)).get()!;
    expect(m.number).toMatch(/^\d{2}\/PL\.01\.2-BA\/3320\/KPU-Kab\/[IVX]+\/\d{4}$/);
    const body = await page(id);
    expect(body.document.blocks.some((b) => b.text?.includes("TRIWULAN KETIGA TAHUN 2025"))).toBe(true);
  });

  it("each save is a version; a stale save is refused; two versions can be compared", async () => {
    expect((await post(id, { intent: "save", version: "1", notes: "Rapat berlangsung tertib.\nBawaslu hadir." })).status).toBe(302);
    const stale = await post(id, { intent: "save", version: "1", notes: "Teks lain" });
    expect(stale.status).toBe(409);
    expect((await bodyOf<{ values: { notes: string } }>(stale)).values.notes).toBe("Teks lain");
    expect((await post(id, { intent: "save", version: "2", notes: "Rapat berlangsung tertib.\nBawaslu dan Dukcapil hadir." })).status).toBe(302);
    const body = await page(id, "?dari=2&ke=3");
    expect(body.minutes.currentVersion).toBe(3);
    expect(body.diff!.lines).toEqual([
      { kind: "same", text: "Rapat berlangsung tertib." },
      { kind: "removed", text: "Bawaslu hadir." },
      { kind: "added", text: "Bawaslu dan Dukcapil hadir." },
    ]);
    expect(body.document.blocks.some((b) => b.text?.includes("Bawaslu dan Dukcapil hadir."))).toBe(true);
  });

  it("an abandoned draft voids its number with the reason; the number is never reused", async () => {
    expect((await bodyOf<{ errors: Record<string, string> }>(await post(id, { intent: "abandon", reason: "" }))).errors.reason).toMatch(/wajib/);
    await post(id, { intent: "abandon", reason: "Rapat diulang karena kuorum" });
    const m = db().select().from(minutes).where(eq(minutes.id, id)).get()!;
    expect(m.status).toBe("dibatalkan");
    expect(db().select().from(numberRegister).where(eq(numberRegister.id, m.numberId!)).get()).toMatchObject({ status: "void", voidReason: "Rapat diulang karena kuorum" });
    const r = await call(meetingAction, `/rapat/${meetingId}`, { cookie: A, params: { id: String(meetingId) }, form: { intent: "minutes-create" } });
    const next = db().select().from(minutes).where(eq(minutes.id, Number(/(\d+)$/.exec(r.headers.get("Location")!)![1]))).get()!;
    expect(next.number).not.toBe(m.number);
  });
});
