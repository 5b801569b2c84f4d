import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { action as meetingAction } from "../../app/routes/rapat.$id";
import { loader as waLoader } from "../../app/routes/rapat.$id.undangan.$invitationId.wa";
import { loader as outboxLoader } from "../../app/routes/rapat.kotak-keluar";
import { officeByCode } from "../../db/factories";
import { invitationDeliveries, invitations, meetings, outbox, stakeholders } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";

let A: string;
let meetingId: number;
let invitationId: number;
beforeAll(async () => {
  useTestDatabase();
  A = cookieFor("sekretariat1.jepara@pleno.demo");
  const jepara = officeByCode(db(), "33.20");
  meetingId = db().select().from(meetings).where(and(eq(meetings.officeId, jepara.id), eq(meetings.status, "dijadwalkan"))).get()!.id;
  const org = db().select().from(stakeholders).where(and(eq(stakeholders.officeId, jepara.id), eq(stakeholders.type, "dukcapil"))).get()!;
  await call(meetingAction, `/rapat/${meetingId}`, { cookie: A, params: { id: String(meetingId) }, form: { intent: "invite", stakeholderId: String(org.id) } });
  invitationId = db().select().from(invitations).where(and(eq(invitations.meetingId, meetingId), eq(invitations.stakeholderId, org.id))).get()!.id;
});

describe("sending invitations", () => {
  it("without SMTP the e-mail, with the letter and the calendar file attached, goes to the outbox", async () => {
    const r = await call(meetingAction, `/rapat/${meetingId}`, { cookie: A, params: { id: String(meetingId) }, form: { intent: "send-email", invitationId: String(invitationId) } });
    expect(r.status).toBe(302);
    expect(decodeURIComponent(r.headers.get("Location")!)).toMatch(/disimpan di kotak keluar/);
    const mail = db().select().from(outbox).where(eq(outbox.meetingId, meetingId)).get()!;
    expect(mail.subject).toMatch(/^Undangan /);
    expect(mail.attachments).toEqual([expect.stringMatching(/\.pdf$/), expect.stringMatching(/\.ics$/)]);
    const page = await bodyOf<{ mails: { subject: string }[] }>(await call(outboxLoader, "/rapat/kotak-keluar", { cookie: A }));
    expect(page.mails[0].subject).toBe(mail.subject);
    const channels = db().select().from(invitationDeliveries).where(eq(invitationDeliveries.invitationId, invitationId)).all().map((d) => d.channel);
    expect(channels).toEqual(expect.arrayContaining(["email", "letter", "ics"]));
  });

  it("the WhatsApp link opens wa.me with the number in 62 form and the invitation text", async () => {
    const r = await call(waLoader, `/rapat/${meetingId}/undangan/${invitationId}/wa`, { cookie: A, params: { id: String(meetingId), invitationId: String(invitationId) } });
    expect(r.status).toBe(302);
    const location = new URL(r.headers.get("Location")!);
    expect(location.origin).toBe("https://wa.me");
    expect(location.pathname).toMatch(/^\/62\d{9,12}$/);
    const text = location.searchParams.get("text")!;
    expect(text).toMatch(/mengundang Bapak\/Ibu/);
    expect(text).toMatch(/Waktu: \d{2}\.\d{2} WIB s\.d\. \d{2}\.\d{2} WIB/);
  });
});
