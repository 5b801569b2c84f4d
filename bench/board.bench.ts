/**
 * The benchmark board and the progress monitor with every kabupaten/kota (514) holding five years of
 * quarterly figures for the board's eight computed metrics, against the bare /tentang route of the
 * same server in the same run (32 connections, 5 s each). Aim: at least 30 % of the bare route.
 */
import os from "node:os";
import Database from "better-sqlite3";
import { periodEnd } from "../app/domain/metrics";
import setup from "../tests/helpers/global-setup";
import { signInAt } from "../tests/helpers/load";
import { startServer } from "../tests/helpers/server";
import { interleavedRounds, machineLine, mainPageAim, pageLine } from "./support/load";

const METRICS = ["dpb", "new_voter_rate", "tms_rate", "duplicate_rate", "timeliness", "sealed_within_7_days", "feedback_answered", "data_partners_per_quarter"];
const QUARTERS = [2021, 2022, 2023, 2024, 2025].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));

export default async function boardBench(): Promise<string[]> {
  await setup();
  const workers = os.availableParallelism();
  const server = await startServer({ PLENO_WORKERS: String(workers) });
  const lines: string[] = [machineLine(workers)];
  try {
    const db = new Database(server.dbFile);
    const offices = db.prepare("select id, code from offices where level = 'kabkota'").all() as { id: number; code: string }[];
    const insert = db.prepare(
      `insert or ignore into office_metrics (office_id, period, period_end, metric, value, source, origin, imported_at)
       values (?, ?, ?, ?, ?, 'Data uji beban', 'imported', ?)`,
    );
    let seeded = 0;
    db.transaction(() => {
      for (const o of offices) {
        const size = 150_000 + ((o.id * 7919) % 1_800_000);
        QUARTERS.forEach((period, i) => {
          const values: Record<string, number> = {
            dpb: size + i * 1_000,
            new_voter_rate: 0.004 + ((o.id + i) % 9) / 1000,
            tms_rate: 0.002 + ((o.id * 3 + i) % 7) / 1000,
            duplicate_rate: 0.0005 + ((o.id * 5 + i) % 11) / 2000,
            timeliness: ((o.id + i) % 5) / 4,
            sealed_within_7_days: ((o.id + 2 * i) % 5) / 4,
            feedback_answered: ((o.id + 3 * i) % 5) / 4,
            data_partners_per_quarter: (o.id + i) % 12,
          };
          for (const metric of METRICS) seeded += insert.run(o.id, period, periodEnd(period), metric, values[metric], Date.now()).changes;
        });
      }
    })();
    const total = (db.prepare("select count(*) n from office_metrics").get() as { n: number }).n;
    db.close();
    lines.push(`${offices.length} kabupaten/kota × ${QUARTERS.length} triwulan × ${METRICS.length} metrik: ${seeded} angka ditambahkan, ${total} angka di papan`);

    const admin = await signInAt(server.url, "admin@pleno.demo");
    const jepara = await signInAt(server.url, "sekretariat1.jepara@pleno.demo");
    const figures = await interleavedRounds(server.url, [
      { label: "/tentang (dasar)", path: "/tentang" },
      { label: "/papan (publik)", path: "/papan?metrik=duplicate_rate&periode=2025-Q2" },
      { label: "/papan + banding", path: "/papan?metrik=dpb&periode=2025-Q4&banding=33.20&banding=33.01&banding=36.03", headers: { cookie: jepara } },
      { label: "/papan/pemantauan RI", path: "/papan/pemantauan", headers: { cookie: admin } },
      { label: "/praktik-baik?q=", path: "/praktik-baik?q=koordinasi%20data" },
    ]);
    const [base, ...pages] = figures;
    lines.push("medians of 3 interleaved rounds of 5 s at 32 open connections, after 1.5 s to open them (req/s of each round in brackets; ramp = p99 with the opening)");
    lines.push(pageLine(base, null));
    // The board's own target (issue #8) and, for the board and the library search, issue #9's aim for main pages.
    for (const r of pages) {
      const ratio = r.rps / base.rps;
      const nine = r.label === "/papan/pemantauan RI" ? "" : `  ${mainPageAim(r, base)}`;
      lines.push(`${pageLine(r, base)}  target ≥ 0.30: ${ratio >= 0.3 ? "OK" : "BELOW"}${nine}`);
    }
    return lines;
  } finally {
    await server.stop();
  }
}
