import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "../db/schema";
import { env } from "./env.server";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens a SQLite file with the settings every connection of Pleno uses. */
export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("synchronous = NORMAL");
  return drizzle(sqlite, { schema }) as DB;
}

const globalForDb = globalThis as unknown as { __plenoDb?: DB };

/** The one database client, created once and kept across dev rebuilds. */
export function db(): DB {
  globalForDb.__plenoDb ??= openDatabase(env().DATABASE_PATH);
  return globalForDb.__plenoDb;
}

/** Tests point the app at their own database file. */
export function setDatabase(database: DB | undefined) {
  globalForDb.__plenoDb = database;
}
