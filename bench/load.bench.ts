/**
 * Main pages under 32 concurrent connections against the bare /tentang route of the same server,
 * then 500 feedback submissions at once: every acknowledged one must be stored exactly once.
 */
import os from "node:os";
import Database from "better-sqlite3";
import { makeLinkToken } from "../app/auth/link-token.server";
import { DEMO_PASSWORD } from "../db/seed";
import setup from "../tests/helpers/global-setup";
import { startServer } from "../tests/helpers/server";
import { drive, machineLine, type LoadFigures } from "./support/load";
import { median } from "./support/stats";

const SECRET = "pleno-demo-secret-do-not-use-in-production-0000";

export default async function loadBench(): Promise<string[]> {
  await setup();
  // Pleno as `npm start` runs it: one process per core.
  const workers = os.availableParallelism();
  const server = await startServer({ TOKEN_RATE_LIMIT: "100000000", PLENO_WORKERS: String(workers) });
  const lines: string[] = [machineLine(workers)];
  const measure = (url: string, headers: Record<string, string> = {}, method: "GET" | "POST" = "GET", body?: string, duration = 5) =>
    drive({ url, headers, method, body, duration, cpuMs: server.cpuMs });
  try {
    const signIn = await fetch(`${server.url}/masuk`, {
      method: "POST",
      body: new URLSearchParams({ email: "sekretariat1.jepara@pleno.demo", password: DEMO_PASSWORD }),
      headers: { Origin: server.url },
      redirect: "manual",
    });
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0];
    const db = new Database(server.dbFile);
    const office = db.prepare("select id from offices where code = '33.20'").get() as { id: number };
    const meeting = db.prepare("select id from meetings where office_id = ? and status = 'dijadwalkan' order by starts_at limit 1").get(office.id) as { id: number };
    // A held pleno with its recap, invitations and decisions: the page a secretariat opens most.
    const held = db.prepare("select id from meetings where office_id = ? and kind = 'open_quarterly' and status = 'selesai' order by starts_at desc limit 1").get(office.id) as { id: number };
    db.prepare("insert or replace into feedback_windows (meeting_id, deadline, show_recap) values (?, ?, 1)").run(meeting.id, Date.now() + 86_400_000);
    const district = (db.prepare("select code from areas where parent_code = '33.20' limit 1").get() as { code: string }).code;
    // 500 organisations invited to the meeting, one link each.
    const insertOrg = db.prepare("insert into stakeholders (office_id, name, type) values (?, ?, 'lainnya') returning id");
    const insertInv = db.prepare("insert into invitations (meeting_id, stakeholder_id) values (?, ?) returning id, link_version");
    const tokens: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < 500; i++) {
        const org = insertOrg.get(office.id, `Organisasi uji beban ${i}`) as { id: number };
        const inv = insertInv.get(meeting.id, org.id) as { id: number; link_version: number };
        tokens.push(makeLinkToken("feedback", inv.id, inv.link_version, SECRET));
      }
    })();
    db.close();

    const form = (i: number) =>
      new URLSearchParams({
        responderName: `Penanggap ${i}`,
        responderPosition: "Staf",
        stance: "setuju",
        "points.0.category": "lainnya",
        "points.0.districtCode": district,
        "points.0.voters": "1",
        "points.0.description": `Tanggapan uji beban ${i}`,
      }).toString();

    const pages: [string, string, Record<string, string>][] = [
      ["/tentang (dasar)", "/tentang", {}],
      ["dasbor", "/dasbor", { cookie }],
      ["/rapat/:id", `/rapat/${held.id}`, { cookie }],
      ["/tanggapan/:token GET", `/tanggapan/${tokens[0]}`, {}],
    ];
    // Every page, the bare route included, is warmed up (its code compiled), then measured in three
    // interleaved rounds; each figure is the median of its rounds, so a drift of the machine during
    // the run weighs on the bare route and the pages alike.
    for (const [, path, headers] of pages) await measure(`${server.url}${path}`, headers, "GET", undefined, 2);
    const ROUNDS = 3;
    const runs = pages.map(() => [] as LoadFigures[]);
    for (let round = 0; round < ROUNDS; round++)
      for (const [i, [, path, headers]] of pages.entries()) runs[i].push(await measure(`${server.url}${path}`, headers));
    const summary = runs.map((rs) => ({
      rps: median(rs.map((r) => r.rps)),
      p99: median(rs.map((r) => r.p99)),
      p99WithRamp: median(rs.map((r) => r.p99WithRamp)),
      bad: rs.reduce((n, r) => n + r.bad, 0),
      cpuPerRequest: rs.every((r) => r.cpuPerRequest !== null) ? median(rs.map((r) => r.cpuPerRequest!)) : null,
      spread: rs.map((r) => r.rps.toFixed(0)).join("/"),
    }));
    const base = summary[0];
    lines.push(`medians of ${ROUNDS} interleaved rounds of 5 s at 32 open connections, after 1.5 s to open them (req/s of each round in brackets;`);
    lines.push(`"ramp" is the p99 over the whole run, the opening of the 32 connections included)`);
    for (const [i, [label]] of pages.entries()) {
      const r = summary[i];
      const aim = i === 0 ? "" : `  aim ≥ 0.50 and p99 < 100 ms: ${r.rps / base.rps >= 0.5 && r.p99 < 100 ? "met" : "NOT met"}`;
      const cpu =
        r.cpuPerRequest !== null && base.cpuPerRequest !== null
          ? `  CPU ${r.cpuPerRequest.toFixed(2)} ms/req (ratio by CPU ${(base.cpuPerRequest / r.cpuPerRequest).toFixed(2)})`
          : "";
      lines.push(
        `${label.padEnd(24)} ${r.rps.toFixed(0).padStart(5)} req/s [${r.spread}]  p99 ${String(r.p99).padStart(4)} ms (ramp ${r.p99WithRamp})  ratio ${(r.rps / base.rps).toFixed(2)}  bad ${r.bad}${cpu}${aim}`,
      );
    }
    const post = await measure(`${server.url}/tanggapan/${tokens[1]}`, { "content-type": "application/x-www-form-urlencoded", origin: server.url }, "POST", form(1));
    lines.push(
      `${"/tanggapan/:token POST".padEnd(24)} ${post.rps.toFixed(0).padStart(5)} req/s  p99 ${String(post.p99).padStart(4)} ms (ramp ${post.p99WithRamp})  ratio ${(post.rps / base.rps).toFixed(2)}  bad ${post.bad}  aim ≥ 0.50 and p99 < 100 ms: ${post.rps / base.rps >= 0.5 && post.p99 < 100 ? "met" : "NOT met"}`,
    );

    // 500 submissions at the same moment.
    const started = Date.now();
    const results = await Promise.all(
      tokens.slice(2).concat(tokens.slice(0, 2)).map((t, i) =>
        fetch(`${server.url}/tanggapan/${t}`, {
          method: "POST",
          body: form(1000 + i),
          headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
          redirect: "manual",
        }).then(
          (r) => r.status,
          () => 0, // the connection failed: counted as an error below
        ),
      ),
    );
    const acknowledged = results.filter((s) => s === 302).length;
    const errors = results.filter((s) => s === 0 || s >= 500).length;
    const check = new Database(server.dbFile, { readonly: true });
    const stored = check
      .prepare("select count(*) n, count(distinct invitation_id) d from feedback_submissions s join invitations i on i.id = s.invitation_id where i.meeting_id = ?")
      .get(meeting.id) as { n: number; d: number };
    check.close();
    lines.push(
      `500 concurrent submissions in ${Date.now() - started} ms: acknowledged ${acknowledged}, error responses ${errors}, other statuses ${results.length - acknowledged - errors}; stored ${stored.n} (${stored.d} distinct organisations); every acknowledged one stored exactly once: ${stored.n === stored.d && stored.n >= acknowledged && errors === 0 && acknowledged === 500 ? "OK" : "MISMATCH"}`,
    );
    return lines;
  } finally {
    await server.stop();
  }
}
