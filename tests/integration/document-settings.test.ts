import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { crc32, deflateSync } from "node:zlib";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/guard.server";
import { db } from "../../app/db.server";
import { checkLogo, pngDataComplete } from "../../app/models/document-settings.server";
import { attendanceSheet, invitationLetter } from "../../app/models/meeting-documents.server";
import { minutesPdf } from "../../app/models/minutes-document.server";
import { reserveNumber } from "../../app/models/register.server";
import { action, loader } from "../../app/routes/pengaturan.dokumen";
import { loader as logoLoader } from "../../app/routes/pengaturan.dokumen.logo";
import { officeByCode } from "../../db/factories";
import { invitations, meetings, officeLogos } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";
import { pdfFile, qpdfCheck } from "../helpers/pdf";

const FIXTURES = path.resolve("tests/fixtures");
const png = fs.readFileSync(path.join(FIXTURES, "logo.png"));
const jpg = fs.readFileSync(path.join(FIXTURES, "logo.jpg"));
const SECRETARIAT_A = "sekretariat1.jepara@pleno.demo";
const SECRETARIAT_B = "sekretariat1.cilacap@pleno.demo";

function upload(bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.append("intent", "logo");
  form.append("logo", new Blob([new Uint8Array(bytes)], { type }), name);
  return form;
}

/** A solid RGBA PNG written by hand, plain or Adam7-interlaced (each pass: rows of a filter byte and pixels). */
function makePng(width: number, height: number, interlace: boolean) {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, interlace ? 1 : 0], 8);
  const passes = interlace ? [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] : [[0, 0, 1, 1]];
  const rows: Buffer[] = [];
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((width - x0) / dx);
    const h = Math.ceil((height - y0) / dy);
    if (w > 0 && h > 0) for (let y = 0; y < h; y++) rows.push(Buffer.concat([Buffer.from([0]), Buffer.alloc(w * 4, 0x80)]));
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

