/**
 * Import of a national desa-level Model A-Rekap file (every desa/kelurahan of idn-area-data, one row
 * each) through the same path as the import page: readUpload → findHeader → guessMapping →
 * applyMapping → saveRecapRows (validation, then one transaction). Baseline in the same run: the
 * raw CSV parse (papaparse) of the same text. Aim: ≥ 50,000 rows/s and < 300 MB peak RSS.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import Papa from "papaparse";
import type { Actor } from "../app/auth/guard.server";
import { openDatabase, setDatabase } from "../app/db.server";
import { recapColumns } from "../app/domain/recap";
import { applyMapping, findHeader, guessMapping, readUpload } from "../app/lib/recap-file.server";
import { saveRecapRows, tmsCategoriesOf } from "../app/models/recap.server";
import { users } from "../db/schema";

const here = path.dirname(fileURLToPath(import.meta.url));
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (rows: number, ms: number) => Math.round((rows * 1000) / ms);

const CHILD_FLAG = "--recap-import-child";
const RESULT = "RECAP-IMPORT-RESULT ";

/**
 * Peak memory is the process's maxRSS, a high-water mark for the whole life of the process: the
 * import is measured in a process of its own, so the benchmarks run before it in `npm run bench`
 * do not count.
 */
export default async function run(): Promise<string[]> {
  const out = execFileSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), CHILD_FLAG], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = out.split("\n").find((l) => l.startsWith(RESULT));
  if (!line) throw new Error(`the import process printed no result:\n${out}`);
  return JSON.parse(line.slice(RESULT.length)) as string[];
}

if (process.argv.includes(CHILD_FLAG)) process.stdout.write(`\n${RESULT}${JSON.stringify(await measureImport())}\n`);

async function measureImport(): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pleno-bench-"));
  const file = path.join(dir, "bench.db");
  const csvFile = path.join(dir, "nasional-desa.csv");
  execFileSync(process.execPath, ["--import", "tsx", path.join(here, "support/reference-db.ts"), file, csvFile], { stdio: "inherit" });
  const database = openDatabase(file);
  try {
    setDatabase(database);
    const office = database.$client.prepare("select id, code, level, name, region_name, time_zone, city from offices where code = '00'").get() as {
      id: number;
      code: string;
      level: "ri";
      name: string;
    };
    const user = database.insert(users).values({ email: "bench@pleno.local", name: "Bench", passwordHash: "x" }).returning().get();
    const actor = {
      user: { id: user.id, name: user.name, email: user.email },
      office: { id: office.id, code: office.code, level: office.level, name: office.name },
      membership: { role: "secretariat" },
    } as unknown as Actor;

    const categories = tmsCategoriesOf(office.id).map((c) => ({ code: c.code, label: c.label }));
    const villages = database.get<{ n: number }>(sql`select count(*) as n from areas where level = 'village'`).n;
    const bytes = new Uint8Array(fs.readFileSync(csvFile));
    const rssBefore = process.memoryUsage().rss;
    if (process.env.BENCH_DEBUG) console.log("rss before import", mb(rssBefore));
    const t1 = performance.now();
    // The page's steps: read the upload, find the header, map the columns (the cells are then dropped).
    const raw = await (async () => {
      const grid = await readUpload(bytes);
      if ("refused" in grid) throw new Error(grid.refused);
      const header = findHeader(grid)!;
      return applyMapping(grid, header, guessMapping(recapColumns(categories), header));
    })();
    if (process.env.BENCH_DEBUG) console.log("mapped", performance.now() - t1, mb(process.memoryUsage().rss));
    const result = saveRecapRows(actor, { period: "2025-Q2", level: "desa", raw });
    const importMs = performance.now() - t1;
    // maxRSS is the process's high-water mark: read before the baseline parse allocates anything.
    const peakRss = process.resourceUsage().maxRSS * 1024;
    if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
    // Baseline: the raw CSV parse alone.
    const t0 = performance.now();
    const baseline = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data.length - 1;
    const parseMs = performance.now() - t0;

    const saved = database.get<{ n: number }>(sql`select count(*) as n from recap_rows where recap_id = ${result.recapId}`).n;
    if (saved !== villages || baseline !== villages) throw new Error(`saved ${saved} of ${villages}`);

    const importRate = rate(saved, importMs);
    const parseRate = rate(baseline, parseMs);
    return [
      `berkas: ${saved.toLocaleString("id-ID")} desa/kelurahan, ${mb(bytes.byteLength)} CSV`,
      `impor (baca, petakan, validasi, simpan dalam satu transaksi): ${(importMs / 1000).toFixed(2)} s = ${importRate.toLocaleString("id-ID")} baris/detik (target ≥ 50.000) ${importRate >= 50_000 ? "OK" : "DI BAWAH TARGET"}`,
      `baseline parse CSV saja: ${parseRate.toLocaleString("id-ID")} baris/detik; impor/baseline = ${(importRate / parseRate).toFixed(2)}`,
      `memori puncak (maxRSS proses sampai akhir impor): ${mb(peakRss)}, sebelum impor ${mb(rssBefore)} (target < 300 MB) ${peakRss < 300 * 1024 * 1024 ? "OK" : "DI ATAS TARGET"}`,
    ];
  } finally {
    setDatabase(undefined);
    database.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
