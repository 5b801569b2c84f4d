/**
 * Where an office's seal certificate (PKCS#12) comes from. Production: SEAL_P12_PATH with {kode}
 * replaced by the office code, opened with SEAL_P12_PASSPHRASE. Demo mode without those settings:
 * a self-signed certificate per office, generated at first use into DATA_DIR/sertifikat/ with a
 * random passphrase beside it, and reused afterwards.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "../env.server";
import { createSelfSignedP12, SealError } from "./seal.server";

export type OfficeCertificate = { p12: Buffer; passphrase: string; source: "configured" | "demo" };

export function demoCertificatePaths(officeCode: string) {
  const dir = path.resolve(env().DATA_DIR, "sertifikat");
  const base = officeCode.replace(/[^0-9A-Za-z.]/g, "_");
  return { dir, p12: path.join(dir, `${base}.p12`), passphrase: path.join(dir, `${base}.passphrase`) };
}

export function officeCertificate(office: { code: string; name: string }): OfficeCertificate {
  const settings = env();
  if (settings.SEAL_P12_PATH) {
    const file = settings.SEAL_P12_PATH.replaceAll("{kode}", office.code);
    if (!fs.existsSync(file)) throw new SealError(`Berkas sertifikat segel kantor tidak ditemukan (${path.basename(file)}).`);
    if (!settings.SEAL_P12_PASSPHRASE) throw new SealError("Kata sandi sertifikat segel (SEAL_P12_PASSPHRASE) belum diatur.");
    return { p12: fs.readFileSync(file), passphrase: settings.SEAL_P12_PASSPHRASE, source: "configured" };
  }
  if (!settings.isDemo) throw new SealError("Sertifikat segel kantor belum diatur (SEAL_P12_PATH dan SEAL_P12_PASSPHRASE).");
  const where = demoCertificatePaths(office.code);
  if (!fs.existsSync(where.p12) || !fs.existsSync(where.passphrase)) {
    fs.mkdirSync(where.dir, { recursive: true, mode: 0o700 });
    const passphrase = randomBytes(18).toString("base64url");
    fs.writeFileSync(where.passphrase, passphrase, { mode: 0o600 });
    fs.writeFileSync(where.p12, createSelfSignedP12(office.name, passphrase), { mode: 0o600 });
  }
  return { p12: fs.readFileSync(where.p12), passphrase: fs.readFileSync(where.passphrase, "utf8").trim(), source: "demo" };
}
