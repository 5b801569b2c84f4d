/**
 * Online backup with SQLite's backup API: safe while Pleno is serving (WAL readers and writers go on).
 *   npm run backup                 → data/backups/pleno-YYYYMMDD-HHMMSS.db
 *   npm run backup -- path/to.db   → that file
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export async function backupDatabase(source: string, target: string) {
  if (!fs.existsSync(source)) throw new Error(`Basis data ${source} tidak ditemukan.`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    const result = copy.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`Salinan ${target} rusak: ${String(result)}`);
  } finally {
    copy.close();
  }
  return target;
}

function stamp(date = new Date()) {
  return date.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const source = process.env.DATABASE_PATH ?? "data/pleno.db";
  const target = process.argv[2] ?? path.join(path.dirname(source), "backups", `pleno-${stamp()}.db`);
  try {
    await backupDatabase(source, target);
    console.log(`Cadangan dibuat: ${target}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
