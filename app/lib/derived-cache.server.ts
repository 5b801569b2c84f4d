/**
 * A per-process memo for figures derived from the database (board rankings, peer groups, progress),
 * dropped as soon as anything in the database changes: SQLite's `data_version` moves when another
 * connection commits, and `total_changes()` when this connection writes. Reading both costs one
 * tiny statement, so a cached answer is never stale, only cheaper.
 */
import type { DB } from "../db.server";
import { db } from "../db.server";

const MAX_ENTRIES = 500;

type Store = { version: string; entries: Map<string, unknown>; versionStmt: { get(): unknown } };
const stores = new WeakMap<DB, Store>();

function storeOf(database: DB): Store {
  let store = stores.get(database);
  if (!store) {
    store = {
      version: "",
      entries: new Map(),
      versionStmt: database.$client.prepare("select total_changes() as t"),
    };
    stores.set(database, store);
  }
  return store;
}

function versionOf(database: DB, store: Store): string {
  const dataVersion = database.$client.pragma("data_version", { simple: true }) as number;
  const { t } = store.versionStmt.get() as { t: number };
  return `${dataVersion}:${t}`;
}

/** The value for key, computed once per database state. */
export function derived<T>(key: string, compute: () => T, database: DB = db()): T {
  const store = storeOf(database);
  const version = versionOf(database, store);
  if (version !== store.version) {
    store.version = version;
    store.entries.clear();
  }
  if (store.entries.has(key)) return store.entries.get(key) as T;
  const value = compute();
  if (store.entries.size >= MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value as string);
  store.entries.set(key, value);
  return value;
}
