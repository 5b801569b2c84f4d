/**
 * The public register and verification pages under 32 connections against the bare /tentang route
 * of the same server, and the time to seal one berita acara (render, signature page with QR code,
 * PDF signature, publication) in process.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import setup from "../tests/helpers/global-setup";
import { TEMPLATE_DB, TMP } from "../tests/helpers/paths";
import { startServer } from "../tests/helpers/server";
import { drive, machineLine } from "./support/load";

const measure = (url: string, duration = 5) => drive({ url, duration });

async function sealTimes(runs: number): Promise<number[]> {
  process.env.DATA_DIR = path.join(TMP, `bench-signing-${randomUUID()}`);
  const file = path.join(TMP, `bench-signing-${randomUUID()}.db`);
  fs.copyFileSync(TEMPLATE_DB, file);
  const { openDatabase } = await import("../app/db.server");
  const { seedSigning } = await import("../db/seed-signing");
  const database = openDatabase(file);
  const times: number[] = [];
  try {
    // Each run seals the office's latest coordination berita acara not yet sealed.
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await seedSigning(database, ["33.20"]);
      times.push(performance.now() - started);
    }
  } finally {
    database.$client.close();
  }
  return times;
}

export default async function signingBench(): Promise<string[]> {
  await setup();
  const workers = os.availableParallelism();
  const server = await startServer({ TOKEN_RATE_LIMIT: "100000000", PLENO_WORKERS: String(workers) });
  const lines: string[] = [machineLine(workers)];
  try {
    const db = new Database(server.dbFile, { readonly: true });
    const code = (db.prepare("select code from publications order by id limit 1").get() as { code: string }).code;
    db.close();
    const pages: [string, string][] = [
      ["/berita-acara", "/berita-acara"],
      ["/berita-acara?periksa=1", "/berita-acara?periksa=1"],
      ["/verifikasi/:code", `/verifikasi/${code}`],
      ["/verifikasi/:code.pdf", `/verifikasi/${code}.pdf`],
    ];
    await measure(`${server.url}/tentang`); // warm-up
    const base = await measure(`${server.url}/tentang`);
    lines.push(`${"/tentang (dasar)".padEnd(24)} ${base.rps.toFixed(0).padStart(5)} req/s  p99 ${String(base.p99).padStart(4)} ms (ramp ${base.p99WithRamp})  ratio 1.00`);
    for (const [label, p] of pages) {
      await measure(`${server.url}${p}`, 2); // warm-up, as the bare route had
      const r = await measure(`${server.url}${p}`);
      lines.push(`${label.padEnd(24)} ${r.rps.toFixed(0).padStart(5)} req/s  p99 ${String(r.p99).padStart(4)} ms (ramp ${r.p99WithRamp})  ratio ${(r.rps / base.rps).toFixed(2)}  bad ${r.bad}`);
    }
  } finally {
    await server.stop();
  }
  const times = await sealTimes(4);
  const [first, ...rest] = times;
  rest.sort((a, b) => a - b);
  lines.push(`sealing one berita acara: first ${first.toFixed(0)} ms (includes generating the demo certificate), then median ${rest[Math.floor(rest.length / 2)].toFixed(0)} ms of ${rest.length}`);
  return lines;
}
