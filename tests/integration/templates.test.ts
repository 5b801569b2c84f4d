import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/guard.server";
import { db } from "../../app/db.server";
import { minutesBlocks } from "../../app/models/minutes-document.server";
import { action, loader } from "../../app/routes/berita-acara.templat";
import { officeByCode } from "../../db/factories";
import { meetings } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";

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
