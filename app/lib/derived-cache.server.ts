/**
 * A per-process memo for figures derived from the database (board rankings, peer groups, progress),
 * dropped as soon as anything in the database changes: SQLite's `data_version` moves when another
 * connection commits, and `total_changes()` when this connection writes. Reading both costs one
 * tiny statement, so a cached answer is never stale, only cheaper.
 */
import type { DB } from "../db.server";
import { db } from "../db.server";

const MAX_ENTRIES = 500;

type Statement = { get(): unknown };
type Store = { version: string; entries: Map<string, unknown>; dataVersion: Statement; totalChanges: Statement };
const stores = new WeakMap<DB, Store>();

function storeOf(database: DB): Store {
  let store = stores.get(database);
  if (!store) {
    store = {
      version: "",
      entries: new Map(),
      // Prepared once: `db.pragma()` compiles its statement again on every call.
      dataVersion: database.$client.prepare("PRAGMA data_version").pluck(),
      totalChanges: database.$client.prepare("select total_changes()").pluck(),
    };
    stores.set(database, store);
  }
  return store;
}

function versionOf(store: Store): string {
  return `${store.dataVersion.get() as number}:${store.totalChanges.get() as number}`;
}

/** The value for key, computed once per database state. */
export function derived<T>(key: string, compute: () => T, database: DB = db()): T {
  const store = storeOf(database);
  const version = versionOf(store);
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
