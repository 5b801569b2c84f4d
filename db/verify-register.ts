/**
 * `npm run verify-register`: checks every office's hash chain of published berita acara and that
 * each stored file still has the SHA-256 its entry holds. Exit code 0 when whole; 1 and the place
 * of the first break per office otherwise.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { checkRegister, type RegisterCheck } from "../app/models/signing.server";

export function report(results: RegisterCheck[]): { ok: boolean; lines: string[] } {
  const lines = results.map((r) =>
    r.result.ok
      ? `OK     ${r.officeCode} ${r.officeName}: ${r.result.entries} entri, rantai utuh`
      : `PUTUS  ${r.officeCode} ${r.officeName}: entri nomor urut ${r.result.seq} — ${r.result.reason}`,
  );
  if (results.length === 0) lines.push("Register masih kosong.");
  return { ok: results.every((r) => r.result.ok), lines };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { ok, lines } = report(checkRegister(undefined, { files: true }));
  for (const line of lines) console.log(line);
  process.exit(ok ? 0 : 1);
}
