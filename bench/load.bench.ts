/**
 * Main pages under 32 concurrent connections against the bare /tentang route of the same server,
 * then 500 feedback submissions at once: every acknowledged one must be stored exactly once.
 */
import os from "node:os";
import Database from "better-sqlite3";
import setup from "../tests/helpers/global-setup";
import { feedbackForm, inviteForLoad, postFeedback, signInAt, storedSubmissions } from "../tests/helpers/load";
import { startServer } from "../tests/helpers/server";
import { drive, interleavedRounds, machineLine, mainPageAim, pageLine } from "./support/load";

export default async function loadBench(): Promise<string[]> {
  await setup();
  // Pleno as `npm start` runs it: one process per core.
  const workers = os.availableParallelism();
  const server = await startServer({ TOKEN_RATE_LIMIT: "100000000", PLENO_WORKERS: String(workers) });
  const lines: string[] = [machineLine(workers)];
  try {
    const cookie = await signInAt(server.url, "sekretariat1.jepara@pleno.demo");
    const db = new Database(server.dbFile, { readonly: true });
    // A held pleno with its recap, invitations and decisions: the page a secretariat opens most.
    const held = db
      .prepare("select id from meetings where office_id = (select id from offices where code = '33.20') and kind = 'open_quarterly' and status = 'selesai' order by starts_at desc limit 1")
      .get() as { id: number };
    db.close();
    // 500 organisations invited to the next meeting, one link each.
    const load = inviteForLoad(server.dbFile, 500, "uji beban");
    const tokens = load.tokens;

    const figures = await interleavedRounds(
      server.url,
      [
        { label: "/tentang (dasar)", path: "/tentang" },
        { label: "dasbor", path: "/dasbor", headers: { cookie } },
        { label: "/rapat/:id", path: `/rapat/${held.id}`, headers: { cookie } },
        { label: "/tanggapan/:token GET", path: `/tanggapan/${tokens[0]}` },
      ],
      { cpuMs: server.cpuMs },
    );
    const base = figures[0];
    lines.push(`medians of 3 interleaved rounds of 5 s at 32 open connections, after 1.5 s to open them (req/s of each round in brackets;`);
    lines.push(`"ramp" is the p99 over the whole run, the opening of the 32 connections included)`);
    for (const r of figures) {
      const cpu =
        r.cpuPerRequest !== null && base.cpuPerRequest !== null
          ? `  CPU ${r.cpuPerRequest.toFixed(2)} ms/req (ratio by CPU ${(base.cpuPerRequest / r.cpuPerRequest).toFixed(2)}${r === base ? "" : `; the page's own ${(r.cpuPerRequest - base.cpuPerRequest).toFixed(2)} ms above the bare route`})`
          : "";
      lines.push(`${pageLine(r, base)}${cpu}${r === base ? "" : `  ${mainPageAim(r, base)}`}`);
    }
    const post = await drive({
      url: `${server.url}/tanggapan/${tokens[1]}`,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
      method: "POST",
      body: feedbackForm(load, 1, "uji beban"),
    });
    lines.push(`${pageLine({ ...post, label: "/tanggapan/:token POST" }, base)}  ${mainPageAim(post, base)}`);

    // 500 submissions at the same moment.
    const started = Date.now();
    const results = await Promise.all(
      tokens
        .slice(2)
        .concat(tokens.slice(0, 2))
        .map((t, i) => postFeedback(server.url, t, feedbackForm(load, 1000 + i, "uji beban"))),
    );
    const acknowledged = results.filter((s) => s === 302).length;
    const errors = results.filter((s) => s === 0 || s >= 500).length; // 0: the connection failed
    const stored = storedSubmissions(server.dbFile, load.meetingId);
    lines.push(
      `500 concurrent submissions in ${Date.now() - started} ms: acknowledged ${acknowledged}, error responses ${errors}, other statuses ${results.length - acknowledged - errors}; stored ${stored.n} (${stored.d} distinct organisations); every acknowledged one stored exactly once: ${stored.n === stored.d && stored.n >= acknowledged && errors === 0 && acknowledged === 500 ? "OK" : "MISMATCH"}`,
    );
    return lines;
  } finally {
    await server.stop();
  }
}
