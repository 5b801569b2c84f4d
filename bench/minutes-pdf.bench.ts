/**
 * The berita acara of the largest demo office: KPU Kabupaten Tangerang's Triwulan IV 2025 pleno,
 * its recap also kept per desa (29 kecamatan, 274 desa in the lampiran) and 40 feedback points with
 * the KPU's answers (tests/helpers/minutes-fixture.ts). Timed from the data to the finished PDF
 * (queries, template, layout, fonts embedded, PDF/A), against a floor measured in the same run:
 * pdfkit writing the same text, one string per line at fixed positions with the same embedded font,
 * no wrapping, no tables. Aim: under 5× the floor.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import PDFDocument from "pdfkit";
import type { Actor } from "../app/auth/guard.server";
import { openDatabase, setDatabase } from "../app/db.server";
import { minutesBlocks, minutesPdf } from "../app/models/minutes-document.server";
import { fontData } from "../app/pdf/fonts.server";
import { officeByCode } from "../db/factories";
import { meetings } from "../db/schema";
import setup from "../tests/helpers/global-setup";
import { addFeedbackPoints, addVillageRecap } from "../tests/helpers/minutes-fixture";
import { TEMPLATE_DB } from "../tests/helpers/paths";
import { median } from "./support/stats";

const RUNS = 9;

async function time(fn: () => Promise<unknown>) {
  await fn(); // warm-up: fonts read, code compiled
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

/** Every string the berita acara prints, in order: the texts of its blocks and the cells of its tables. */
function textOf(document: ReturnType<typeof minutesBlocks>): string[] {
  const lines: string[] = [...document.kop];
  for (const b of document.blocks) {
    if ("text" in b) lines.push(b.text);
    else if (b.kind === "lines") lines.push(...b.lines);
    else if (b.kind === "fields") lines.push(...b.rows.map(([k, v]) => `${k} : ${v}`));
    else if (b.kind === "list") for (const item of b.items) lines.push(item.text, ...item.sub);
    else if (b.kind === "table") {
      const t = document.tables[b.name];
      if (t) lines.push(t.columns.map((c) => c.header).join(" "), ...t.rows.flat());
    }
  }
  return lines;
}

/** The floor: the same strings written by pdfkit with the same embedded font, one per line, no layout. */
function plainPdf(lines: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50, subset: "PDF/A-2b", pdfVersion: "1.7", font: fontData("regular") as unknown as string });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));
  doc.fontSize(9);
  lines.forEach((line, i) => {
    if (i > 0 && i % 60 === 0) doc.addPage();
    doc.text(line, 50, 50 + (i % 60) * 12, { lineBreak: false });
  });
  doc.end();
  return done;
}

export default async function minutesPdfBench(): Promise<string[]> {
  await setup();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pleno-bench-"));
  const file = path.join(dir, "minutes.db");
  fs.copyFileSync(TEMPLATE_DB, file);
  const database = openDatabase(file);
  try {
    setDatabase(database);
    const office = officeByCode(database, "36.03");
    const meeting = database
      .select()
      .from(meetings)
      .where(and(eq(meetings.officeId, office.id), eq(meetings.period, "2025-Q4"), eq(meetings.kind, "open_quarterly")))
      .get()!;
    const desa = addVillageRecap(database, meeting.id);
    addFeedbackPoints(database, meeting.id, 40);
    const actor = { office: { id: office.id, timeZone: office.timeZone }, user: { id: 1 } } as Actor;
    const number = "07/PL.01.2-BA/3603/KPU-Kab/I/2026";

    let pdf: Buffer<ArrayBufferLike> = Buffer.alloc(0);
    const rendered = await time(async () => {
      pdf = (await minutesPdf(actor, meeting.id, number)).pdf;
    });
    const lines = textOf(minutesBlocks(actor, meeting.id, number));
    let plain: Buffer<ArrayBufferLike> = Buffer.alloc(0);
    const floor = await time(async () => {
      plain = await plainPdf(lines);
    });
    const pages = (pdf.toString("latin1").match(/\/Type \/Page\b/g) ?? []).length;
    const chars = lines.reduce((s, l) => s + l.length, 0);
    return [
      `berita acara Tangerang Triwulan IV 2025 (${desa} desa, 40 tanggapan): ${pages} halaman, ${Math.round(pdf.length / 1024)} KB, median ${rendered.toFixed(0)} ms of ${RUNS}`,
      `floor, pdfkit writing the same ${lines.length} strings (${chars.toLocaleString("id-ID")} characters) with no layout: ${Math.round(plain.length / 1024)} KB, median ${floor.toFixed(0)} ms`,
      `ratio ${(rendered / floor).toFixed(2)} (aim < 5)`,
    ];
  } finally {
    database.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
