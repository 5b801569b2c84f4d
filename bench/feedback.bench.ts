/**
 * The feedback form (/tanggapan/:token) against the bare /tentang route of the same build:
 * - the JavaScript a browser downloads (every script and modulepreload of the page), raw and gzipped;
 * - the HTML document, raw and gzipped;
 * - requests per second at 32 connections: GET of the page, POST of a good form (302 to the
 *   receipt) and of a bad form (400 with the messages), each against GET /tentang;
 * - the server's CPU time per request of each, which other work on the machine hardly moves
 *   (its ratio is the throughput ratio of a server that has the CPU to itself).
 * The invitation is of the seeded office with the most desa (the largest location lists).
 */
import os from "node:os";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { makeLinkToken } from "../app/auth/link-token.server";
import setup from "../tests/helpers/global-setup";
import { DEMO_SECRET } from "../tests/helpers/load";
import { startServer } from "../tests/helpers/server";
import { pageScripts } from "./page-bytes";
import { drive, machineLine } from "./support/load";
import { median } from "./support/stats";

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

async function documentBytes(url: string) {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  return { raw: body.length, gz: gz(body) };
}

/** What a measured request sends besides its address. */
type Sent = { method?: "GET" | "POST"; body?: string; headers?: Record<string, string> };

/** The server's CPU time per request, after a warm-up, at 4 connections. */
async function cpuPerRequest(server: { cpuMs: () => number }, url: string, expect: number, init: Sent = {}) {
  await autocannon({ url, connections: 4, amount: 200, ...init });
  const before = server.cpuMs();
  const result = await autocannon({ url, connections: 4, amount: 800, ...init });
  const counts = result as unknown as Record<string, number>;
  if (counts[`${String(expect)[0]}xx`] !== result.requests.total) throw new Error(`${url}: not every answer was ${expect}`);
  return (server.cpuMs() - before) / result.requests.total;
}

/** Requests per second and steady-state p99 at 32 open connections; answers of another class than `expect` count as errors. */
async function rps(url: string, expect: number, init: Sent = {}) {
  const r = await drive({ url, duration: 3, ...init, expected: (status) => Math.floor(status / 100) === Math.floor(expect / 100) });
  return { rps: r.rps, p99: r.p99, errors: r.bad };
}

/** The invitation of the office with the most desa, with its feedback window open for a day. */
function openInvitation(dbFile: string) {
  const db = new Database(dbFile);
  try {
    const inv = db
      .prepare(
        `select i.id, i.link_version, o.code from invitations i join meetings m on m.id = i.meeting_id join offices o on o.id = m.office_id
         order by (select count(*) from areas v join areas d on v.parent_code = d.code where d.parent_code = o.code) desc, i.id limit 1`,
      )
      .get() as { id: number; link_version: number; code: string };
    db.prepare("insert or replace into feedback_windows (meeting_id, deadline, show_recap) select meeting_id, ?, 1 from invitations where id = ?").run(Date.now() + 86_400_000, inv.id);
    const district = db.prepare("select code from areas where parent_code = ? order by code limit 1").get(inv.code) as { code: string };
    const village = db.prepare("select code from areas where parent_code = ? order by code limit 1").get(district.code) as { code: string };
    return { ...inv, district: district.code, village: village.code };
  } finally {
    db.close();
  }
}

const ratio = (a: number, b: number) => (a / b).toFixed(2);
const ROUNDS = 3;
type Kind = "bare" | "get" | "good" | "bad";

