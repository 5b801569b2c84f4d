import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/guard.server";
import { db } from "../../app/db.server";
import { attendanceSheet, invitationLetter } from "../../app/models/meeting-documents.server";
import { minutesBlocks } from "../../app/models/minutes-document.server";
import { action, loader } from "../../app/routes/berita-acara.templat";
import { officeByCode } from "../../db/factories";
import { invitations, meetings } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";
import { pdfText } from "../helpers/pdf";

let A: string;
beforeAll(() => {
  useTestDatabase();
  A = cookieFor("sekretariat1.jepara@pleno.demo");
});

type Result = { errors: { line: number; message: string }[]; document: { blocks: { text?: string }[] } | null };

describe("office wording of the berita acara", () => {
  it("a template with an unknown placeholder or a broken section is refused with the line and the reason", async () => {
    const source = "::kop\n# BERITA ACARA {{nomorr}}\n{{#each masukan}}\n- {{organisasi}}\n";
    const r = await call(action, "/berita-acara/templat", { cookie: A, form: { name: "berita-acara-pleno-terbuka", intent: "save", source } });
    expect(r.status).toBe(400);
    const body = await bodyOf<Result>(r);
    expect(body.errors).toEqual([
      { line: 2, message: "penanda {{nomorr}} tidak dikenal" },
      { line: 3, message: "bagian {{#each masukan}} tidak ditutup" },
    ]);
  });

  it("a good wording previews, saves, and is used for the office's berita acara; reset restores the default", async () => {
    const base = await bodyOf<{ source: string }>(await call(loader, "/berita-acara/templat?nama=berita-acara-pleno-terbuka", { cookie: A }));
    const source = base.source.replace("Demikian berita acara ini dibuat", "Demikianlah berita acara ini kami buat");
    const pre = await bodyOf<Result>(await call(action, "/berita-acara/templat", { cookie: A, form: { name: "berita-acara-pleno-terbuka", intent: "preview", source } }));
    expect(pre.errors).toEqual([]);
    expect(pre.document!.blocks.some((b) => b.text?.startsWith("Demikianlah berita acara ini kami buat"))).toBe(true);
    expect((await call(action, "/berita-acara/templat", { cookie: A, form: { name: "berita-acara-pleno-terbuka", intent: "save", source } })).status).toBe(302);

    const jepara = officeByCode(db(), "33.20");
    const meeting = db().select().from(meetings).where(and(eq(meetings.officeId, jepara.id), eq(meetings.period, "2025-Q2"), eq(meetings.kind, "open_quarterly"))).get()!;
    const actor = { office: { id: jepara.id, timeZone: "Asia/Jakarta" } } as Actor;
    expect(minutesBlocks(actor, meeting.id, null).blocks.some((b) => "text" in b && b.text.startsWith("Demikianlah"))).toBe(true);
    // Another office keeps the default wording.
    const cilacap = officeByCode(db(), "33.01");
    const theirs = db().select().from(meetings).where(and(eq(meetings.officeId, cilacap.id), eq(meetings.kind, "open_quarterly"), eq(meetings.status, "selesai"))).get()!;
    expect(minutesBlocks({ office: { id: cilacap.id, timeZone: "Asia/Jakarta" } } as Actor, theirs.id, null).blocks.some((b) => "text" in b && b.text.startsWith("Demikian berita acara"))).toBe(true);

    await call(action, "/berita-acara/templat", { cookie: A, form: { name: "berita-acara-pleno-terbuka", intent: "reset", source: "" } });
    expect(minutesBlocks(actor, meeting.id, null).blocks.some((b) => "text" in b && b.text.startsWith("Demikian berita acara"))).toBe(true);
  });
});

