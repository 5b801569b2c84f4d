import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { openDatabase, setDatabase, type DB } from "../../app/db.server";
import { TEMPLATE_DB, TMP } from "./paths";

process.env.LOG_REQUESTS = "0";

/**
 * A fresh copy of the seeded template database, installed as the app's database.
 * Each test file (or test) that calls it works on its own file.
 */
export function useTestDatabase(): { db: DB; file: string } {
  const file = path.join(TMP, `test-${randomUUID()}.db`);
  fs.copyFileSync(TEMPLATE_DB, file);
  const database = openDatabase(file);
  setDatabase(database);
  process.env.DATABASE_PATH = file;
  return { db: database, file };
}
