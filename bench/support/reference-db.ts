/**
 * In its own process, so that the benchmark measures only its own work: builds a migrated database
 * with Indonesia's areas and offices at argv[2], and writes at argv[3] a national desa-level
 * Model A-Rekap CSV (one row per desa/kelurahan, counts plausible for a desa, DPB L+P stated).
 */
import fs from "node:fs";
import { openDatabase, setDatabase } from "../../app/db.server";
import { recapColumns } from "../../app/domain/recap";
import { officeAreas, tmsCategoriesOf } from "../../app/models/recap.server";
import { applyMigrations } from "../../db/migrate";
import { loadReferenceData } from "../../db/reference";

const [file, csvFile] = process.argv.slice(2);
if (!file || !csvFile) throw new Error("usage: reference-db.ts <db> <csv>");
const database = openDatabase(file);
setDatabase(database);
applyMigrations(database);
await loadReferenceData(database);

const office = database.$client.prepare("select id, code, level from offices where code = '00'").get() as { id: number; code: string; level: "ri" };
const categories = tmsCategoriesOf(office.id).map((c) => ({ code: c.code, label: c.label }));
const columns = recapColumns(categories).filter((c) => !c.optional || c.key === "dpb.lp");
const lines = [["Kode", ...columns.slice(1).map((c) => c.label)].join(",")];
officeAreas(office, "desa").forEach((v, i) => {
  const prevL = 800 + ((i * 37) % 2400);
  const prevP = 790 + ((i * 53) % 2400);
  const cells: Record<string, number> = {
    "previous.l": prevL,
    "previous.p": prevP,
    "newVoters.l": i % 7,
    "newVoters.p": i % 5,
    "corrections.l": i % 4,
    "corrections.p": i % 3,
    "tms.1.l": i % 3,
    "tms.1.p": i % 2,
    "tms.2.l": i % 2,
  };
  const dpb = prevL + prevP + (i % 7) + (i % 5) - (i % 3) - (i % 2) - (i % 2);
  lines.push([v.code, ...columns.slice(1).map((c) => (c.key === "dpb.lp" ? dpb : (cells[c.key] ?? "")))].join(","));
});
fs.writeFileSync(csvFile, lines.join("\n"));
database.$client.pragma("wal_checkpoint(TRUNCATE)");
database.$client.close();
