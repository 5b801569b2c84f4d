import { createHash } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLinkToken } from "../../app/auth/link-token.server";
import { DEMO_PASSWORD } from "../../db/seed";
import { startServer, type RunningServer } from "../helpers/server";

const SECRET = "pleno-demo-secret-do-not-use-in-production-0000";

/** A GET on a connection of its own: Node's cluster hands each new connection to the next worker. */
function getOnNewConnection(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent: false, headers: { connection: "close" } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
  });
}

/** The worker process ids that wrote request log lines so far. */
function loggedPids(server: RunningServer): Set<number> {
  const pids = new Set<number>();
  for (const line of server.output().split("\n")) {
    if (!line.startsWith("{")) continue;
    try {
      const entry = JSON.parse(line) as { pid?: number; method?: string };
      if (entry.method && typeof entry.pid === "number") pids.add(entry.pid);
    } catch {
      /* not a log line */
    }
  }
  return pids;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe("Pleno in several processes", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ PLENO_WORKERS: "2", TOKEN_RATE_LIMIT: "10", LOG_REQUESTS: "1" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("runs the number of workers asked for, and both answer", async () => {
    await until(() => server.workerPids().length === 2);
    const workers = server.workerPids();
    for (let i = 0; i < 8; i++) expect(await getOnNewConnection(`${server.url}/tentang`)).toBe(200);
    await until(() => workers.every((pid) => loggedPids(server).has(pid)));
    // Each worker runs with the young generation of app/lib/worker-flags.server.ts.
    for (const pid of workers) expect(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")).toContain("--max-semi-space-size=32");
  });

  it("counts the token pages' rate limit once for all workers", async () => {
    // A limit kept per worker would let 20 of these through; kept by the primary, exactly 10.
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) statuses.push(await getOnNewConnection(`${server.url}/verifikasi/tebakan-${i}`));
    expect(statuses.filter((s) => s !== 429)).toHaveLength(10);
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
  });

  it("replaces a worker that dies, and keeps answering", async () => {
    const [victim] = server.workerPids();
    process.kill(victim, "SIGKILL");
    await until(() => !server.workerPids().includes(victim) && server.workerPids().length === 2);
    for (let i = 0; i < 4; i++) expect(await getOnNewConnection(`${server.url}/tentang`)).toBe(200);
    expect(server.output()).toContain('"event":"workerExit"');
  });

  it("stops every process on SIGTERM", async () => {
    const workers = server.workerPids();
    await server.stop();
    await until(() => workers.every((pid) => !alive(pid)));
  });
});

describe("writes from several processes at once", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ PLENO_WORKERS: "2", TOKEN_RATE_LIMIT: "100000" });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("stores every one of 200 simultaneous submissions exactly once, with no error", async () => {
    const db = new Database(server.dbFile);
    const office = db.prepare("select id from offices where code = '33.20'").get() as { id: number };
    const meeting = db.prepare("select id from meetings where office_id = ? and status = 'dijadwalkan' order by starts_at limit 1").get(office.id) as { id: number };
    db.prepare("insert or replace into feedback_windows (meeting_id, deadline, show_recap) values (?, ?, 1)").run(meeting.id, Date.now() + 86_400_000);
    const district = (db.prepare("select code from areas where parent_code = '33.20' limit 1").get() as { code: string }).code;
    const insertOrg = db.prepare("insert into stakeholders (office_id, name, type) values (?, ?, 'lainnya') returning id");
    const insertInv = db.prepare("insert into invitations (meeting_id, stakeholder_id) values (?, ?) returning id, link_version");
    const tokens: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < 200; i++) {
        const org = insertOrg.get(office.id, `Organisasi klaster ${i}`) as { id: number };
        const inv = insertInv.get(meeting.id, org.id) as { id: number; link_version: number };
        tokens.push(makeLinkToken("feedback", inv.id, inv.link_version, SECRET));
      }
    })();

    const statuses = await Promise.all(
      tokens.map((token, i) =>
        fetch(`${server.url}/tanggapan/${token}`, {
          method: "POST",
          redirect: "manual",
          headers: { "content-type": "application/x-www-form-urlencoded", origin: server.url },
          body: new URLSearchParams({
            responderName: `Penanggap ${i}`,
            responderPosition: "Staf",
            stance: "setuju",
            "points.0.category": "lainnya",
            "points.0.districtCode": district,
            "points.0.voters": "1",
            "points.0.description": `Tanggapan klaster ${i}`,
          }).toString(),
        }).then(
          (r) => r.status,
          () => 0,
        ),
      ),
    );
    expect(statuses.filter((s) => s !== 302)).toEqual([]);
    const stored = db
      .prepare("select count(*) n, count(distinct invitation_id) d from feedback_submissions s join invitations i on i.id = s.invitation_id where i.meeting_id = ?")
      .get(meeting.id) as { n: number; d: number };
    db.close();
    expect(stored).toEqual({ n: 200, d: 200 });
    expect(server.output()).not.toContain("SQLITE_BUSY");
  });

  it("keeps every acknowledged write when all its processes are killed mid-load", async () => {
    const acknowledged: string[] = [];
    let stop = false;
    const writers = ["sekretariat1.jepara@pleno.demo", "ketua.cilacap@pleno.demo", "anggota1.jakut@pleno.demo", "admin@pleno.demo"].map(async (email) => {
      while (!stop) {
        try {
          const r = await fetch(`${server.url}/masuk`, {
            method: "POST",
            body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
            headers: { Origin: server.url },
            redirect: "manual",
          });
          const cookie = r.headers.get("set-cookie");
          if (r.status === 302 && cookie) acknowledged.push(cookie.split(";")[0].split("=")[1]);
        } catch {
          return; // the server is gone
        }
      }
    });
    await new Promise((r) => setTimeout(r, 1500));
    await server.crash();
    stop = true;
    await Promise.all(writers);
    expect(acknowledged.length).toBeGreaterThan(5);

    const db = new Database(server.dbFile);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const has = db.prepare("select 1 from sessions where id_hash = ?");
    const missing = acknowledged.filter((raw) => !has.get(createHash("sha256").update(raw).digest("hex")));
    db.close();
    expect(missing).toEqual([]);
  });
});
