import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeLinkToken } from "../../app/auth/link-token.server";
import { db } from "../../app/db.server";
import { officeByCode } from "../../db/factories";
import { agendaItems, feedbackWindows, invitations, meetingDecisions, meetings, stakeholderContacts, stakeholders } from "../../db/schema";
import { appFetch } from "../helpers/app";
import { useTestDatabase } from "../helpers/db";
import { cookieFor } from "../helpers/http";
import { pdfText } from "../helpers/pdf";

const EVIL = `<script>alert("pleno")</script><img src=x onerror=alert(1)>`;

let A: string;
let meetingId: number;
let token: string;
beforeAll(() => {
  useTestDatabase();
  A = cookieFor("sekretariat1.jepara@pleno.demo");
  const jepara = officeByCode(db(), "33.20");
  const org = db().insert(stakeholders).values({ officeId: jepara.id, name: `Organisasi ${EVIL}`, type: "lainnya", address: EVIL, notes: EVIL }).returning().get();
  db().insert(stakeholderContacts).values({ stakeholderId: org.id, name: `Kontak ${EVIL}`, position: EVIL, whatsapp: "+6281200000001" }).run();
  const m = db().select().from(meetings).where(and(eq(meetings.officeId, jepara.id), eq(meetings.status, "dijadwalkan"))).get()!;
  meetingId = m.id;
  db().update(meetings).set({ title: `Rapat ${EVIL}`, place: EVIL }).where(eq(meetings.id, m.id)).run();
  db().insert(agendaItems).values({ meetingId, position: 99, title: `Agenda ${EVIL}`, presenter: EVIL, notes: EVIL }).run();
  db().insert(meetingDecisions).values({ meetingId, position: 99, text: `Keputusan ${EVIL}` }).run();
  const inv = db().insert(invitations).values({ meetingId, stakeholderId: org.id, attendeeName: EVIL }).returning().get();
  db().insert(feedbackWindows).values({ meetingId, deadline: new Date(Date.now() + 86_400_000) }).run();
  token = makeLinkToken("feedback", inv.id, inv.linkVersion);
  // An imported board figure whose source was typed by an admin, beside one from another source.
  const cilacap = officeByCode(db(), "33.01");
  const figure = db().$client.prepare(
    "insert into office_metrics (office_id, period, period_end, metric, value, source, origin, imported_at) values (?, '2030-Q1', 203003, 'duplicate_rate', ?, ?, 'imported', ?)",
  );
  figure.run(jepara.id, 0.01, `Sumber ${EVIL}`, Date.now());
  figure.run(cilacap.id, 0.02, "Sumber lain", Date.now());
});

function assertEscaped(html: string) {
  expect(html).not.toContain(`<script>alert("pleno")`);
  expect(html).not.toContain("<img src=x onerror");
  expect(html).toContain("&lt;script&gt;");
}

describe("text written by users is shown as text", () => {
  it.each([
    ["the stakeholder list", () => "/pemangku-kepentingan"],
    ["the stakeholder page", () => `/pemangku-kepentingan/${db().select().from(stakeholders).where(eq(stakeholders.address, EVIL)).get()!.id}`],
    ["the meeting page", () => `/rapat/${meetingId}`],
    ["the meeting list", () => "/rapat?waktu=akan"],
    ["the feedback management page", () => `/rapat/${meetingId}/tanggapan`],
  ])("in HTML: %s", async (_label, path) => {
    const r = await appFetch(path(), { cookie: A });
    expect(r.status).toBe(200);
    assertEscaped(await r.text());
  });

  it("in HTML: the board's table, its charts and the trend of the compared offices", async () => {
    const r = await appFetch("/papan?metrik=duplicate_rate&periode=2030-Q1&banding=33.20", { cookie: A });
    expect(r.status).toBe(200);
    const html = await r.text();
    assertEscaped(html);
    expect(html).toContain('<li id="peringkat-sumber-1" value="1">Sumber &lt;script&gt;');
    // Named under the ranking and again under the trend table of the compared office.
    expect(html.split("Sumber &lt;script&gt;").length - 1).toBe(2);
  });

  it("in HTML: the public feedback page opened by the token", async () => {
    const r = await appFetch(`/tanggapan/${token}`);
    expect(r.status).toBe(200);
    assertEscaped(await r.text());
  });

  it("in PDFs: the letter, the attendance sheet and the berita acara print the text literally", async () => {
    const inv = db().select().from(invitations).where(eq(invitations.attendeeName, EVIL)).get()!;
    for (const path of [`/rapat/${meetingId}/undangan/${inv.id}.pdf`, `/rapat/${meetingId}/daftar-hadir.pdf`, `/rapat/${meetingId}/berita-acara.pdf`]) {
      const r = await appFetch(path, { cookie: A });
      expect(r.status, path).toBe(200);
      const text = pdfText(Buffer.from(await r.arrayBuffer())).join("").replace(/\s+/g, "");
      expect(text, path).toContain(`<script>alert("pleno")</script>`.replace(/\s+/g, ""));
    }
  });
});
