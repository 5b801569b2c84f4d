/**
 * Seals a finished PDF with a digital signature over the whole file (PKCS#7 detached, SHA-256),
 * using the office's PKCS#12 certificate. pdfkit 0.20 cannot reserve the signature itself, so the
 * placeholder is added to the finished buffer (@signpdf/placeholder-plain) and then signed
 * (@signpdf/signer-p12). See docs/decisions/0005-sealing.md.
 */
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { plainAddPlaceholder } from "@signpdf/placeholder-plain";
import { SignPdf } from "@signpdf/signpdf";
import { P12Signer } from "@signpdf/signer-p12";
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from "@signpdf/utils";
import forge from "node-forge";

export type SealInfo = { reason: string; location: string; name: string; contactInfo: string; signingTime?: Date };

export class SealError extends Error {}

/** A self-signed certificate for demo mode (one per office), as a passphrase-protected PKCS#12. */
export function createSelfSignedP12(commonName: string, passphrase: string, now = new Date()): Buffer {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: "pkcs1", format: "pem" }).toString());
  const forgePublic = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forgePublic;
  cert.serialNumber = `01${randomBytes(8).toString("hex")}`;
  cert.validity.notBefore = new Date(now.getTime() - 86_400_000);
  cert.validity.notAfter = new Date(now.getTime() + 5 * 365 * 86_400_000);
  const subject = [
    { name: "commonName", value: commonName },
    { name: "organizationName", value: "Komisi Pemilihan Umum (sertifikat demo Pleno)" },
    { name: "countryName", value: "ID" },
  ];
  cert.setSubject(subject);
  cert.setIssuer(subject);
  cert.setExtensions([
    { name: "basicConstraints", cA: false },
    { name: "keyUsage", digitalSignature: true, nonRepudiation: true },
    { name: "subjectKeyIdentifier" },
  ]);
  cert.sign(forgeKey, forge.md.sha256.create());
  const p12 = forge.pkcs12.toPkcs12Asn1(forgeKey, [cert], passphrase, { algorithm: "aes256" });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), "binary");
}

/** Checks that a PKCS#12 file opens with its passphrase; throws a SealError with a clear message. */
export function checkP12(p12: Buffer, passphrase: string) {
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(p12.toString("binary")));
    const parsed = forge.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
    const certs = parsed.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
    const cert = certs[0]?.cert;
    if (!cert) throw new SealError("Berkas sertifikat tidak memuat sertifikat.");
    if (cert.validity.notAfter.getTime() < Date.now()) throw new SealError("Sertifikat kantor sudah kedaluwarsa.");
    return { subject: String(cert.subject.getField("CN")?.value ?? ""), notAfter: cert.validity.notAfter };
  } catch (error) {
    if (error instanceof SealError) throw error;
    throw new SealError("Sertifikat kantor tidak dapat dibuka: kata sandi sertifikat salah atau berkas rusak.");
  }
}

/** Signs the whole PDF. The result is what is published; its SHA-256 identifies it. */
export async function sealPdf(pdf: Buffer, p12: Buffer, passphrase: string, info: SealInfo): Promise<Buffer> {
  checkP12(p12, passphrase);
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: info.reason,
    location: info.location,
    name: info.name,
    contactInfo: info.contactInfo,
    signingTime: info.signingTime,
    signatureLength: 16_384,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: "Pleno",
  });
  const signer = new P12Signer(p12, { passphrase });
  return new SignPdf().sign(withPlaceholder, signer, info.signingTime);
}
