import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { verifyPassword } from "../../app/auth/password.server";
import { action as officeAction, loader as officeLoader } from "../../app/routes/admin.kantor.$id";
import { loader as officesLoader } from "../../app/routes/admin._index";
import { action as userAction } from "../../app/routes/admin.pengguna.$id";
import { loader as usersLoader } from "../../app/routes/admin.pengguna._index";
import { action as accountAction } from "../../app/routes/akun";
import { loader as dashboardLoader } from "../../app/routes/dasbor";
import { loader as areasLoader } from "../../app/routes/wilayah.$code";
import { createMember, officeByCode } from "../../db/factories";
import { DEMO_PASSWORD } from "../../db/seed";
import { memberships, stakeholders, users } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";

let admin: string;
beforeAll(() => {
  useTestDatabase();
  admin = cookieFor("admin@pleno.demo");
});

type Errors = { ok: false; errors: Record<string, string>; values: Record<string, unknown> };
const kebumen = () => officeByCode(db(), "33.05");
const createIn = (officeId: number, form: Record<string, string>, cookie = admin) =>
  call(officeAction, `/admin/kantor/${officeId}`, { cookie, params: { id: String(officeId) }, form });

describe("admin: offices", () => {
  it("lists and searches all 553 offices, with the filter for offices without secretariat", async () => {
    const all = await bodyOf<{ total: number }>(await call(officesLoader, "/admin", { cookie: admin }));
    expect(all.total).toBe(553);
    const jepara = await bodyOf<{ offices: { code: string }[] }>(await call(officesLoader, "/admin?q=33.20", { cookie: admin }));
    expect(jepara.offices.map((o) => o.code)).toContain("33.20");
    const without = await bodyOf<{ total: number }>(await call(officesLoader, "/admin?tanpaSekretariat=1&tingkat=kabkota", { cookie: admin }));
    expect(without.total).toBe(514 - 4);
  });

  it("shows an office with its kecamatan and desa counts and members", async () => {
    const id = officeByCode(db(), "33.20").id;
    const body = await bodyOf<{ areas: { districts: number; villages: number }; members: unknown[] }>(
      await call(officeLoader, `/admin/kantor/${id}`, { cookie: admin, params: { id: String(id) } }),
    );
    expect(body.areas.districts).toBe(16);
    expect(body.areas.villages).toBeGreaterThan(190);
    expect(body.members.length).toBe(8);
  });
});