export default async function feedbackBench(): Promise<string[]> {
  await setup();
  // Pleno as `npm start` runs it: one process per core.
  const workers = os.availableParallelism();
  const server = await startServer({ TOKEN_RATE_LIMIT: "100000000", PLENO_WORKERS: String(workers) });
  try {
    const inv = openInvitation(server.dbFile);
    const token = makeLinkToken("feedback", inv.id, inv.link_version, DEMO_SECRET);
    const bare = `${server.url}/tentang`;
    const form = `${server.url}/tanggapan/${token}`;
    if ((await fetch(form)).status !== 200) throw new Error("feedback page did not answer 200");
    const [jsBare, jsForm] = [await pageScripts(bare), await pageScripts(form)];
    const [htmlBare, htmlForm] = [await documentBytes(bare), await documentBytes(form)];

    const fields = (voters: string) =>
      new URLSearchParams({
        responderName: "Arif Wicaksono",
        responderPosition: "Staf",
        stance: "setuju_dengan_catatan",
        "points.0.category": "ganda",
        "points.0.districtCode": inv.district,
        "points.0.villageCode": inv.village,
        "points.0.voters": voters,
        "points.0.description": "Dua belas pemilih ganda.",
        intent: "save",
      }).toString();
    const post = (body: string) => ({ method: "POST" as const, body, headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url } });
    const saved = await fetch(form, { ...post(fields("12")), redirect: "manual" });
    if (saved.status !== 302) throw new Error(`a good form was not saved (${saved.status})`);

    // Other work on the machine shifts every figure, so each round measures the bare route and the
    // page one after the other, and the ratios are the medians of the rounds' ratios.
    await rps(bare, 200); // warm-up
    const rounds: Record<Kind, Awaited<ReturnType<typeof rps>>>[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      rounds.push({ bare: await rps(bare, 200), get: await rps(form, 200), good: await rps(form, 302, post(fields("12"))), bad: await rps(form, 400, post(fields("-1"))) });
    }
    const med = (k: Kind) => median(rounds.map((r) => r[k].rps)).toFixed(0);
    const rel = (k: Kind) => median(rounds.map((r) => r[k].rps / r.bare.rps)).toFixed(2);
    const p99 = (k: Kind) => median(rounds.map((r) => r[k].p99));
    const cpu = {
      bare: await cpuPerRequest(server, bare, 200),
      get: await cpuPerRequest(server, form, 200),
      good: await cpuPerRequest(server, form, 302, post(fields("12"))),
      bad: await cpuPerRequest(server, form, 400, post(fields("-1"))),
    };
    const perCpu = (k: Kind) => `${cpu[k].toFixed(2)} ms (ratio ${ratio(cpu.bare, cpu[k])})`;
    const errors = rounds.reduce((n, r) => n + r.bare.errors + r.get.errors + r.good.errors + r.bad.errors, 0);
    return [
      machineLine(workers),
      `office ${inv.code}; JavaScript = every script and modulepreload of the page`,
      `JavaScript gzip: /tentang ${jsBare.gz} B in ${jsBare.files} files; /tanggapan ${jsForm.gz} B in ${jsForm.files} files; ratio ${ratio(jsForm.gz, jsBare.gz)} (aim ≤ 1.30)`,
      `JavaScript raw:  /tentang ${jsBare.raw} B; /tanggapan ${jsForm.raw} B; ratio ${ratio(jsForm.raw, jsBare.raw)}`,
      `HTML: /tentang ${htmlBare.raw} B (gzip ${htmlBare.gz} B); /tanggapan ${htmlForm.raw} B (gzip ${htmlForm.gz} B)`,
      `requests/s at 32 open connections, steady state (median of ${ROUNDS} rounds), GET /tentang ${med("bare")} (p99 ${p99("bare")} ms) against:`,
      `  GET  /tanggapan ${med("get")} (p99 ${p99("get")} ms); ratio ${rel("get")} (aim ≥ 0.50)`,
      `  POST /tanggapan, good form, 302: ${med("good")} (p99 ${p99("good")} ms); ratio ${rel("good")}`,
      `  POST /tanggapan, bad form, 400:  ${med("bad")} (p99 ${p99("bad")} ms); ratio ${rel("bad")}`,
      `server CPU per request: GET /tentang ${cpu.bare.toFixed(2)} ms; GET /tanggapan ${perCpu("get")}; POST good ${perCpu("good")}; POST bad ${perCpu("bad")}`,
      `unexpected answers or errors: ${errors}`,
    ];
  } finally {
    await server.stop();
  }
}
