/**
 * The feedback form (/tanggapan/:token) against the bare /tentang route of the same build:
 * - the JavaScript a browser downloads (every script and modulepreload of the page), raw and gzipped;
 * - the HTML document, raw and gzipped;
 * - requests per second at 32 connections: GET of the page, POST of a good form (302 to the
 *   receipt) and of a bad form (400 with the messages), each against GET /tentang.
 * The invitation is of the seeded office with the most desa (the largest location lists).
 */
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { makeLinkToken } from "../app/auth/link-token.server";
import setup from "../tests/helpers/global-setup";
import { startServer } from "../tests/helpers/server";
import { pageScripts } from "./page-bytes";

const gz = (b: Buffer) => gzipSync(b, { level: 9 }).length;

async function documentBytes(url: string) {
  const body = Buffer.from(await (await fetch(url)).arrayBuffer());
  return { raw: body.length, gz: gz(body) };
}

async function rps(url: string, expect: number, init: Pick<autocannon.Options, "method" | "body" | "headers"> = {}) {
  const result = await autocannon({ url, connections: 32, duration: 5, pipelining: 1, ...init });
  const counts = result as unknown as Record<string, number>;
  const other = result.requests.total - (counts[`${String(expect)[0]}xx`] ?? 0);
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.timeouts + other };
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

export default async function feedbackBench(): Promise<string[]> {
  await setup();
  const server = await startServer({ TOKEN_RATE_LIMIT: "100000000" });
  try {
    const inv = openInvitation(server.dbFile);
    const token = makeLinkToken("feedback", inv.id, inv.link_version, "pleno-demo-secret-do-not-use-in-production-0000");
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

    await rps(bare, 200); // warm-up
    const a = await rps(bare, 200);
    const b = await rps(form, 200);
    const c = await rps(form, 302, post(fields("12")));
    const d = await rps(form, 400, post(fields("-1")));
    const errors = a.errors + b.errors + c.errors + d.errors;
    return [
      `office ${inv.code}; JavaScript = every script and modulepreload of the page`,
      `JavaScript gzip: /tentang ${jsBare.gz} B in ${jsBare.files} files; /tanggapan ${jsForm.gz} B in ${jsForm.files} files; ratio ${ratio(jsForm.gz, jsBare.gz)} (aim ≤ 1.30)`,
      `JavaScript raw:  /tentang ${jsBare.raw} B; /tanggapan ${jsForm.raw} B; ratio ${ratio(jsForm.raw, jsBare.raw)}`,
      `HTML: /tentang ${htmlBare.raw} B (gzip ${htmlBare.gz} B); /tanggapan ${htmlForm.raw} B (gzip ${htmlForm.gz} B)`,
      `requests/s at 32 connections, GET /tentang ${a.rps.toFixed(0)} (p99 ${a.p99} ms) against:`,
      `  GET  /tanggapan ${b.rps.toFixed(0)} (p99 ${b.p99} ms); ratio ${ratio(b.rps, a.rps)} (aim ≥ 0.50)`,
      `  POST /tanggapan, good form, 302: ${c.rps.toFixed(0)} (p99 ${c.p99} ms); ratio ${ratio(c.rps, a.rps)}`,
      `  POST /tanggapan, bad form, 400:  ${d.rps.toFixed(0)} (p99 ${d.p99} ms); ratio ${ratio(d.rps, a.rps)}`,
      `unexpected answers or errors: ${errors}`,
    ];
  } finally {
    await server.stop();
  }
}
