import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { ROOT, TEMPLATE_DB, TMP } from "./paths";

export type RunningServer = {
  url: string;
  /** The server process (benchmarks read its CPU time from /proc). */
  pid: number;
  dbFile: string;
  stop: () => Promise<void>;
  /** Ends the server at once (SIGKILL, its worker processes first), as a crash would. */
  crash: () => Promise<void>;
  /** The server's worker processes (none when it runs as one process). */
  workerPids: () => number[];
  output: () => string;
  /** CPU time the server has used so far, its worker processes included, in ms (Linux /proc, 100 ticks a second). */
  cpuMs: () => number;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

/** /proc/<pid>/stat fields after the command name: [0] state, [1] parent pid, [11] utime, [12] stime. */
function statFields(pid: number | string): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  } catch {
    return null;
  }
}

/** The processes a process started (the server's workers), from /proc. */
export function childPids(pid: number): number[] {
  return fs
    .readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d) && statFields(d)?.[1] === String(pid))
    .map(Number);
}

function isNodeProcess(pid: number): boolean {
  try {
    return fs.readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "node";
  } catch {
    return false;
  }
}

/** CPU time (user + system, ms) a process and the processes it started have used so far. */
export function processTreeCpuMs(pid: number): number {
  let ticks = 0;
  for (const p of [pid, ...childPids(pid)]) {
    const fields = statFields(p);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks * 10;
}

/** Starts the built app as `npm start` would (without the build), on a copy of the seeded template. */
export async function startServer(env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<RunningServer> {
  const port = await freePort();
  const dbFile = path.join(TMP, `e2e-${randomUUID()}.db`);
  fs.copyFileSync(TEMPLATE_DB, dbFile);
  let out = "";
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "app/serve.server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_PATH: dbFile,
      DATA_DIR: path.join(TMP, `data-${port}`),
      LOG_REQUESTS: "0",
      NODE_ENV: "production",
      // One process unless a test asks for several (tests/integration/cluster.test.ts does).
      PLENO_WORKERS: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (out += d));
  child.stderr?.on("data", (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early:\n${out}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid!,
    dbFile,
    output: () => out,
    cpuMs: () => processTreeCpuMs(child.pid!),
    // Node processes only: tsx may also run an esbuild service under the primary.
    workerPids: () => childPids(child.pid!).filter(isNodeProcess),
    crash: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        for (const pid of childPids(child.pid!)) {
          try {
            process.kill(pid, "SIGKILL");
          } catch {
            /* already gone */
          }
        }
        child.kill("SIGKILL");
      }),
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5000).unref();
      }),
  };
}
