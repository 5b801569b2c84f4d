import { execFileSync } from "node:child_process";
import { and, asc, count, eq, isNotNull } from "drizzle-orm";
import ical from "node-ical";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { invitationCalendar, invitationLetter } from "../../app/models/meeting-documents.server";
import { generateYear, getSeries } from "../../app/models/meeting.server";
import type { Actor } from "../../app/auth/guard.server";
import { action as meetingAction, loader as meetingLoader } from "../../app/routes/rapat.$id";
import { action as newAction } from "../../app/routes/rapat.baru";
import { action as seriesAction } from "../../app/routes/rapat.seri";
import { loader as listLoader } from "../../app/routes/rapat._index";
import { createMember, createStakeholderWithContacts, officeByCode } from "../../db/factories";
import { agendaItems, commissionerAttendance, invitations, meetings, meetingSeries, memberships, stakeholders } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";
import { pdfFile } from "../helpers/pdf";

let A: string;
let B: string;
let jeparaId: number;
beforeAll(() => {
  useTestDatabase();
  A = cookieFor("sekretariat1.jepara@pleno.demo");
  B = cookieFor("sekretariat1.cilacap@pleno.demo");
  jeparaId = officeByCode(db(), "33.20").id;
});

type Errors = { form: string; errors: Record<string, string>; values: Record<string, unknown> };
const post = (id: number, form: Record<string, string>, cookie = A) => call(meetingAction, `/rapat/${id}`, { cookie, params: { id: String(id) }, form });
const loadMeeting = async (id: number, cookie = A) =>
  bodyOf<{ meeting: { version: number; status: string }; agenda: { id: number; title: string; position: number }[]; proposals: { id: number }[]; quorum: { reached: boolean } }>(
    await call(meetingLoader, `/rapat/${id}`, { cookie, params: { id: String(id) } }),
  );

async function newMeeting(form: Partial<Record<string, string>> = {}) {
  const r = await call(newAction, "/rapat/baru", {
    cookie: A,
    form: { kind: "open_quarterly", period: "2026-Q4", title: "Rapat Pleno Terbuka Uji", date: "2026-12-10", startTime: "09:00", endTime: "12:00", place: "Aula", ...form } as Record<string, string>,
  });
  return r;
}

describe("series", () => {
  it("generating a year twice does not duplicate, across months of every length", async () => {
    const r = await call(seriesAction, "/rapat/seri", {
      cookie: A,
      form: { intent: "create", kind: "internal_monthly", title: "Pleno Uji", ruleType: "day_of_month", ruleDay: "31", defaultTime: "13:30", durationMinutes: "120", defaultPlace: "Ruang Rapat", dueDaysAfterEnd: "5" },
    });
    expect(r.status).toBe(302);
    const series = db().select().from(meetingSeries).where(eq(meetingSeries.title, "Pleno Uji")).get()!;
    const office = { id: jeparaId, timeZone: "Asia/Jakarta" as const };
    expect(generateYear(office, series, 2027)).toEqual({ created: 12, skipped: 0 });
    expect(generateYear(office, series, 2027)).toEqual({ created: 0, skipped: 12 });
    const rows = db().select().from(meetings).where(eq(meetings.seriesId, series.id)).orderBy(asc(meetings.startsAt)).all();
    expect(rows.map((m) => m.startsAt.toISOString().slice(0, 10))).toEqual([
      "2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30",
      "2027-07-31", "2027-08-31", "2027-09-30", "2027-10-31", "2027-11-30", "2027-12-31",
    ]);
    expect(rows[0].startsAt.toISOString()).toBe("2027-01-31T06:30:00.000Z"); // 13:30 WIB
    expect(rows[1].dueDate).toBe("2027-03-05");
    expect(db().select({ n: count() }).from(agendaItems).where(eq(agendaItems.meetingId, rows[0].id)).get()!.n).toBe(6);
  });

  it("a 09:00 meeting of a WIT office is stored as 00:00 UTC (07:00 WIB)", async () => {
    const jayapura = officeByCode(db(), "91.71");
    const actor = { office: { id: jayapura.id } } as Actor;
    const series = db()
      .insert(meetingSeries)
      .values({ officeId: jayapura.id, kind: "open_quarterly", title: "Pleno Jayapura", dayRule: { type: "nth_weekday", n: 2, weekday: 1 }, defaultTime: "09:00", defaultPlace: "Aula" })
      .returning()
      .get();
    generateYear({ id: jayapura.id, timeZone: "Asia/Jayapura" }, getSeries(actor, series.id), 2025);
    const q4 = db().select().from(meetings).where(and(eq(meetings.seriesId, series.id), eq(meetings.period, "2025-Q4"))).get()!;
    expect(q4.startsAt.toISOString()).toBe("2025-12-08T00:00:00.000Z");
  });
});

