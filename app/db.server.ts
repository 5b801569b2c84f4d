import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import * as schema from "../db/schema";
import { env } from "./env.server";

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** How many compiled statements each connection keeps (least recently used ones are dropped). */
const STATEMENT_CACHE_SIZE = 500;

/**
 * drizzle asks better-sqlite3 to compile every query's SQL on every call; pages run the same few
 * dozen statements over and over, so each connection keeps its compiled statements by SQL text.
 * A statement taken from the cache is put back in its default mode first (drizzle switches `raw`
 * on for some reads and relies on it being off for others); one still busy (an open iterator) is
 * never shared.
 */
function cacheStatements(sqlite: Database.Database) {
  const compile = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const cached = cache.get(source);
    if (cached && !cached.busy) {
      cache.delete(source);
      cache.set(source, cached);
      if (cached.reader) cached.raw(false).pluck(false).expand(false);
      return cached;
    }
    const statement = compile(source);
    if (!cached) {
      cache.set(source, statement);
      if (cache.size > STATEMENT_CACHE_SIZE) cache.delete(cache.keys().next().value!);
    }
    return statement;
  }) as typeof sqlite.prepare;
}

/**
 * Every transaction takes the write lock when it begins (BEGIN IMMEDIATE). Several server processes
 * share the file: a transaction that began as a reader and then writes fails at once with
 * SQLITE_BUSY when another process wrote in between, whereas one that asks for the lock first
 * waits for it (busy_timeout). drizzle starts its transactions with `.deferred()`, so that variant
 * is made immediate too; nested transactions stay savepoints, as before.
 */
function immediateTransactions(sqlite: Database.Database) {
  const make = sqlite.transaction.bind(sqlite);
  sqlite.transaction = ((fn: (...args: never[]) => unknown) => {
    const tx = make(fn);
    return Object.assign((...args: never[]) => tx.immediate(...args), {
      default: tx.immediate,
      deferred: tx.immediate,
      immediate: tx.immediate,
      exclusive: tx.exclusive,
    });
  }) as typeof sqlite.transaction;
}

/** Opens a SQLite file with the settings every connection of Pleno uses. */
export function openDatabase(file: string): DB {
  if (file !== ":memory:") fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new Database(file);
  cacheStatements(sqlite);
  immediateTransactions(sqlite);
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

/**
 * A query the pages run on (nearly) every request, built by drizzle once per connection instead of
 * on every call: `build` gets the connection and returns `….prepare()` with `sql.placeholder`s.
 */
export function preparedQuery<T>(build: (database: DB) => T): () => T {
  const byConnection = new WeakMap<DB, T>();
  return () => {
    const database = db();
    let query = byConnection.get(database);
    if (!query) {
      query = build(database);
      byConnection.set(database, query);
    }
    return query;
  };
}

/** The three statements of a snapshot, compiled once per connection. */
const snapshotStatements = preparedQuery((database) => ({
  begin: database.$client.prepare("BEGIN DEFERRED"),
  end: database.$client.prepare("ROLLBACK"),
  changes: database.$client.prepare("select total_changes()").pluck(),
}));

/**
 * Runs `read` (synchronous reads only) inside one read transaction, so that a page's loader sees
 * one state of the database, and pays once for what SQLite otherwise does around every statement
 * in autocommit mode: taking and releasing the WAL read lock and checking the file (three system
 * calls a statement). `read` must not write: a write would turn the read into a write transaction
 * that another process may already have outdated, which SQLite refuses at once
 * (SQLITE_BUSY_SNAPSHOT) instead of waiting. So the snapshot always ends with ROLLBACK, and a write
 * that slips in is undone and reported as a programming error. Inside a transaction that is already
 * open, `read` simply runs in it.
 */
export function readSnapshot<T>(read: () => T): T {
  if (db().$client.inTransaction) return read();
  const { begin, end, changes } = snapshotStatements();
  begin.run();
  try {
    const changesBefore = changes.get();
    const result = read();
    if (changes.get() !== changesBefore) throw new Error("readSnapshot: the reads wrote to the database (undone)");
    return result;
  } finally {
    end.run();
  }
}

/** Tests point the app at their own database file. */
export function setDatabase(database: DB | undefined) {
  globalForDb.__plenoDb = database;
}
