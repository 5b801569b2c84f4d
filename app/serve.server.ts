/**
 * Starts Pleno: checks the settings, migrates the database, loads reference and demo data
 * when the database is empty, prints the demo logins and serves the built Remix app.
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { applyMigrations } from "../db/migrate";
import { prepareDatabase } from "../db/seed";
import { db } from "./db.server";
import { readEnv } from "./env.server";
import { createApp } from "./http.server";
import { logError } from "./log.server";

// React and Remix run their production code unless told otherwise (development React renders
// pages several times slower); this happens before the build, and with it React, is loaded.
process.env.NODE_ENV ??= "production";

let settings;
try {
  settings = readEnv();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

if (!settings.isDemo && settings.LOG_REQUESTS === "0")
  console.warn("LOG_REQUESTS=0 diabaikan: di mode production setiap permintaan selalu dicatat.");

// Failures outside any request still reach the log with their stack, never a page.
process.on("unhandledRejection", (reason) => logError(reason, { event: "unhandledRejection" }));
process.on("uncaughtException", (error) => {
  logError(error, { event: "uncaughtException" });
  process.exit(1);
});

applyMigrations(db());
const { logins, seeded } = await prepareDatabase(db(), { demo: settings.isDemo });

const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
const app = createApp(build);
const server = app.listen(settings.PORT, settings.HOST, () => {
  console.log(`Pleno berjalan di ${settings.APP_URL} (mode ${settings.PLENO_MODE}, basis data ${settings.DATABASE_PATH}).`);
  if (seeded) console.log("Data demo dimuat ke basis data yang masih kosong.");
  if (logins.length) {
    console.log("\nAkun demo (kata sandi sama untuk semua: lihat README):");
    for (const l of logins) console.log(`  ${l.email.padEnd(42)} ${l.password}  ${l.label}`);
  }
});

function shutdown() {
  server.close(() => {
    db().$client.close();
    process.exit(0);
  });
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
