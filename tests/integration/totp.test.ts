import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { base32Decode, totp } from "../../app/domain/totp";
import { action as accountAction, loader as accountLoader } from "../../app/routes/akun";
import { action as minutesAction } from "../../app/routes/berita-acara.$id";
import { action as signAction, loader as signLoader } from "../../app/routes/berita-acara.$id_.tanda-tangan";
import { action as meetingAction } from "../../app/routes/rapat.$id";
import { officeByCode } from "../../db/factories";
import { meetings, minutesSignatures, userTotp } from "../../db/schema";
import { DEMO_PASSWORD } from "../../db/seed";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";

let K: string;
let S: string;
beforeAll(() => {
  useTestDatabase();
  K = cookieFor("ketua.cilacap@pleno.demo");
  S = cookieFor("sekretariat1.cilacap@pleno.demo");
});

type Account = { totp: { enabled: boolean; pending: { secret: string; qr: string } | null } };
const account = async () => bodyOf<Account>(await call(accountLoader, "/akun", { cookie: K }));
const post = (form: Record<string, string>) => call(accountAction, "/akun", { cookie: K, form });

describe("authenticator (TOTP) on /akun and when signing", () => {
  let secret: Buffer;

  it("is enrolled with a QR code and confirmed by a first correct code; the secret is not stored in the clear", async () => {
    expect((await account()).totp).toEqual({ enabled: false, pending: null });
    expect((await post({ intent: "totp-start" })).status).toBe(302);
    const pending = (await account()).totp.pending!;
    expect(pending.qr).toMatch(/^data:image\/png;base64,/);
    secret = base32Decode(pending.secret);
    const stored = db().select().from(userTotp).get()!;
    expect(stored.secret).not.toContain(pending.secret.replace(/ /g, ""));
    const wrong = await post({ intent: "totp-confirm", code: "000000" === totp(secret, new Date()) ? "111111" : "000000" });
    expect(wrong.status).toBe(400);
    expect((await bodyOf<{ errors: { code: string } }>(wrong)).errors.code).toMatch(/Kode tidak cocok/);
    expect((await post({ intent: "totp-confirm", code: totp(secret, new Date()) })).status).toBe(200);
    expect((await account()).totp.enabled).toBe(true);
  });

  it("signing then needs the code as well as the password, and a code is good once", async () => {
    const cilacap = officeByCode(db(), "33.01");
    const meeting = db().select().from(meetings).where(and(eq(meetings.officeId, cilacap.id), eq(meetings.kind, "open_quarterly"), eq(meetings.period, "2025-Q4"))).get()!;
    const made = await call(meetingAction, `/rapat/${meeting.id}`, { cookie: S, params: { id: String(meeting.id) }, form: { intent: "minutes-create" } });
    const id = /\/berita-acara\/(\d+)/.exec(made.headers.get("Location")!)![1];
    expect((await call(minutesAction, `/berita-acara/${id}`, { cookie: S, params: { id }, form: { intent: "submit" } })).status).toBe(302);
    const view = await bodyOf<{ version: number; sha256: string; needsTotp: boolean }>(await call(signLoader, `/berita-acara/${id}/tanda-tangan`, { cookie: K, params: { id } }));
    expect(view.needsTotp).toBe(true);
    const sign = (extra: Record<string, string>) =>
      call(signAction, `/berita-acara/${id}/tanda-tangan`, { cookie: K, params: { id }, form: { intent: "sign", version: String(view.version), sha256: view.sha256, password: DEMO_PASSWORD, ...extra } });
    const without = await sign({});
    expect(without.status).toBe(400);
    expect((await bodyOf<{ errors: { totp: string } }>(without)).errors.totp).toMatch(/Kode autentikator salah/);
    // The code used to confirm the enrolment cannot be used again.
    const replay = await sign({ totp: totp(secret, new Date()) });
    expect(replay.status).toBe(400);
    expect((await sign({ totp: totp(secret, new Date(Date.now() + 30_000)) })).status).toBe(302);
    const mine = db().select().from(minutesSignatures).where(and(eq(minutesSignatures.minutesId, Number(id)), eq(minutesSignatures.status, "ditandatangani"))).all();
    expect(mine).toHaveLength(1);
  });

  it("is turned off only with the password", async () => {
    expect((await post({ intent: "totp-disable", password: "salah" })).status).toBe(400);
    expect((await post({ intent: "totp-disable", password: DEMO_PASSWORD })).status).toBe(302);
    expect((await account()).totp.enabled).toBe(false);
  });
});
