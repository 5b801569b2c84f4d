import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { loader as meetingLoader } from "../../app/routes/rapat.$id";
import { officeByCode } from "../../db/factories";
import { meetings, stakeholderContacts, stakeholders } from "../../db/schema";
import { and, eq } from "drizzle-orm";
import { useTestDatabase } from "../helpers/db";
import { appFetch } from "../helpers/app";
import { bodyOf, call, cookieFor } from "../helpers/http";

type Picker = { organisations: { id: number; name: string; contacts: { id: number; name: string }[] }[]; organisationPicker: { total: number; shown: number; q: string; limit: number } | null };

let A: string;
let meetingId: number;
let before: number;
beforeAll(() => {
  useTestDatabase();
  A = cookieFor("sekretariat1.jepara@pleno.demo");
  const office = officeByCode(db(), "33.20");
  meetingId = db().select().from(meetings).where(eq(meetings.officeId, office.id)).get()!.id;
  before = db().select().from(stakeholders).where(and(eq(stakeholders.officeId, office.id), eq(stakeholders.isActive, true))).all().length;
  db()
    .insert(stakeholders)
    .values(Array.from({ length: 400 }, (_, i) => ({ officeId: office.id, name: `Organisasi Direktori Besar ${String(i).padStart(3, "0")}`, type: "lainnya" as const })))
    .run();
  // Contacts: two active ones and an inactive one for an organisation, one for an organisation far down the list.
  const org = (name: string) => db().select().from(stakeholders).where(eq(stakeholders.name, name)).get()!.id;
  db()
    .insert(stakeholderContacts)
    .values([
      { stakeholderId: org("Organisasi Direktori Besar 120"), name: "Budi Kontak" },
      { stakeholderId: org("Organisasi Direktori Besar 120"), name: "Ani Kontak" },
      { stakeholderId: org("Organisasi Direktori Besar 120"), name: "Cici Nonaktif", isActive: false },
      { stakeholderId: org("Organisasi Direktori Besar 399"), name: "Dodi Jauh" },
    ])
    .run();
});

const load = async (query = "") =>
  bodyOf<Picker>(await call(meetingLoader, `/rapat/${meetingId}${query}`, { cookie: A, params: { id: String(meetingId) } }));

describe("invitation picker of a meeting with a large stakeholder directory", () => {
  it("sends no organisations until the secretariat opens the picker, and none ever to a commissioner", async () => {
    const d = await load();
    expect(d.organisations).toHaveLength(0);
    expect(d.organisationPicker).toBeNull();
    const ketua = cookieFor("ketua.jepara@pleno.demo");
    const asKetua = await bodyOf<Picker>(await call(meetingLoader, `/rapat/${meetingId}?undang=1`, { cookie: ketua, params: { id: String(meetingId) } }));
    expect([asKetua.organisations.length, asKetua.organisationPicker]).toEqual([0, null]);
    const html = await (await appFetch(`/rapat/${meetingId}`, { cookie: A })).text();
    expect(html).toContain("Tambah undangan");
    expect(html).not.toContain("Cari organisasi untuk diundang");
  });

  it("sends at most the picker limit of organisations, and says how many there are", async () => {
    const d = await load("?undang=1");
    expect(d.organisationPicker?.limit).toBe(100);
    expect(d.organisations).toHaveLength(100);
    expect(d.organisationPicker).toMatchObject({ total: before + 400, shown: 100, q: "" });
    // Only contacts of the organisations sent go with them.
    expect(d.organisations.flatMap((o) => o.contacts).some((c) => c.name === "Dodi Jauh")).toBe(false);
  });

  it("narrows by part of the name, with LIKE wildcards taken literally", async () => {
    const d = await load("?organisasi=Direktori%20Besar%2012");
    expect(d.organisations.map((o) => o.name)).toEqual(Array.from({ length: 10 }, (_, i) => `Organisasi Direktori Besar 12${i}`));
    expect(d.organisationPicker).toMatchObject({ total: 10, shown: 10, q: "Direktori Besar 12" });
    expect(d.organisations[0].contacts.map((c) => c.name)).toEqual(["Ani Kontak", "Budi Kontak"]);
    expect((await load("?organisasi=%25")).organisations).toHaveLength(0);
    expect((await load("?organisasi=Besar_1")).organisations).toHaveLength(0);
  });

  it("shows the search field and the count on the page", async () => {
    const html = await (await appFetch(`/rapat/${meetingId}?undang=1`, { cookie: A })).text();
    expect(html).toContain("Cari organisasi untuk diundang");
    // The search keeps the picker open.
    expect(html).toContain('<input type="hidden" name="undang" value="1"/>');
    expect(html).toMatch(/menampilkan 100 dari \d+ organisasi/);
  });
});
