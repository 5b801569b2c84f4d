import fs from "node:fs";
import { TEMPLATE_DB, TMP } from "./paths";

/** Builds the template database once; every test file copies it instead of seeding again. */
export default async function setup() {
  fs.mkdirSync(TMP, { recursive: true });
  for (const f of fs.readdirSync(TMP)) if (f.endsWith(".db") || f.includes(".db-")) fs.rmSync(`${TMP}/${f}`, { force: true });
  process.env.LOG_REQUESTS = "0";
  const { openDatabase } = await import("../../app/db.server");
  const { applyMigrations } = await import("../../db/migrate");
  const { prepareDatabase } = await import("../../db/seed");
  const database = openDatabase(TEMPLATE_DB);
  applyMigrations(database);
  await prepareDatabase(database, { demo: true });
  database.$client.pragma("wal_checkpoint(TRUNCATE)");
  database.$client.close();
}
