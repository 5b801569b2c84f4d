/**
 * `npm run bench`: finds every bench/*.bench.ts, runs each one after the other (each default-exports
 * an async function returning the lines to print) and prints its lines under its name.
 * `npx tsx bench/run.ts load feedback` runs only the named ones (after `npm run build`).
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const only = process.argv.slice(2);
const dir = path.dirname(fileURLToPath(import.meta.url));
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".bench.ts"))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.bench\.ts$/, "")))
  .sort();

let failed = false;
for (const file of files) {
  console.log(`\n== ${file.replace(/\.bench\.ts$/, "")} ==`);
  try {
    const mod = (await import(pathToFileURL(path.join(dir, file)).href)) as { default: () => Promise<string[]> };
    for (const line of await mod.default()) console.log(`  ${line}`);
  } catch (error) {
    failed = true;
    console.error(`  GAGAL: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}
if (files.length === 0) console.log("Tidak ada berkas bench/*.bench.ts.");
process.exitCode = failed ? 1 : 0;
