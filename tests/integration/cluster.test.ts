import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { crashUnderSignIns, feedbackForm, inviteForLoad, postFeedback, storedSubmissions } from "../helpers/load";
import { startServer, type RunningServer } from "../helpers/server";

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
    // The server answers as soon as one worker listens; the primary hands new connections only to
    // workers that listen, so on a busy machine the second may take its first ones a little later.
    const deadline = Date.now() + 30_000;
    while (!workers.every((pid) => loggedPids(server).has(pid))) {
      if (Date.now() > deadline) throw new Error(`only workers ${[...loggedPids(server)].join(", ")} of ${workers.join(", ")} answered`);
      expect(await getOnNewConnection(`${server.url}/tentang`)).toBe(200);
      await new Promise((r) => setTimeout(r, 50));
    }
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
    const load = inviteForLoad(server.dbFile, 200, "klaster");
    const statuses = await Promise.all(load.tokens.map((token, i) => postFeedback(server.url, token, feedbackForm(load, i, "klaster"))));
    expect(statuses.filter((s) => s !== 302)).toEqual([]);
    expect(storedSubmissions(server.dbFile, load.meetingId)).toEqual({ n: 200, d: 200 });
    expect(server.output()).not.toContain("SQLITE_BUSY");
  });

  it("keeps every acknowledged write when all its processes are killed mid-load", async () => {
    const after = await crashUnderSignIns(server);
    expect(after.acknowledged).toBeGreaterThan(5);
    expect(after.integrity).toBe("ok");
    expect(after.missing).toEqual([]);
  });
});
