import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { makeLinkToken } from "../../app/auth/link-token.server";
import { db } from "../../app/db.server";
import { action as manageAction, loader as manageLoader } from "../../app/routes/rapat.$id_.tanggapan";
import { loader as csvLoader } from "../../app/routes/rapat.$id.tanggapan[.csv]";
import { action as formAction, loader as formLoader } from "../../app/routes/tanggapan.$token";
import { loader as receiptLoader } from "../../app/routes/tanggapan.$token.tanda-terima[.pdf]";
import type { Actor } from "../../app/auth/guard.server";
import { invitationLetter } from "../../app/models/meeting-documents.server";
import { generateYear } from "../../app/models/meeting.server";
import { loader as meetingLoader } from "../../app/routes/rapat.$id";
import { officeByCode } from "../../db/factories";
import { feedbackHistory, feedbackPoints, feedbackSubmissions, invitations, meetings, meetingSeries, stakeholders } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";
import { pdfText } from "../helpers/pdf";

let A: string;
let meetingId: number;
let tokens: string[];
let otherToken: string;
let district: string;

beforeAll(async () => {
  useTestDatabase();
  A = cookieFor("sekretariat1.jepara@pleno.demo");
  const jepara = officeByCode(db(), "33.20");
  const m = db().select().from(meetings).where(and(eq(meetings.officeId, jepara.id), eq(meetings.status, "dijadwalkan"))).get()!;
  meetingId = m.id;
  const orgs = db().select().from(stakeholders).where(eq(stakeholders.officeId, jepara.id)).limit(2).all();
  for (const o of orgs) db().insert(invitations).values({ meetingId, stakeholderId: o.id }).run();
  const invs = db().select().from(invitations).where(eq(invitations.meetingId, meetingId)).all();
  tokens = invs.map((i) => makeLinkToken("feedback", i.id, i.linkVersion));
  const other = db().select().from(invitations).where(eq(invitations.meetingId, m.id - 1)).get() ?? db().select().from(invitations).get()!;
  otherToken = makeLinkToken("feedback", other.id, other.linkVersion);
  district = (db().$client.prepare("select code from areas where parent_code = '33.20' order by code limit 1").get() as { code: string }).code;
});

const open = (date = "2099-12-31", time = "23:59") =>
  call(manageAction, `/rapat/${meetingId}/tanggapan`, { cookie: A, params: { id: String(meetingId) }, form: { intent: "open", date, time, showRecap: "1" } });

function good(extra: Record<string, string> = {}) {
  return {
    responderName: "Arif Wicaksono",
    responderPosition: "Koordinator Divisi",
    stance: "setuju_dengan_catatan",
    "points.0.category": "ganda",
    "points.0.districtCode": district,
    "points.0.voters": "12",
    "points.0.description": "Dua belas pemilih ganda <script>alert(1)</script>",
    ...extra,
  };
}
const send = (token: string, form: Record<string, string> | FormData) => call(formAction, `/tanggapan/${token}`, { params: { token }, form });
type Errors = { errors: Record<string, string>; values: Record<string, unknown> };

