/**
 * The benchmark board and the progress monitor with every kabupaten/kota (514) holding five years of
 * quarterly figures for the board's eight computed metrics, against the bare /tentang route of the
 * same server in the same run (32 connections, 5 s each). Aim: at least 30 % of the bare route.
 */
import os from "node:os";
import Database from "better-sqlite3";
import { periodEnd } from "../app/domain/metrics";
import { DEMO_PASSWORD } from "../db/seed";
import setup from "../tests/helpers/global-setup";
import { startServer } from "../tests/helpers/server";
import { drive, machineLine, type LoadFigures } from "./support/load";
import { median } from "./support/stats";

const METRICS = ["dpb", "new_voter_rate", "tms_rate", "duplicate_rate", "timeliness", "sealed_within_7_days", "feedback_answered", "data_partners_per_quarter"];
const QUARTERS = [2021, 2022, 2023, 2024, 2025].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));

const measure = (url: string, headers: Record<string, string> = {}, duration = 5) => drive({ url, headers, duration });

async function signIn(url: string, email: string) {
  const res = await fetch(`${url}/masuk`, {
    method: "POST",
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    headers: { Origin: url },
    redirect: "manual",
  });
  const cookie = res.headers.get("set-cookie");
  if (!cookie) throw new Error(`sign-in failed for ${email}`);
  return cookie.split(";")[0];
}

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

    const admin = await signIn(server.url, "admin@pleno.demo");
    const jepara = await signIn(server.url, "sekretariat1.jepara@pleno.demo");
    const pages: [string, string, Record<string, string>][] = [
      ["/papan (publik)", "/papan?metrik=duplicate_rate&periode=2025-Q2", {}],
      ["/papan + banding", "/papan?metrik=dpb&periode=2025-Q4&banding=33.20&banding=33.01&banding=36.03", { cookie: jepara }],
      ["/papan/pemantauan RI", "/papan/pemantauan", { cookie: admin }],
      ["/praktik-baik?q=", "/praktik-baik?q=koordinasi%20data", {}],
    ];
    // Every page, the bare route included, is warmed up, then measured in three interleaved rounds;
    // each figure is the median of its rounds (a drift of the machine weighs on all pages alike).
    const all: [string, string, Record<string, string>][] = [["/tentang (dasar)", "/tentang", {}], ...pages];
    for (const [, path, headers] of all) await measure(`${server.url}${path}`, headers, 2);
    const runs = all.map(() => [] as LoadFigures[]);
    for (let round = 0; round < 3; round++) for (const [i, [, path, headers]] of all.entries()) runs[i].push(await measure(`${server.url}${path}`, headers));
    const summary = runs.map((rs) => ({
      rps: median(rs.map((r) => r.rps)),
      p99: median(rs.map((r) => r.p99)),
      p99WithRamp: median(rs.map((r) => r.p99WithRamp)),
      bad: rs.reduce((n, r) => n + r.bad, 0),
      spread: rs.map((r) => r.rps.toFixed(0)).join("/"),
    }));
    const base = summary[0];
    lines.push("medians of 3 interleaved rounds of 5 s at 32 open connections, after 1.5 s to open them (req/s of each round in brackets; ramp = p99 with the opening)");
    lines.push(`${"/tentang (dasar)".padEnd(24)} ${base.rps.toFixed(0).padStart(5)} req/s [${base.spread}]  p99 ${String(base.p99).padStart(4)} ms (ramp ${base.p99WithRamp})`);
    for (const [i, [label]] of pages.entries()) {
      const r = summary[i + 1];
      const ratio = r.rps / base.rps;
      lines.push(
        `${label.padEnd(24)} ${r.rps.toFixed(0).padStart(5)} req/s [${r.spread}]  p99 ${String(r.p99).padStart(4)} ms (ramp ${r.p99WithRamp})  ratio ${ratio.toFixed(2)} (target ≥ 0.30${ratio >= 0.3 ? ", OK" : ", BELOW"})  bad ${r.bad}`,
      );
    }
    return lines;
  } finally {
    await server.stop();
  }
}
