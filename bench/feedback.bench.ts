/**
 * The feedback form (/tanggapan/:token) against the bare /tentang route of the same build:
 * JavaScript a browser downloads (gzipped) and requests per second at 32 connections.
 */
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import Database from "better-sqlite3";
import { makeLinkToken } from "../app/auth/link-token.server";
import setup from "../tests/helpers/global-setup";
import { startServer } from "../tests/helpers/server";

async function scriptBytes(url: string, base: string) {
  const html = await (await fetch(url)).text();
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) srcs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) srcs.add(m[1]);
  for (const m of html.matchAll(/import\("([^"]+)"\)|import "([^"]+)"/g)) srcs.add(m[1] ?? m[2]);
  let gz = 0;
  for (const src of srcs) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { files: srcs.size, gz };
}

async function rps(url: string) {
  const result = await autocannon({ url, connections: 32, duration: 5, pipelining: 1 });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

export default async function feedbackBench(): Promise<string[]> {
  await setup();
  const server = await startServer({ TOKEN_RATE_LIMIT: "100000000" });
  try {
    const db = new Database(server.dbFile);
    const inv = db.prepare("select id, link_version from invitations order by id limit 1").get() as { id: number; link_version: number };
    db.prepare("insert or replace into feedback_windows (meeting_id, deadline, show_recap) select meeting_id, ?, 1 from invitations where id = ?").run(Date.now() + 86_400_000, inv.id);
    db.close();
    const token = makeLinkToken("feedback", inv.id, inv.link_version, "pleno-demo-secret-do-not-use-in-production-0000");
    const bare = `${server.url}/tentang`;
    const form = `${server.url}/tanggapan/${token}`;
    if ((await fetch(form)).status !== 200) throw new Error("feedback page did not answer 200");
    const [jsBare, jsForm] = [await scriptBytes(bare, server.url), await scriptBytes(form, server.url)];
    await rps(bare); // warm-up
    const [a, b] = [await rps(bare), await rps(form)];
    return [
      `JavaScript (gzip): /tentang ${jsBare.gz} B in ${jsBare.files} files; /tanggapan ${jsForm.gz} B in ${jsForm.files} files; ratio ${(jsForm.gz / jsBare.gz).toFixed(2)} (aim ≤ 1.30)`,
      `requests/s at 32 connections: /tentang ${a.rps.toFixed(0)} (p99 ${a.p99} ms); /tanggapan ${b.rps.toFixed(0)} (p99 ${b.p99} ms); ratio ${(b.rps / a.rps).toFixed(2)} (aim ≥ 0.50); errors ${a.errors + b.errors}`,
    ];
  } finally {
    await server.stop();
  }
}
