/**
 * Import of a national desa-level Model A-Rekap file (every desa/kelurahan of idn-area-data, one row
 * each) through the same path as the import page: readUpload → findHeader → guessMapping →
 * applyMapping → saveRecapRows (validation, then one transaction). Baseline in the same run: the
 * raw CSV parse (papaparse) of the same text. Aim: ≥ 50,000 rows/s and < 300 MB peak RSS.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import Papa from "papaparse";
import type { Actor } from "../app/auth/guard.server";
import { openDatabase, setDatabase } from "../app/db.server";
import { recapColumns } from "../app/domain/recap";
import { DEFAULT_TMS_CATEGORIES } from "../app/domain/tms-categories";
import { applyMapping, findHeader, guessMapping, readUpload } from "../app/lib/recap-file.server";
import { officeAreas, saveRecapRows, tmsCategoriesOf } from "../app/models/recap.server";
import { applyMigrations } from "../db/migrate";
import { loadReferenceData } from "../db/reference";
import { users } from "../db/schema";

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const rate = (rows: number, ms: number) => Math.round((rows * 1000) / ms);

export default async function run(): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pleno-bench-"));
  const database = openDatabase(path.join(dir, "bench.db"));
  try {
    setDatabase(database);
    applyMigrations(database);
    await loadReferenceData(database);
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
    const columns = recapColumns(categories).filter((c) => !c.optional || c.key === "dpb.lp");
    const villages = officeAreas(office, "desa");
    const lines = [["Kode", ...columns.slice(1).map((c) => c.label)].join(",")];
    villages.forEach((v, i) => {
      const prevL = 800 + ((i * 37) % 2400);
      const prevP = 790 + ((i * 53) % 2400);
      const cells: Record<string, number | string> = {
        "previous.l": prevL,
        "previous.p": prevP,
        "newVoters.l": i % 7,
        "newVoters.p": i % 5,
        "corrections.l": i % 4,
        "corrections.p": i % 3,
        "tms.1.l": i % 3,
        "tms.1.p": i % 2,
        "tms.2.l": i % 2,
      };
      const dpb = prevL + prevP + (i % 7) + (i % 5) - (i % 3) - (i % 2) - (i % 2);
      lines.push([v.code, ...columns.slice(1).map((c) => (c.key === "dpb.lp" ? dpb : (cells[c.key] ?? "")))].join(","));
    });
    const bytes = new TextEncoder().encode(lines.join("\n"));
    if (DEFAULT_TMS_CATEGORIES.length < 10) throw new Error("categories missing");

    // Baseline: the raw CSV parse alone.
    const t0 = performance.now();
    const baseline = Papa.parse<string[]>(new TextDecoder().decode(bytes), { skipEmptyLines: true }).data.length - 1;
    const parseMs = performance.now() - t0;

    const rssBefore = process.memoryUsage().rss;
    let peakRss = rssBefore;
    const sample = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
    const t1 = performance.now();
    const grid = await readUpload(bytes);
    if ("refused" in grid) throw new Error(grid.refused);
    const header = findHeader(grid)!;
    const raw = applyMapping(grid, header, guessMapping(recapColumns(categories), header));
    const result = saveRecapRows(actor, { period: "2025-Q2", level: "desa", raw });
    const importMs = performance.now() - t1;
    clearInterval(sample);
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
    const saved = database.get<{ n: number }>(sql`select count(*) as n from recap_rows where recap_id = ${result.recapId}`).n;
    if (saved !== villages.length || baseline !== villages.length) throw new Error(`saved ${saved} of ${villages.length}`);

    const importRate = rate(saved, importMs);
    const parseRate = rate(baseline, parseMs);
    const maxRssKb = process.resourceUsage().maxRSS;
    return [
      `berkas: ${saved.toLocaleString("id-ID")} desa/kelurahan, ${mb(bytes.byteLength)} CSV`,
      `impor (baca, petakan, validasi, simpan dalam satu transaksi): ${(importMs / 1000).toFixed(2)} s = ${importRate.toLocaleString("id-ID")} baris/detik (target ≥ 50.000) ${importRate >= 50_000 ? "OK" : "DI BAWAH TARGET"}`,
      `baseline parse CSV saja: ${parseRate.toLocaleString("id-ID")} baris/detik; impor/baseline = ${(importRate / parseRate).toFixed(2)}`,
      `memori puncak: RSS ${mb(peakRss)} selama impor, maxRSS proses ${mb(maxRssKb * 1024)} (target < 300 MB) ${maxRssKb * 1024 < 300 * 1024 * 1024 ? "OK" : "DI ATAS TARGET"}`,
    ];
  } finally {
    setDatabase(undefined);
    database.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
