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
import { interleavedRounds, machineLine, pageLine } from "./support/load";

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
    const [base, ...pages] = await interleavedRounds(server.url, [
      { label: "/tentang (dasar)", path: "/tentang" },
      { label: "/berita-acara", path: "/berita-acara" },
      { label: "/berita-acara?periksa=1", path: "/berita-acara?periksa=1" },
      { label: "/verifikasi/:code", path: `/verifikasi/${code}` },
      { label: "/verifikasi/:code.pdf", path: `/verifikasi/${code}.pdf` },
    ]);
    lines.push("medians of 3 interleaved rounds of 5 s at 32 open connections (req/s of each round in brackets; ramp = p99 with the opening)");
    lines.push(pageLine(base, null));
    for (const r of pages) lines.push(pageLine(r, base));
  } finally {
    await server.stop();
  }
  const times = await sealTimes(4);
  const [first, ...rest] = times;
  rest.sort((a, b) => a - b);
  lines.push(`sealing one berita acara: first ${first.toFixed(0)} ms (includes generating the demo certificate), then median ${rest[Math.floor(rest.length / 2)].toFixed(0)} ms of ${rest.length}`);
  return lines;
}