describe("admin: accounts", () => {
  it("creates an account with a typed password; the new user can sign in", async () => {
    const r = await createIn(kebumen().id, { name: "Tri Wahyuni", email: "tri@kebumen.kpu.go.id", password: "rahasia-panjang-1", role: "secretariat", title: "Staf Datin" });
    expect(r.status).toBe(200);
    const user = db().select().from(users).where(eq(users.email, "tri@kebumen.kpu.go.id")).get()!;
    expect(await verifyPassword(user.passwordHash, "rahasia-panjang-1")).toBe(true);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("generates a temporary password when none is typed, shown once", async () => {
    const r = await createIn(kebumen().id, { name: "Ketua Kebumen", email: "ketua@kebumen.kpu.go.id", role: "commissioner", position: "ketua" });
    const body = await bodyOf<{ ok: true; temporaryPassword: string }>(r);
    expect(body.temporaryPassword).toMatch(/^[A-Za-z0-9]{4}(-[A-Za-z0-9]{1,4})+$/);
    const user = db().select().from(users).where(eq(users.email, "ketua@kebumen.kpu.go.id")).get()!;
    expect(await verifyPassword(user.passwordHash, body.temporaryPassword)).toBe(true);
  });

  it("bad input: messages next to the fields, typed values kept without the password, nothing saved", async () => {
    const r = await createIn(kebumen().id, { name: "", email: "bukan-email", password: "pendek", role: "participant" });
    expect(r.status).toBe(400);
    const body = await bodyOf<Errors>(r);
    expect(body.errors).toMatchObject({
      name: "Nama wajib diisi.",
      email: expect.stringMatching(/E-mail tidak valid/),
      password: expect.stringMatching(/minimal 10 karakter/),
    });
    expect(body.values).toMatchObject({ email: "bukan-email", password: "" });
    const commissioner = await bodyOf<Errors>(await createIn(kebumen().id, { name: "X", email: "x@y.id", role: "commissioner" }));
    expect(commissioner.errors.position).toMatch(/ketua atau anggota/);
    const participant = await bodyOf<Errors>(await createIn(kebumen().id, { name: "X", email: "x@y.id", role: "participant" }));
    expect(participant.errors.stakeholderId).toMatch(/organisasi/);
    expect(db().select().from(users).where(eq(users.email, "x@y.id")).get()).toBeUndefined();
  });

  it("a second ketua in one office is refused; an existing e-mail gets the membership added", async () => {
    const second = await bodyOf<Errors>(await createIn(kebumen().id, { name: "Lagi", email: "lagi@kebumen.kpu.go.id", role: "commissioner", position: "ketua" }));
    expect(second.errors.position).toMatch(/sudah memiliki ketua/);
    const again = await bodyOf<{ ok: true; existing: boolean }>(await createIn(officeByCode(db(), "33.05").id, { name: "Tri", email: "tri@kebumen.kpu.go.id", role: "visitor" }));
    expect(again.existing).toBe(true);
    const dup = await bodyOf<Errors>(await createIn(kebumen().id, { name: "Tri", email: "TRI@kebumen.kpu.go.id", role: "visitor" }));
    expect(dup.errors.email).toMatch(/sudah memiliki peran/);
  });

  it("a participant must be bound to an organisation of that same office", async () => {
    const jeparaOrg = db().select().from(stakeholders).where(eq(stakeholders.officeId, officeByCode(db(), "33.20").id)).get()!;
    const body = await bodyOf<Errors>(
      await createIn(kebumen().id, { name: "P", email: "p@partai.id", role: "participant", stakeholderId: String(jeparaOrg.id) }),
    );
    expect(body.errors.stakeholderId).toMatch(/tidak ditemukan di kantor ini/);
  });

  it("deactivating an account ends its sessions at once", async () => {
    const email = "anggota4.jepara@pleno.demo";
    const cookie = cookieFor(email);
    expect((await call(dashboardLoader, "/dasbor", { cookie })).status).toBe(200);
    const user = db().select().from(users).where(eq(users.email, email)).get()!;
    const r = await call(userAction, `/admin/pengguna/${user.id}`, { cookie: admin, params: { id: String(user.id) }, form: { intent: "deactivate" } });
    expect(r.status).toBe(200);
    expect((await call(dashboardLoader, "/dasbor", { cookie })).status).toBe(302);
    const list = await bodyOf<{ users: { email: string }[] }>(await call(usersLoader, "/admin/pengguna?status=nonaktif", { cookie: admin }));
    expect(list.users.map((u) => u.email)).toContain(email);
  });

  it("an admin cannot deactivate themselves", async () => {
    const me = db().select().from(users).where(eq(users.email, "admin@pleno.demo")).get()!;
    const r = await call(userAction, `/admin/pengguna/${me.id}`, { cookie: admin, params: { id: String(me.id) }, form: { intent: "deactivate" } });
    expect(r.status).toBe(400);
  });
});

describe("admin of a KPU Provinsi", () => {
  it("manages its own province only: another province's office and users answer 404", async () => {
    const jateng = officeByCode(db(), "33");
    await createMember(db(), { email: "admin@jateng.kpu.go.id", name: "Admin Jateng", password: "rahasia-panjang-1", officeId: jateng.id, role: "admin" });
    const cookie = cookieFor("admin@jateng.kpu.go.id");
    const list = await bodyOf<{ total: number }>(await call(officesLoader, "/admin", { cookie }));
    expect(list.total).toBe(1 + 35); // the province and its 35 kabupaten/kota
    const jakut = officeByCode(db(), "31.72");
    expect((await call(officeLoader, `/admin/kantor/${jakut.id}`, { cookie, params: { id: String(jakut.id) } })).status).toBe(404);
    const jakutUser = db().select().from(users).where(eq(users.email, "ketua.jakut@pleno.demo")).get()!;
    const r = await call(userAction, `/admin/pengguna/${jakutUser.id}`, { cookie, params: { id: String(jakutUser.id) }, form: { intent: "deactivate" } });
    expect(r.status).toBe(404);
    const jepara = officeByCode(db(), "33.20");
    expect((await call(officeLoader, `/admin/kantor/${jepara.id}`, { cookie, params: { id: String(jepara.id) } })).status).toBe(200);
  });

  it("may not reset the password of, or deactivate, an account that also holds a role outside the province", async () => {
    const cookie = cookieFor("admin@jateng.kpu.go.id");
    // A Jepara commissioner who also serves (say, seconded) at KPU Kota Jakarta Utara.
    const person = await createMember(db(), { email: "dua.kantor@pleno.test", name: "Dua Kantor", password: "rahasia-panjang-1", officeId: officeByCode(db(), "33.20").id, role: "commissioner", position: "anggota" });
    const userId = person.user.id;
    db().insert(memberships).values({ userId, officeId: officeByCode(db(), "31.72").id, role: "secretariat", title: "Staf" }).run();
    const before = db().select().from(users).where(eq(users.id, userId)).get()!;
    for (const intent of ["reset-password", "deactivate"]) {
      const r = await call(userAction, `/admin/pengguna/${userId}`, { cookie, params: { id: String(userId) }, form: { intent } });
      expect(r.status, intent).toBe(403);
      expect((await bodyOf<{ message: string }>(r)).message).toMatch(/di luar wilayah Anda/);
    }
    const after = db().select().from(users).where(eq(users.id, userId)).get()!;
    expect([after.passwordHash, after.isActive]).toEqual([before.passwordHash, before.isActive]);
    // Its role in the province can still be switched off, and KPU RI may reset the account.
    const jeparaRole = db().select().from(memberships).where(and(eq(memberships.userId, userId), eq(memberships.officeId, officeByCode(db(), "33.20").id))).get()!;
    const off = await call(userAction, `/admin/pengguna/${userId}`, { cookie, params: { id: String(userId) }, form: { intent: "deactivate-membership", membershipId: String(jeparaRole.id) } });
    expect(off.status).toBeLessThan(400);
    const ri = await call(userAction, `/admin/pengguna/${userId}`, { cookie: admin, params: { id: String(userId) }, form: { intent: "reset-password" } });
    expect(ri.status).toBe(200);
  });
});

describe("my account", () => {
  it("changes the password with the current one, and signs other devices out", async () => {
    const email = "anggota1.cilacap@pleno.demo";
    const here = cookieFor(email);
    const elsewhere = cookieFor(email);
    const wrong = await call(accountAction, "/akun", { cookie: here, form: { intent: "password", current: "salah", next: "baru-sekali-123", confirm: "baru-sekali-123" } });
    expect((await bodyOf<Errors>(wrong)).errors.current).toBe("Kata sandi saat ini salah.");
    const mismatch = await call(accountAction, "/akun", { cookie: here, form: { intent: "password", current: DEMO_PASSWORD, next: "baru-sekali-123", confirm: "lain" } });
    expect((await bodyOf<Errors>(mismatch)).errors.confirm).toMatch(/tidak sama/);
    const ok = await call(accountAction, "/akun", { cookie: here, form: { intent: "password", current: DEMO_PASSWORD, next: "baru-sekali-123", confirm: "baru-sekali-123" } });
    expect(ok.status).toBe(200);
    expect((await call(dashboardLoader, "/dasbor", { cookie: here })).status).toBe(200);
    expect((await call(dashboardLoader, "/dasbor", { cookie: elsewhere })).status).toBe(302);
  });

  it("switches between the memberships a user holds", async () => {
    const tri = db().select().from(users).where(eq(users.email, "tri@kebumen.kpu.go.id")).get()!;
    const cookie = cookieFor("tri@kebumen.kpu.go.id");
    const visitor = db().select().from(memberships).where(and(eq(memberships.userId, tri.id), eq(memberships.role, "visitor"))).get()!;
    const r = await call(accountAction, "/akun", { cookie, form: { intent: "switch", membershipId: String(visitor.id) } });
    expect(r.status).toBe(302);
    const dash = await bodyOf<{ who: { role: string } }>(await call(dashboardLoader, "/dasbor", { cookie }));
    expect(dash.who.role).toBe("visitor");
    const foreign = await call(accountAction, "/akun", { cookie, form: { intent: "switch", membershipId: "1" } });
    expect(foreign.status).toBe(404);
  });
});

describe("areas for forms", () => {
  it("answers the kecamatan of a kabupaten and the desa of a kecamatan", async () => {
    const kec = await bodyOf<{ children: { code: string; name: string }[] }>(await call(areasLoader, "/wilayah/33.20", { params: { code: "33.20" } }));
    expect(kec.children).toHaveLength(16);
    const desa = await bodyOf<{ children: unknown[] }>(await call(areasLoader, `/wilayah/${kec.children[0].code}`, { params: { code: kec.children[0].code } }));
    expect(desa.children.length).toBeGreaterThan(5);
    expect((await call(areasLoader, "/wilayah/x", { params: { code: "x" } })).status).toBe(404);
  });
});