describe("meetings", () => {
  it("bad input: outside its period, end before start, wrong period shape — nothing saved", async () => {
    const before = db().select({ n: count() }).from(meetings).get()!.n;
    const outside = await bodyOf<Errors>(await newMeeting({ date: "2026-06-01" }));
    expect(outside.errors.date).toMatch(/di dalam periodenya/);
    const backwards = await bodyOf<Errors>(await newMeeting({ startTime: "12:00", endTime: "09:00" }));
    expect(backwards.errors.endTime).toBe("Jam selesai harus setelah jam mulai.");
    const shape = await bodyOf<Errors>(await newMeeting({ period: "2026-11" }));
    expect(shape.errors.period).toMatch(/triwulanan/);
    expect(shape.values.title).toBe("Rapat Pleno Terbuka Uji");
    expect(db().select({ n: count() }).from(meetings).get()!.n).toBe(before);
  });

  it("a second save on the same version is refused and nothing of it is written", async () => {
    const r = await newMeeting();
    const id = Number(/\/rapat\/(\d+)/.exec(r.headers.get("Location")!)![1]);
    const { meeting } = await loadMeeting(id);
    const base = { intent: "update", version: String(meeting.version), kind: "open_quarterly", period: "2026-Q4", date: "2026-12-10", startTime: "09:00", endTime: "12:00" };
    expect((await post(id, { ...base, title: "Judul pertama", place: "Aula A" })).status).toBe(302);
    const second = await post(id, { ...base, title: "Judul kedua", place: "Aula B" });
    expect(second.status).toBe(409);
    const body = await bodyOf<Errors>(second);
    expect(body.errors._form).toMatch(/baru saja diubah oleh orang lain/);
    expect(body.values.title).toBe("Judul kedua");
    expect(db().select().from(meetings).where(eq(meetings.id, id)).get()!.title).toBe("Judul pertama");
  });

  it("agenda: add, reorder and remove; bad duration refused", async () => {
    const id = Number(/\/rapat\/(\d+)/.exec((await newMeeting()).headers.get("Location")!)![1]);
    expect((await bodyOf<Errors>(await post(id, { intent: "agenda-add", title: "Laporan Bawaslu", durationMinutes: "0" }))).errors.durationMinutes).toMatch(/minimal 1/);
    await post(id, { intent: "agenda-add", title: "Laporan Bawaslu", presenter: "Bawaslu", durationMinutes: "20" });
    let { agenda } = await loadMeeting(id);
    expect(agenda.map((a) => a.title).at(-1)).toBe("Laporan Bawaslu");
    const added = agenda.at(-1)!;
    await post(id, { intent: "agenda-move", itemId: String(added.id), direction: "up" });
    ({ agenda } = await loadMeeting(id));
    expect(agenda.at(-2)!.title).toBe("Laporan Bawaslu");
    await post(id, { intent: "agenda-remove", itemId: String(added.id) });
    ({ agenda } = await loadMeeting(id));
    expect(agenda.map((a) => a.position)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("unfinished items of the previous meeting of the series are proposed; accepted or dismissed once", async () => {
    const scheduled = db()
      .select()
      .from(meetings)
      .where(and(eq(meetings.officeId, jeparaId), eq(meetings.kind, "open_quarterly"), eq(meetings.status, "dijadwalkan"), isNotNull(meetings.seriesId)))
      .get()!;
    const { proposals } = await loadMeeting(scheduled.id);
    expect(proposals.length).toBe(1);
    await post(scheduled.id, { intent: "carry-accept", itemId: String(proposals[0].id) });
    const after = await loadMeeting(scheduled.id);
    expect(after.proposals).toEqual([]);
    expect(after.agenda.at(-1)!.title).toMatch(/^Tanggapan peserta \(lanjutan 2026-Q\d\)$/);
    expect((await post(scheduled.id, { intent: "carry-dismiss", itemId: String(proposals[0].id) })).status).toBe(404);
  });

  it("without quorum a meeting cannot be closed until a postponement is recorded", async () => {
    const id = Number(/\/rapat\/(\d+)/.exec((await newMeeting()).headers.get("Location")!)![1]);
    const commission = db().select().from(memberships).where(and(eq(memberships.officeId, jeparaId), eq(memberships.role, "commissioner"))).all();
    const form: Record<string, string> = { intent: "attendance" };
    commission.forEach((c, i) => (form[`status.${c.id}`] = i < 2 ? "hadir" : "izin"));
    await post(id, form);
    expect((await loadMeeting(id)).quorum.reached).toBe(false);
    const refused = await post(id, { intent: "status", to: "selesai" });
    expect(refused.status).toBe(409);
    expect((await bodyOf<Errors>(refused)).errors._form).toMatch(/Kuorum tidak terpenuhi/);
    expect((await bodyOf<Errors>(await post(id, { intent: "postpone", reason: "" }))).errors.reason).toMatch(/alasan/);
    await post(id, { intent: "postpone", reason: "Tiga komisioner mengikuti bimtek; rapat ditunda ke pekan depan." });
    expect((await post(id, { intent: "status", to: "selesai" })).status).toBe(302);
    expect(db().select().from(commissionerAttendance).where(eq(commissionerAttendance.meetingId, id)).all()).toHaveLength(5);
  });

  it("the office's quorum rule applies: two thirds of five is four", async () => {
    const id = Number(/\/rapat\/(\d+)/.exec((await newMeeting()).headers.get("Location")!)![1]);
    const commission = db().select().from(memberships).where(and(eq(memberships.officeId, jeparaId), eq(memberships.role, "commissioner"))).all();
    const form: Record<string, string> = { intent: "attendance" };
    commission.forEach((c, i) => (form[`status.${c.id}`] = i < 3 ? "hadir" : "sakit"));
    await post(id, form);
    expect((await loadMeeting(id)).quorum.reached).toBe(true);
    expect((await call(seriesAction, "/rapat/seri", { cookie: A, form: { intent: "quorum", quorumRule: "two_thirds" } })).status).toBe(302);
    expect((await loadMeeting(id)).quorum.reached).toBe(false);
    await call(seriesAction, "/rapat/seri", { cookie: A, form: { intent: "quorum", quorumRule: "majority" } });
  });

  it("invitations: an organisation once per meeting; another office's organisation refused", async () => {
    const id = Number(/\/rapat\/(\d+)/.exec((await newMeeting()).headers.get("Location")!)![1]);
    const bawaslu = db().select().from(stakeholders).where(and(eq(stakeholders.officeId, jeparaId), eq(stakeholders.type, "bawaslu"))).get()!;
    expect((await post(id, { intent: "invite", stakeholderId: String(bawaslu.id) })).status).toBe(302);
    const again = await bodyOf<Errors>(await post(id, { intent: "invite", stakeholderId: String(bawaslu.id) }));
    expect(again.errors.stakeholderId).toMatch(/sudah diundang/);
    const foreign = db().select().from(stakeholders).where(eq(stakeholders.officeId, officeByCode(db(), "33.01").id)).get()!;
    expect((await bodyOf<Errors>(await post(id, { intent: "invite", stakeholderId: String(foreign.id) }))).errors.stakeholderId).toMatch(/tidak ditemukan/);
    expect((await bodyOf<Errors>(await post(id, { intent: "invite", stakeholderId: "" }))).errors.stakeholderId).toMatch(/Pilih organisasi/);
  });

  it("another office's meeting answers 404 for reading and writing; a commissioner may read but not write", async () => {
    const m = db().select().from(meetings).where(eq(meetings.officeId, jeparaId)).get()!;
    expect((await call(meetingLoader, `/rapat/${m.id}`, { cookie: B, params: { id: String(m.id) } })).status).toBe(404);
    expect((await post(m.id, { intent: "decision-add", text: "Menyusup" }, B)).status).toBe(404);
    const ketua = cookieFor("ketua.jepara@pleno.demo");
    expect((await call(meetingLoader, `/rapat/${m.id}`, { cookie: ketua, params: { id: String(m.id) } })).status).toBe(200);
    expect((await post(m.id, { intent: "decision-add", text: "Dari komisioner" }, ketua)).status).toBe(403);
  });

  it("a held DPB pleno shows the summary of its recap", async () => {
    const q2 = db().select().from(meetings).where(and(eq(meetings.officeId, jeparaId), eq(meetings.period, "2025-Q2"), eq(meetings.kind, "open_quarterly"))).get()!;
    const body = await bodyOf<{ recap: { areas: number; dpb: { l: number; p: number }; corrections: number } }>(
      await call(meetingLoader, `/rapat/${q2.id}`, { cookie: A, params: { id: String(q2.id) } }),
    );
    expect(body.recap.areas).toBe(16);
    expect(body.recap.dpb.l + body.recap.dpb.p).toBe(928_809);
    expect(body.recap.corrections).toBe(7_777);
    const withData = await bodyOf<{ deliveries: { organisation: string; records: number }[] }>(
      await call(meetingLoader, `/rapat/${q2.id}`, { cookie: A, params: { id: String(q2.id) } }),
    );
    expect(withData.deliveries.length).toBeGreaterThan(0);
  });

  it("the list marks overdue meetings and filters them", async () => {
    const tangerang = cookieFor("sekretariat1.tangerang@pleno.demo");
    const body = await bodyOf<{ meetings: { overdue: boolean }[] }>(await call(listLoader, "/rapat?status=terlambat", { cookie: tangerang }));
    expect(body.meetings.length).toBe(1);
    expect(body.meetings[0].overdue).toBe(true);
  });
});

describe("invitation documents", () => {
  async function setup() {
    const jayapura = officeByCode(db(), "91.71");
    await createMember(db(), { email: "sek@jayapura.id", name: "Sek Jayapura", password: "rahasia-panjang-1", officeId: jayapura.id, role: "secretariat" });
    await createMember(db(), { email: "ketua@jayapura.id", name: "Yohanes Wenda", password: "rahasia-panjang-1", officeId: jayapura.id, role: "commissioner", position: "ketua", title: "Ketua" });
    const org = createStakeholderWithContacts(db(), { officeId: jayapura.id, name: "Bawaslu Kota Jayapura", type: "bawaslu", contacts: [{ name: "Maria", position: "Staf", whatsapp: "+6281299990000", email: "maria@bawaslu.id" }] });
    const cookie = cookieFor("sek@jayapura.id");
    const r = await call(newAction, "/rapat/baru", {
      cookie,
      form: { kind: "open_quarterly", period: "2025-Q4", title: "Rapat Pleno Terbuka Rekapitulasi DPB", date: "2025-12-08", startTime: "09:00", endTime: "12:00", place: "Aula KPU Kota Jayapura" },
    });
    const id = Number(/\/rapat\/(\d+)/.exec(r.headers.get("Location")!)![1]);
    await call(meetingAction, `/rapat/${id}`, { cookie, params: { id: String(id) }, form: { intent: "invite", stakeholderId: String(org.id) } });
    const invitation = db().select().from(invitations).where(eq(invitations.meetingId, id)).get()!;
    const actor = { office: { id: jayapura.id, timeZone: "Asia/Jayapura" }, user: { id: 1 } } as Actor;
    return { id, invitation, actor };
  }

  it("the .ics read back with an iCalendar parser gives the right instant; the letter holds day, date and time", async () => {
    const { id, invitation, actor } = await setup();
    const { ics } = invitationCalendar(actor, id, invitation.id);
    const events = Object.values(ical.sync.parseICS(ics)).filter((e) => e?.type === "VEVENT") as { start: Date; end: Date; summary: string }[];
    expect(events).toHaveLength(1);
    expect(events[0].start.toISOString()).toBe("2025-12-08T00:00:00.000Z"); // 09:00 WIT
    expect(events[0].end.toISOString()).toBe("2025-12-08T03:00:00.000Z");

    const { pdf } = await invitationLetter(actor, id, invitation.id);
    const text = execFileSync("pdftotext", [pdfFile(pdf), "-"], { encoding: "utf8" }).replace(/\s+/g, " ");
    expect(text).toContain("Senin, 8 Desember 2025");
    expect(text).toContain("09.00 WIT s.d. 12.00 WIT");
    expect(text).toContain("Bawaslu Kota Jayapura");
    expect(text).toContain("Triwulan IV 2025");
    expect(text).toMatch(/01\/PL\.01\.2-UND\/9171\/KPU-Kot\/[IVX]+\/\d{4}/);
    expect(text).toContain("Yohanes Wenda");
  });
});
