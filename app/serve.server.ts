/**
 * Starts Pleno: checks the settings, migrates the database, loads reference and demo data
 * when the database is empty, prints the demo logins and serves the built Remix app.
 *
 * Pleno answers requests in PLENO_WORKERS processes (by default one per core the machine lets it
 * use). With more than one, this process is the primary: it prepares the database once, starts
 * the workers, restarts one that dies, keeps the token pages' rate limit for all of them and
 * stops them on SIGTERM/SIGINT. Node's cluster module hands each new connection to the next
 * worker in turn.
 */
import cluster, { type Worker } from "node:cluster";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { applyMigrations } from "../db/migrate";
import { prepareDatabase } from "../db/seed";
import { db, setDatabase } from "./db.server";
import { MAX_WORKERS, readEnv, type Env } from "./env.server";
import { createApp } from "./http.server";
import { RateLimiter } from "./lib/rate-limit";
import { answerRateLimits } from "./lib/shared-rate-limit.server";
import { workerExecArgv } from "./lib/worker-flags.server";
import { logError, logLine } from "./log.server";

// React and Remix run their production code unless told otherwise (development React renders
// pages several times slower); this happens before the build, and with it React, is loaded.
process.env.NODE_ENV ??= "production";

let settings: Env;
try {
  settings = readEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// Failures outside any request still reach the log with their stack, never a page.
process.on("unhandledRejection", (reason) => logError(reason, { event: "unhandledRejection" }));
process.on("uncaughtException", (error) => {
  logError(error, { event: "uncaughtException" });
  process.exit(1);
});

/** How long a stopping process lets requests in progress finish. */
const STOP_GRACE_MS = 10_000;

/** Loads the build and answers requests until SIGTERM/SIGINT. */
async function serve(onListening: () => void) {
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const app = createApp(build);
  const server = app.listen(settings.PORT, settings.HOST, onListening);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(0), STOP_GRACE_MS).unref();
    server.close(() => {
      db().$client.close();
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  // A worker whose primary is gone stops taking requests and ends.
  if (cluster.isWorker) process.on("disconnect", stop);
}

function announce(logins: { email: string; password: string; label: string }[], seeded: boolean, workers: number) {
  const processes = workers > 1 ? `, ${workers} proses` : "";
  console.log(`Pleno berjalan di ${settings.APP_URL} (mode ${settings.PLENO_MODE}, basis data ${settings.DATABASE_PATH}${processes}).`);
  if (seeded) console.log("Data demo dimuat ke basis data yang masih kosong.");
  if (logins.length) {
    console.log("\nAkun demo (kata sandi sama untuk semua: lihat README):");
    for (const l of logins) console.log(`  ${l.email.padEnd(42)} ${l.password}  ${l.label}`);
  }
}

/** The primary of several workers: starts them, replaces one that dies, stops them all. */
function superviseWorkers(count: number, ready: () => void) {
  const limiter = new RateLimiter(settings.TOKEN_RATE_LIMIT, 60_000);
  const recentDeaths: number[] = [];
  let listening = 0;
  let stopping = false;

  cluster.setupPrimary({ execArgv: workerExecArgv(process.execArgv, process.env.NODE_OPTIONS) });
  const start = () => {
    const worker: Worker = cluster.fork();
    answerRateLimits(worker, limiter);
    worker.once("listening", () => {
      if (++listening === count) ready();
    });
  };

  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.values(cluster.workers ?? {}).every((w) => !w || w.isDead())) process.exit(0);
      return;
    }
    logLine({ level: "error", event: "workerExit", message: "proses pelayan berhenti dan dijalankan ulang", pid: worker.process.pid, code, signal });
    // A worker that keeps dying (a broken build, a full disk) is restarted ever more slowly.
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length && now - recentDeaths[0] > 60_000) recentDeaths.shift();
    const delay = recentDeaths.length > 5 ? 10_000 : 500;
    setTimeout(() => {
      if (stopping) return;
      logLine({ level: "info", event: "workerRestart", after: delay });
      start();
    }, delay).unref();
  });

  const stop = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(0);
    for (const worker of workers) worker?.process.kill("SIGTERM");
    setTimeout(() => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGKILL");
      process.exit(0);
    }, STOP_GRACE_MS + 2000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);

  for (let i = 0; i < count; i++) start();
}

if (cluster.isPrimary) {
  if (!settings.isDemo && settings.LOG_REQUESTS === "0")
    console.warn("LOG_REQUESTS=0 diabaikan: di mode production setiap permintaan selalu dicatat.");
  applyMigrations(db());
  const { logins, seeded } = await prepareDatabase(db(), { demo: settings.isDemo });
  const workers = settings.PLENO_WORKERS ?? Math.min(MAX_WORKERS, os.availableParallelism());
  if (workers === 1) {
    await serve(() => announce(logins, seeded, 1));
  } else {
    // The workers open their own connections; the primary needs none while it supervises.
    db().$client.close();
    setDatabase(undefined);
    superviseWorkers(workers, () => announce(logins, seeded, workers));
  }
} else {
  await serve(() => {});
}
