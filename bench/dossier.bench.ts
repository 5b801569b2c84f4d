/**
 * The meeting dossier (/rapat/:id/berkas.zip) against the bare /tentang route of the same build:
 * time to the first byte and to the last, for a demo meeting (4 letters) and for a meeting at the
 * letter limit (300), measured one request at a time.
 */
import Database from "better-sqlite3";
import setup from "../tests/helpers/global-setup";
import { signInAt } from "../tests/helpers/load";
import { startServer } from "../tests/helpers/server";
import { median } from "./support/stats";

async function timed(url: string, cookie: string) {
  const start = performance.now();
  const r = await fetch(url, { headers: { Cookie: cookie } });
  if (r.status !== 200) throw new Error(`${url} answered ${r.status}`);
  const reader = r.body!.getReader();
  let first = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!first) first = performance.now() - start;
    bytes += value.length;
  }
  return { first, total: performance.now() - start, bytes };
}


async function series(url: string, cookie: string, n: number) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(await timed(url, cookie));
  return { first: median(runs.map((r) => r.first)), total: median(runs.map((r) => r.total)), bytes: runs[0].bytes };
}

export default async function dossierBench(): Promise<string[]> {
  await setup();
  const server = await startServer();
  try {
    const db = new Database(server.dbFile);
    const office = db.prepare("select id from offices where code = '33.20'").get() as { id: number };
    const meeting = db
      .prepare("select id from meetings where office_id = ? and period = '2025-Q3' and kind = 'open_quarterly'")
      .get(office.id) as { id: number };
    const big = db.prepare("select id from meetings where office_id = ? and period = '2026-Q4' and kind = 'open_quarterly'").get(office.id) as { id: number };
    const addOrg = db.prepare("insert into stakeholders (office_id, name, type) values (?, ?, 'lainnya') returning id");
    const invite = db.prepare("insert into invitations (meeting_id, stakeholder_id) values (?, ?)");
    db.transaction(() => {
      for (let i = 1; i <= 300; i++) invite.run(big.id, (addOrg.get(office.id, `Organisasi Uji Berkas ${i}`) as { id: number }).id);
    })();
    db.close();
    const cookie = await signInAt(server.url, "sekretariat1.jepara@pleno.demo");
    await series(`${server.url}/tentang`, cookie, 3); // warm-up
    const bare = await series(`${server.url}/tentang`, cookie, 9);
    const small = await series(`${server.url}/rapat/${meeting.id}/berkas.zip`, cookie, 5);
    const large = await series(`${server.url}/rapat/${big.id}/berkas.zip`, cookie, 3);
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    return [
      `/tentang: ${ms(bare.total)} (median of 9)`,
      `dossier, demo meeting (4 letters): first byte ${ms(small.first)}, complete ${ms(small.total)}, ${(small.bytes / 1024).toFixed(0)} KiB; ratio to /tentang ${(small.total / bare.total).toFixed(1)}`,
      `dossier, 300 letters (the limit): first byte ${ms(large.first)}, complete ${ms(large.total)}, ${(large.bytes / 1024 / 1024).toFixed(1)} MiB; ratio to /tentang ${(large.total / bare.total).toFixed(0)}`,
    ];
  } finally {
    await server.stop();
  }
}