describe("feedback links", () => {
  it("a wrong, forged or revoked token answers the same 404 and reveals nothing", async () => {
    for (const bad of ["x", `${tokens[0].slice(0, -1)}A`, "../../etc/passwd", "1.1." + "A".repeat(43)]) {
      const r = await call(formLoader, `/tanggapan/${bad}`, { params: { token: bad } });
      expect(r.status).toBe(404);
      expect(JSON.stringify(await r.json())).not.toMatch(/Bawaslu|Dukcapil|rapat/i);
    }
  });

  it("before the secretariat opens feedback the form says so and refuses posts", async () => {
    const page = await bodyOf<{ state: string }>(await call(formLoader, `/tanggapan/${tokens[0]}`, { params: { token: tokens[0] } }));
    expect(page.state).toBe("belum-dibuka");
    expect((await send(tokens[0], good())).status).toBe(410);
    expect((await open("2001-01-01")).status).toBe(400);
    expect((await open()).status).toBe(302);
  });

  it("bad input: messages next to the fields, everything kept, nothing saved", async () => {
    const r = await send(tokens[0], good({ responderName: "", "points.0.voters": "-3", "points.0.districtCode": "31.72.01" }));
    expect(r.status).toBe(400);
    const body = await bodyOf<Errors>(r);
    expect(body.errors).toMatchObject({ responderName: "Nama wajib diisi.", "points.0.voters": "Jumlah pemilih tidak boleh negatif." });
    expect(body.values).toMatchObject({ responderPosition: "Koordinator Divisi", points: [{ description: expect.stringContaining("Dua belas") }] });
    const wrongPlace = await bodyOf<Errors>(await send(tokens[0], good({ "points.0.districtCode": "31.72.01" })));
    expect(wrongPlace.errors["points.0.districtCode"]).toMatch(/bukan wilayah kantor ini/);
    expect(db().select({ n: count() }).from(feedbackSubmissions).get()!.n).toBe(0);
  });

  it("without JavaScript, points are added and removed by a round trip that keeps the typing", async () => {
    const added = await bodyOf<Errors>(await send(tokens[0], good({ intent: "add-point" })));
    expect((added.values.points as unknown[]).length).toBe(2);
    expect(added.values.responderName).toBe("Arif Wicaksono");
    const removed = await bodyOf<Errors>(await send(tokens[0], { ...good({ intent: "remove-point-0" }), "points.1.description": "kedua" }));
    expect(removed.values.points).toEqual([{ description: "kedua" }]);
  });

  it("a renamed .exe is refused as an attachment; a real PNG is kept", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(good())) form.append(k, v);
    form.append("points.0.attachment", new File([new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0])], "bukti.pdf", { type: "application/pdf" }));
    const r = await send(tokens[0], form);
    expect(r.status).toBe(400);
    expect((await bodyOf<Errors>(r)).errors["points.0.attachment"]).toMatch(/diperiksa dari isi berkas/);
    const big = new FormData();
    for (const [k, v] of Object.entries(good())) big.append(k, v);
    big.append("points.0.attachment", new File([new Uint8Array(5 * 1024 * 1024 + 10)], "besar.pdf"));
    expect((await bodyOf<Errors>(await send(tokens[0], big))).errors["points.0.attachment"]).toBe("Lampiran paling besar 5 MB.");
    expect(db().select({ n: count() }).from(feedbackSubmissions).get()!.n).toBe(0);
  });

  it("a good submission gets a reference and a PDF copy; an edit keeps history", async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries(good())) form.append(k, v);
    form.append("points.0.attachment", new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2])], "../../foto bukti.png"));
    const r = await send(tokens[0], form);
    expect(r.status).toBe(302);
    expect(r.headers.get("Location")).toMatch(/\?terkirim=TGP-\d{4}Q\d-3320-\d{6}$/);
    const point = db().select().from(feedbackPoints).get()!;
    expect(point.attachmentName).toBe("foto bukti.png");
    expect(point.attachmentPath).toMatch(/^[0-9a-f]{32}\.png$/);

    const receipt = await call(receiptLoader, `/tanggapan/${tokens[0]}/tanda-terima.pdf`, { params: { token: tokens[0] } });
    const text = pdfText(Buffer.from(await receipt.arrayBuffer())).join("\n");
    expect(text).toContain("TANDA TERIMA TANGGAPAN");
    expect(text.replace(/\s+/g, "")).toContain("<script>alert(1)</script>"); // shown as text, harmless in a PDF

    expect((await send(tokens[0], good({ stance: "setuju", "points.0.keepAttachment": "1" }))).status).toBe(302);
    const sub = db().select().from(feedbackSubmissions).get()!;
    expect(sub.version).toBe(2);
    expect(db().select().from(feedbackHistory).where(eq(feedbackHistory.submissionId, sub.id)).all()).toHaveLength(1);
    expect(db().select().from(feedbackPoints).get()!.attachmentName).toBe("foto bukti.png");
  });

  it("a token of another meeting cannot read or write this one; a revoked link stops working", async () => {
    const page = await bodyOf<{ organisation: string; submission: unknown }>(await call(formLoader, `/tanggapan/${otherToken}`, { params: { token: otherToken } }));
    expect(page.submission).toBeNull();
    const inv = db().select().from(invitations).where(eq(invitations.meetingId, meetingId)).all()[1];
    expect((await call(manageAction, `/rapat/${meetingId}/tanggapan`, { cookie: A, params: { id: String(meetingId) }, form: { intent: "revoke", invitationId: String(inv.id) } })).status).toBe(302);
    expect((await call(formLoader, `/tanggapan/${tokens[1]}`, { params: { token: tokens[1] } })).status).toBe(404);
    const fresh = makeLinkToken("feedback", inv.id, inv.linkVersion + 1);
    expect((await call(formLoader, `/tanggapan/${fresh}`, { params: { token: fresh } })).status).toBe(200);
  });

  it("the secretariat answers each point and exports CSV safe for spreadsheets", async () => {
    const point = db().select().from(feedbackPoints).get()!;
    const bad = await call(manageAction, `/rapat/${meetingId}/tanggapan`, { cookie: A, params: { id: String(meetingId) }, form: { intent: "answer", pointId: String(point.id), answer: "" } });
    expect(bad.status).toBe(400);
    const ok = await call(manageAction, `/rapat/${meetingId}/tanggapan`, {
      cookie: A,
      params: { id: String(meetingId) },
      form: { intent: "answer", pointId: String(point.id), answer: "=HYPERLINK(\"x\") Sudah dicoret", followUpStatus: "ditindaklanjuti", division: "Divisi Perencanaan, Data dan Informasi" },
    });
    expect(ok.status).toBe(302);
    const list = await bodyOf<{ organisations: { submission: { points: { followUpStatus: string }[] } | null }[] }>(
      await call(manageLoader, `/rapat/${meetingId}/tanggapan`, { cookie: A, params: { id: String(meetingId) } }),
    );
    expect(list.organisations.find((o) => o.submission)!.submission!.points[0].followUpStatus).toBe("ditindaklanjuti");
    const csv = await (await call(csvLoader, `/rapat/${meetingId}/tanggapan.csv`, { cookie: A, params: { id: String(meetingId) } })).text();
    expect(csv).toContain("nomor_tanda_terima,organisasi");
    expect(csv).toContain("'=HYPERLINK");
  });

  it("the link is in the letter and the WhatsApp text; open follow-ups carry into the next meeting of the series", async () => {
    const inv = db().select().from(invitations).where(eq(invitations.meetingId, meetingId)).all()[0];
    const actor = { office: { id: officeByCode(db(), "33.20").id, timeZone: "Asia/Jakarta" }, user: { id: 1 } } as Actor;
    const { pdf } = await invitationLetter(actor, meetingId, inv.id);
    expect(pdfText(pdf).join("").replace(/\s+/g, "")).toContain(`/tanggapan/${tokens[0]}`);
    const meeting = db().select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
    const series = db().select().from(meetingSeries).where(eq(meetingSeries.id, meeting.seriesId!)).get()!;
    generateYear({ id: meeting.officeId, timeZone: "Asia/Jakarta" }, series, 2027);
    const next = db().select().from(meetings).where(and(eq(meetings.seriesId, series.id), eq(meetings.period, "2027-Q1"))).get()!;
    const page = await bodyOf<{ followUps: { description: string; status: string }[] }>(
      await call(meetingLoader, `/rapat/${next.id}`, { cookie: A, params: { id: String(next.id) } }),
    );
    expect(page.followUps).toHaveLength(1);
    expect(page.followUps[0]).toMatchObject({ status: "ditindaklanjuti", description: expect.stringContaining("Dua belas") });
  });

  it("after the deadline the page is read-only and shows the answers", async () => {
    db().$client.prepare("update feedback_windows set deadline = ? where meeting_id = ?").run(Date.now() - 1000, meetingId);
    const page = await bodyOf<{ state: string; submission: { answers: { answer: string }[] } }>(await call(formLoader, `/tanggapan/${tokens[0]}`, { params: { token: tokens[0] } }));
    expect(page.state).toBe("ditutup");
    expect(page.submission.answers[0].answer).toMatch(/Sudah dicoret/);
    expect((await send(tokens[0], good())).status).toBe(410);
  });
});
