import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession, hashToken } from "../../app/auth/session.server";
import { THROTTLE } from "../../app/auth/throttle.server";
import { db } from "../../app/db.server";
import { action as signInAction, loader as signInLoader } from "../../app/routes/masuk";
import { action as signOutAction } from "../../app/routes/keluar";
import { loader as dashboardLoader } from "../../app/routes/dasbor";
import { activeMembershipsOf } from "../../app/models/user.server";
import { DEMO_PASSWORD } from "../../db/seed";
import { sessions, signInThrottle, users } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";

const EMAIL = "sekretariat1.jepara@pleno.demo";

beforeAll(() => {
  useTestDatabase();
});

function signIn(form: Record<string, string>, ip = "10.0.0.1") {
  return call(signInAction, "/masuk", { form, ip });
}

function cookieFrom(response: Response) {
  return (response.headers.get("Set-Cookie") ?? "").split(";")[0];
}

describe("sign-in", () => {
  it("a good password starts a session: HttpOnly, SameSite=Lax cookie holding a random id stored only as a hash", async () => {
    const response = await signIn({ email: EMAIL, password: DEMO_PASSWORD });
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/dasbor");
    const setCookie = response.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/); // demo mode runs on http://localhost
    const raw = cookieFrom(response).split("=")[1];
    expect(raw.length).toBeGreaterThanOrEqual(43);
    expect(db().select().from(sessions).where(eq(sessions.idHash, raw)).get()).toBeUndefined();
    expect(db().select().from(sessions).where(eq(sessions.idHash, hashToken(raw))).get()).toBeDefined();
    const dash = await call(dashboardLoader, "/dasbor", { cookie: cookieFrom(response) });
    expect(dash.status).toBe(200);
  });

  it("the e-mail is matched without case and spaces", async () => {
    const response = await signIn({ email: `  ${EMAIL.toUpperCase()} `, password: DEMO_PASSWORD });
    expect(response.status).toBe(302);
  });

  it("a wrong password and an unknown account get the same message, and the e-mail is kept", async () => {
    const wrong = await signIn({ email: "ketua.cilacap@pleno.demo", password: "salah" }, "10.0.0.2");
    const unknown = await signIn({ email: "tidak.ada@pleno.demo", password: "salah" }, "10.0.0.2");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const a = await bodyOf<{ errors: Record<string, string>; values: { email: string } }>(wrong);
    const b = await bodyOf<{ errors: Record<string, string> }>(unknown);
    expect(a.errors._form).toBe("E-mail atau kata sandi salah.");
    expect(b.errors._form).toBe(a.errors._form);
    expect(a.values.email).toBe("ketua.cilacap@pleno.demo");
  });

  it("empty fields get a message next to each field", async () => {
    const response = await signIn({ email: "", password: "" });
    const body = await bodyOf<{ errors: Record<string, string> }>(response);
    expect(response.status).toBe(400);
    expect(body.errors.email).toMatch(/wajib diisi/);
    expect(body.errors.password).toMatch(/wajib diisi/);
  });

  it("repeated failures on one account are slowed, then refused for a while even with the right password", async () => {
    const email = "anggota1.jepara@pleno.demo";
    const started = Date.now();
    for (let i = 0; i < THROTTLE.accountLimit; i++) {
      const r = await signIn({ email, password: `salah-${i}` }, `10.1.0.${i}`);
      expect(r.status).toBe(400);
    }
    // Attempts 4 and 5 waited 1 s and 2 s.
    expect(Date.now() - started).toBeGreaterThanOrEqual(2900);
    const locked = await signIn({ email, password: DEMO_PASSWORD }, "10.1.0.99");
    expect(locked.status).toBe(429);
    const body = await bodyOf<{ errors: Record<string, string> }>(locked);
    expect(body.errors._form).toMatch(/Terlalu banyak percobaan masuk yang gagal/);
    // The lock ends by itself.
    db()
      .update(signInThrottle)
      .set({ lockedUntil: new Date(Date.now() - 1000), windowStartedAt: new Date(Date.now() - THROTTLE.windowMs - 1) })
      .where(eq(signInThrottle.key, `email:${email}`))
      .run();
    expect((await signIn({ email, password: DEMO_PASSWORD }, "10.1.0.99")).status).toBe(302);
  }, 20_000);

  it("many failures from one address are refused for every account", async () => {
    const saved = THROTTLE.maxDelayMs;
    THROTTLE.maxDelayMs = 0; // the slowing is covered above; here only the count matters
    try {
      for (let i = 0; i < THROTTLE.addressLimit; i++) {
        await signIn({ email: `penebak${i}@contoh.id`, password: "salah" }, "10.9.9.9");
      }
      const r = await signIn({ email: "anggota2.jepara@pleno.demo", password: DEMO_PASSWORD }, "10.9.9.9");
      expect(r.status).toBe(429);
      const other = await signIn({ email: "anggota2.jepara@pleno.demo", password: DEMO_PASSWORD }, "10.9.9.10");
      expect(other.status).toBe(302);
    } finally {
      THROTTLE.maxDelayMs = saved;
    }
  });

  it("redirectTo only ever leads to a local path", async () => {
    for (const target of ["//evil.example/x", "https://evil.example", "/\\evil.example", "javascript:alert(1)", "/%2F%2Fevil"]) {
      const r = await signIn({ email: EMAIL, password: DEMO_PASSWORD, redirectTo: target }, "10.2.0.1");
      const location = r.headers.get("Location")!;
      expect(location.startsWith("/")).toBe(true);
      expect(location.startsWith("//")).toBe(false);
      expect(new URL(location, "http://pleno.test").host).toBe("pleno.test");
    }
    const ok = await signIn({ email: EMAIL, password: DEMO_PASSWORD, redirectTo: "/pemangku-kepentingan?q=kua" }, "10.2.0.1");
    expect(ok.headers.get("Location")).toBe("/pemangku-kepentingan?q=kua");
  });

  it("a signed-in user visiting /masuk goes to the dashboard", async () => {
    const r = await call(signInLoader, "/masuk", { cookie: cookieFor(EMAIL) });
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe("/dasbor");
  });

  it("an expired session no longer opens the dashboard", async () => {
    const user = db().select().from(users).where(eq(users.email, EMAIL)).get()!;
    const m = activeMembershipsOf(user.id)[0];
    const days = 8;
    const { rawId } = createSession(user.id, m.membership.id, { ip: "", userAgent: "" }, Date.now() - days * 86_400_000);
    const r = await call(dashboardLoader, "/dasbor", { cookie: `pleno_sid=${rawId}` });
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toBe("/masuk?redirectTo=%2Fdasbor");
  });

  it("sign-out revokes the session in the database and clears the cookie", async () => {
    const cookie = cookieFor(EMAIL);
    expect((await call(dashboardLoader, "/dasbor", { cookie })).status).toBe(200);
    const out = await call(signOutAction, "/keluar", { cookie, method: "POST", form: {} });
    expect(out.status).toBe(302);
    expect(out.headers.get("Set-Cookie")).toMatch(/Max-Age=0/);
    expect((await call(dashboardLoader, "/dasbor", { cookie })).status).toBe(302);
  });

  it("signing in again replaces the session the browser carried (a fresh id every time)", async () => {
    const old = cookieFor(EMAIL);
    const r = await call(signInAction, "/masuk", { cookie: old, form: { email: EMAIL, password: DEMO_PASSWORD }, ip: "10.3.0.1" });
    expect(r.status).toBe(302);
    expect(cookieFrom(r)).not.toBe(old);
    expect((await call(dashboardLoader, "/dasbor", { cookie: old })).status).toBe(302);
  });

  it("a deactivated account cannot sign in and its open sessions stop working", async () => {
    const email = "anggota3.jepara@pleno.demo";
    const cookie = cookieFor(email);
    db().update(users).set({ isActive: false }).where(eq(users.email, email)).run();
    expect((await call(dashboardLoader, "/dasbor", { cookie })).status).toBe(302);
    expect((await signIn({ email, password: DEMO_PASSWORD }, "10.4.0.1")).status).toBe(400);
  });

  it("a sign-in posted from another site is refused", async () => {
    const r = await call(signInAction, "/masuk", {
      form: { email: EMAIL, password: DEMO_PASSWORD },
      headers: { Origin: "https://evil.example" },
    });
    expect(r.status).toBe(403);
  });
});
