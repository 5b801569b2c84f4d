/**
 * Brings a backup back: npm run restore -- path/to/backup.db
 * Stop Pleno first. The backup is checked before anything is touched, and the current database is
 * kept beside it as <name>.before-restore-<time>.db.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export function restoreDatabase(backup: string, target: string, now = new Date()) {
  if (!fs.existsSync(backup)) throw new Error(`Berkas cadangan ${backup} tidak ditemukan.`);
  const check = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    const result = check.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new Error(`Berkas cadangan rusak: ${String(result)}`);
    check.prepare("select count(*) from __drizzle_migrations").get();
  } finally {
    check.close();
  }
  let kept: string | null = null;
  if (fs.existsSync(target)) {
    try {
      const live = new Database(target);
      try {
        // Fold the WAL into the main file so the kept copy is complete.
        live.pragma("wal_checkpoint(TRUNCATE)");
      } finally {
        live.close();
      }
    } catch {
      // Not a readable database (that may be why we restore): keep the file as it is.
    }
    kept = `${target}.before-restore-${now.toISOString().replace(/[-:.]/g, "").slice(0, 15)}.db`;
    fs.renameSync(target, kept);
    for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${target}${suffix}`, { force: true });
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  fs.copyFileSync(backup, target);
  return { kept };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const backup = process.argv[2];
  const target = process.env.DATABASE_PATH ?? "data/pleno.db";
  if (!backup) {
    console.error("Pemakaian: npm run restore -- <berkas-cadangan.db>");
    process.exit(1);
  }
  try {
    const { kept } = restoreDatabase(backup, target);
    console.log(`Dipulihkan dari ${backup} ke ${target}.${kept ? ` Basis data sebelumnya disimpan sebagai ${kept}.` : ""}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