/** The images poppler finds in a PDF: one line per image with its page and pixel size. */
function imagesOf(pdf: Buffer) {
  return execFileSync("pdfimages", ["-list", pdfFile(pdf)], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
}

function pageSize(pdf: Buffer) {
  const info = execFileSync("pdfinfo", [pdfFile(pdf)], { encoding: "utf8" });
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
  return [Math.round((Number(m[1]) * 25.4) / 72), Math.round((Number(m[2]) * 25.4) / 72)];
}

let jepara: { id: number };
let actor: Actor;
let meetingId: number;

beforeAll(() => {
  useTestDatabase();
  jepara = officeByCode(db(), "33.20");
  actor = { office: { id: jepara.id, timeZone: "Asia/Jakarta" }, user: { id: 1 } } as Actor;
  meetingId = db()
    .select()
    .from(meetings)
    .where(and(eq(meetings.officeId, jepara.id), eq(meetings.period, "2025-Q2"), eq(meetings.kind, "open_quarterly")))
    .get()!.id;
});

describe("office logo", () => {
  it("refuses what is not a PNG or JPG by its bytes, whatever its name says, and keeps no file", async () => {
    const cookie = cookieFor(SECRETARIAT_A);
    const fake = Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'></svg>");
    const res = await call(action, "/pengaturan/dokumen", { cookie, form: upload(fake, "logo.png", "image/png") });
    expect(res.status).toBe(415);
    expect((await bodyOf<{ errors: { logo: string } }>(res)).errors.logo).toBe("Berkas bukan gambar PNG atau JPG.");
    const truncated = png.subarray(0, 200);
    const res2 = await call(action, "/pengaturan/dokumen", { cookie, form: upload(truncated, "logo.png", "image/png") });
    expect(res2.status).toBe(415);
    expect((await bodyOf<{ errors: { logo: string } }>(res2)).errors.logo).toMatch(/PNG/);
    const empty = await call(action, "/pengaturan/dokumen", { cookie, form: { intent: "logo" } });
    expect(empty.status).toBe(400);
    expect(db().select().from(officeLogos).all()).toHaveLength(0);
  });

  it("refuses a file over 1 MB", async () => {
    const big = Buffer.concat([png, Buffer.alloc(1024 * 1024)]);
    const res = await call(action, "/pengaturan/dokumen", { cookie: cookieFor(SECRETARIAT_A), form: upload(big, "besar.png", "image/png") });
    expect(res.status).toBe(413);
    expect((await bodyOf<{ errors: { logo: string } }>(res)).errors.logo).toBe("Berkas logo lebih dari 1 MB.");
  });

  it("stores a JPG sent under a .png name as JPG, serves it to its own office only, and prints it in every kop", async () => {
    const cookie = cookieFor(SECRETARIAT_A);
    const res = await call(action, "/pengaturan/dokumen", { cookie, form: upload(jpg, "logo.png", "image/png") });
    expect(res.status).toBe(302);
    expect(decodeURIComponent(res.headers.get("Location")!)).toContain("240 × 260 piksel");
    const page = await bodyOf<{ logo: { type: string; width: number } }>(await call(loader, "/pengaturan/dokumen", { cookie }));
    expect(page.logo).toMatchObject({ type: "JPG", width: 240 });

    const image = await call(logoLoader, "/pengaturan/dokumen/logo", { cookie: cookieFor("ketua.jepara@pleno.demo") });
    expect(image.status).toBe(200);
    expect(image.headers.get("Content-Type")).toBe("image/jpeg");
    expect(Buffer.from(await image.arrayBuffer()).equals(jpg)).toBe(true);
    const etag = image.headers.get("ETag")!;
    const again = await call(logoLoader, "/pengaturan/dokumen/logo", { cookie, headers: { "If-None-Match": etag } });
    expect(again.status).toBe(304);
    expect((await call(logoLoader, "/pengaturan/dokumen/logo", { cookie: cookieFor(SECRETARIAT_B) })).status).toBe(404);

    const { pdf } = await minutesPdf(actor, meetingId, null);
    expect(imagesOf(pdf).some((l) => /\b240\s+260\b/.test(l))).toBe(true);
    expect(qpdfCheck(pdf)).toContain("No syntax or stream encoding errors found");
    const invitation = db().select().from(invitations).where(eq(invitations.meetingId, meetingId)).get()!;
    const letter = await invitationLetter(actor, meetingId, invitation.id);
    expect(imagesOf(letter.pdf).some((l) => /\b240\s+260\b/.test(l))).toBe(true);
    const meeting = db().select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
    const sheet = await attendanceSheet(actor, meeting);
    expect(imagesOf(sheet).some((l) => /\b240\s+260\b/.test(l))).toBe(true);
  });

  it("replaces the logo with a PNG (with transparency), then removes it", async () => {
    const cookie = cookieFor(SECRETARIAT_A);
    expect((await call(action, "/pengaturan/dokumen", { cookie, form: upload(png, "kop.png", "image/png") })).status).toBe(302);
    const row = db().select().from(officeLogos).where(eq(officeLogos.officeId, jepara.id)).get()!;
    expect(row.mediaType).toBe("image/png");
    const { pdf } = await minutesPdf(actor, meetingId, null);
    expect(qpdfCheck(pdf)).toContain("No syntax or stream encoding errors found");
    expect(imagesOf(pdf).some((l) => /\b240\s+260\b/.test(l))).toBe(true);

    expect((await call(action, "/pengaturan/dokumen", { cookie, form: { intent: "remove-logo" } })).status).toBe(302);
    expect(db().select().from(officeLogos).where(eq(officeLogos.officeId, jepara.id)).get()).toBeUndefined();
    expect(imagesOf((await minutesPdf(actor, meetingId, null)).pdf)).toHaveLength(0);
  });
});

describe("PNG pixel data is checked before pdfkit reads it", () => {
  it("accepts whole PNGs, plain and interlaced, and refuses one whose pixel data is cut or damaged", () => {
    expect(pngDataComplete(png)).toBe(true);
    expect(checkLogo(makePng(64, 48, false))).toMatchObject({ ok: true, width: 64, height: 48 });
    expect(checkLogo(makePng(61, 45, true))).toMatchObject({ ok: true, width: 61, height: 45 });
    // Same chunks and checksums, but the image data says it is one row short.
    const short = makePng(64, 48, false);
    short.writeUInt32BE(49, 20);
    expect(checkLogo(short)).toEqual({ ok: false, reason: "Berkas PNG rusak atau tidak dapat dibaca." });
    // Damaged compressed data inside an intact chunk structure.
    const damaged = Buffer.from(png);
    const idat = damaged.indexOf("IDAT", 0, "latin1");
    damaged.fill(0xff, idat + 10, idat + 60);
    expect(checkLogo(damaged)).toMatchObject({ ok: false });
  });

  it("a damaged PNG with transparency is refused by the upload and never reaches a document", async () => {
    const damaged = Buffer.from(png);
    const idat = damaged.indexOf("IDAT", 0, "latin1");
    damaged.fill(0x00, idat + 40, idat + 400);
    const res = await call(action, "/pengaturan/dokumen", { cookie: cookieFor(SECRETARIAT_A), form: upload(damaged, "logo.png", "image/png") });
    expect(res.status).toBe(415);
    expect(db().select().from(officeLogos).where(eq(officeLogos.officeId, jepara.id)).get()).toBeUndefined();
  });
});

describe("number format", () => {
  it("refuses unknown placeholders and a format without {nomor} or {tahun}, keeping what was typed; a good one numbers the next document", async () => {
    const cookie = cookieFor(SECRETARIAT_A);
    const page = await bodyOf<{ numbering: { numberFormat: string; example: string } }>(await call(loader, "/pengaturan/dokumen", { cookie }));
    expect(page.numbering.numberFormat).toBe("{nomor}/{klasifikasi}-{jenis}/{kode}/{satker}/{bulan}/{tahun}");
    expect(page.numbering.example).toMatch(/^06\/PL\.01\.2-BA\/3320\/KPU-Kab\/[IVX]+\/\d{4}$/);

    type Refusal = { errors: Record<string, string>; values: Record<string, string> };
    const refuse = async (numberFormat: string, classification = "PL.01.2") => {
      const res = await call(action, "/pengaturan/dokumen", { cookie, form: { intent: "numbering", numberFormat, classification } });
      expect(res.status).toBe(400);
      return bodyOf<Refusal>(res);
    };
    const unknown = await refuse("{nomor}/{kelas}/{tahun}");
    expect(unknown.errors.numberFormat).toMatch(/^Penanda \{kelas\} tidak dikenal\./);
    expect(unknown.values.numberFormat).toBe("{nomor}/{kelas}/{tahun}");
    expect((await refuse("BA/{kode}/{tahun}")).errors.numberFormat).toBe("Format nomor harus memuat {nomor} (nomor urut register).");
    expect((await refuse("{nomor}/BA/{kode}")).errors.numberFormat).toMatch(/harus memuat \{tahun\}/);
    expect((await refuse("{nomor}/{tahun}", "PL/01")).errors.classification).toMatch(/^Kode klasifikasi hanya huruf/);
    expect((await refuse("", "")).errors).toEqual({ numberFormat: "Format nomor wajib diisi.", classification: "Kode klasifikasi wajib diisi." });

    const ok = await call(action, "/pengaturan/dokumen", { cookie, form: { intent: "numbering", numberFormat: "{nomor}/{klasifikasi}/{jenis}/{kode}/{tahun}", classification: "PL.02" } });
    expect(ok.status).toBe(302);
    const { number } = reserveNumber({ officeId: jepara.id, docType: "BA", issuedAt: new Date("2030-03-05T03:00:00Z"), documentRef: "test:format" });
    expect(number).toBe("01/PL.02/BA/3320/2030");
    // Another office keeps the default.
    const theirs = await bodyOf<{ numbering: { numberFormat: string } }>(await call(loader, "/pengaturan/dokumen", { cookie: cookieFor(SECRETARIAT_B) }));
    expect(theirs.numbering.numberFormat).toBe("{nomor}/{klasifikasi}-{jenis}/{kode}/{satker}/{bulan}/{tahun}");
  });
});

describe("paper size", () => {
  it("prints A4 by default and F4 (215 × 330 mm) once the office chooses it, for every document", async () => {
    expect(pageSize((await minutesPdf(actor, meetingId, null)).pdf)).toEqual([210, 297]);
    const cookie = cookieFor(SECRETARIAT_A);
    const bad = await call(action, "/pengaturan/dokumen", { cookie, form: { intent: "paper", paper: "A3" } });
    expect(bad.status).toBe(400);
    expect((await bodyOf<{ errors: { paper: string } }>(bad)).errors.paper).toBe("Pilih ukuran kertas A4 atau F4.");
    expect((await call(action, "/pengaturan/dokumen", { cookie, form: { intent: "paper", paper: "F4" } })).status).toBe(302);
    expect(pageSize((await minutesPdf(actor, meetingId, null)).pdf)).toEqual([215, 330]);
    const invitation = db().select().from(invitations).where(eq(invitations.meetingId, meetingId)).get()!;
    expect(pageSize((await invitationLetter(actor, meetingId, invitation.id)).pdf)).toEqual([215, 330]);
    const meeting = db().select().from(meetings).where(eq(meetings.id, meetingId)).get()!;
    expect(pageSize(await attendanceSheet(actor, meeting))).toEqual([215, 330]);
    // Another office keeps its own setting.
    const cilacap = officeByCode(db(), "33.01");
    const other = await call(loader, "/pengaturan/dokumen", { cookie: cookieFor(SECRETARIAT_B) });
    expect((await bodyOf<{ paper: string }>(other)).paper).toBe("A4");
    expect(cilacap.id).not.toBe(jepara.id);
  });
});