describe("office wording of the invitation letter and the attendance sheet", () => {
  const jepara = () => officeByCode(db(), "33.20");
  const actorA = () => ({ office: { id: jepara().id, timeZone: "Asia/Jakarta" }, user: { id: 1 } }) as Actor;
  const heldWithInvitations = () =>
    db().select().from(meetings).where(and(eq(meetings.officeId, jepara().id), eq(meetings.period, "2025-Q2"), eq(meetings.kind, "open_quarterly"))).get()!;

  it("lists both in the editor and previews them with a held meeting of the office", async () => {
    const page = await bodyOf<{ templates: { key: string }[] }>(await call(loader, "/berita-acara/templat", { cookie: A }));
    expect(page.templates.map((t) => t.key)).toEqual(expect.arrayContaining(["undangan", "daftar-hadir"]));
    const letter = await bodyOf<Result & { source: string }>(await call(loader, "/berita-acara/templat?nama=undangan", { cookie: A }));
    expect(letter.errors).toEqual([]);
    expect(letter.source).toContain("{{penerima}}");
    const texts = JSON.stringify(letter.document!.blocks);
    expect(texts).toContain("(contoh nomor)");
    expect(texts).toContain("Kepada Yth.");
    const sheet = await bodyOf<Result & { document: { tables: Record<string, { rows: string[][] }> } }>(
      await call(loader, "/berita-acara/templat?nama=daftar-hadir", { cookie: A }),
    );
    expect(sheet.document!.tables.komisioner.rows.length).toBeGreaterThan(0);
  });

  it("refuses a letter with a placeholder of the berita acara and a sheet with an unknown table, with line and reason", async () => {
    const letter = await call(action, "/berita-acara/templat", { cookie: A, form: { name: "undangan", intent: "preview", source: "::kop\nNomor {{nomor}}\n\nPada hari ini {{tanggal_kata}}\n" } });
    expect(letter.status).toBe(400);
    expect((await bodyOf<Result>(letter)).errors).toEqual([{ line: 4, message: "penanda {{tanggal_kata}} tidak dikenal" }]);
    const sheet = await call(action, "/berita-acara/templat", { cookie: A, form: { name: "daftar-hadir", intent: "save", source: "::kop\n# DAFTAR HADIR\n::table rekap\n" } });
    expect(sheet.status).toBe(400);
    const errors = (await bodyOf<Result>(sheet)).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0].line).toBe(3);
  });

  it("a saved letter wording is printed in the office's invitation letters; a saved sheet wording in its attendance sheets", async () => {
    const letterBase = await bodyOf<{ source: string }>(await call(loader, "/berita-acara/templat?nama=undangan", { cookie: A }));
    const letterSource = letterBase.source.replace("Dengan hormat,", "Dengan hormat dan salam demokrasi,");
    expect((await call(action, "/berita-acara/templat", { cookie: A, form: { name: "undangan", intent: "save", source: letterSource } })).status).toBe(302);
    const sheetBase = await bodyOf<{ source: string }>(await call(loader, "/berita-acara/templat?nama=daftar-hadir", { cookie: A }));
    const sheetSource = sheetBase.source.replace("## B. Peserta rapat", "## B. Undangan yang hadir");
    expect((await call(action, "/berita-acara/templat", { cookie: A, form: { name: "daftar-hadir", intent: "save", source: sheetSource } })).status).toBe(302);

    const meeting = heldWithInvitations();
    const invitation = db().select().from(invitations).where(eq(invitations.meetingId, meeting.id)).get()!;
    const letter = await invitationLetter(actorA(), meeting.id, invitation.id);
    expect(pdfText(letter.pdf).join(" ").replace(/\s+/g, " ")).toContain("Dengan hormat dan salam demokrasi,");
    const sheet = await attendanceSheet(actorA(), meeting);
    expect(pdfText(sheet).join(" ")).toContain("B. Undangan yang hadir");

    const cilacap = officeByCode(db(), "33.01");
    const theirs = db().select().from(meetings).where(and(eq(meetings.officeId, cilacap.id), eq(meetings.kind, "open_quarterly"), eq(meetings.status, "selesai"))).get()!;
    const theirSheet = await attendanceSheet({ office: { id: cilacap.id, timeZone: "Asia/Jakarta" }, user: { id: 1 } } as Actor, theirs);
    expect(pdfText(theirSheet).join(" ")).toContain("B. Peserta rapat");
  });
});
