import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { checkP12, createSelfSignedP12, sealPdf, SealError } from "../../app/pdf/seal.server";
import { TMP } from "../helpers/paths";

function samplePdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: "A4", info: { Title: "Uji segel" } });
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.fontSize(14).text("BERITA ACARA — uji segel digital");
    doc.end();
  });
}

function pdfsig(file: string) {
  try {
    return execFileSync("pdfsig", [file], { encoding: "utf8" });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

describe("sealing a PDF", () => {
  const p12 = createSelfSignedP12("KPU Kabupaten Jepara", "rahasia-demo");

  it("pdfsig reports the signature valid and covering the whole document", async () => {
    const sealed = await sealPdf(await samplePdf(), p12, "rahasia-demo", {
      reason: "Berita acara ditandatangani",
      location: "Jepara",
      name: "KPU Kabupaten Jepara",
      contactInfo: "pleno",
    });
    const file = path.join(TMP, `sealed-${Date.now()}.pdf`);
    fs.mkdirSync(TMP, { recursive: true });
    fs.writeFileSync(file, sealed);
    const out = pdfsig(file);
    expect(out).toContain("Signature is Valid");
    expect(out).toContain("Total document signed");

    // One changed byte in the signed content (the title, so the file still parses) breaks it.
    const tampered = Buffer.from(sealed);
    const at = tampered.indexOf("Uji segel");
    expect(at).toBeGreaterThan(0);
    tampered[at] = "V".charCodeAt(0);
    fs.writeFileSync(file, tampered);
    const after = pdfsig(file);
    expect(after).toMatch(/Signature is Invalid|Digest Mismatch/i);
    expect(after).not.toContain("Signature is Valid");
  });

  it("a wrong passphrase is refused with a clear message", () => {
    expect(() => checkP12(p12, "salah")).toThrow(SealError);
    expect(() => checkP12(p12, "salah")).toThrow(/kata sandi sertifikat salah/);
    expect(checkP12(p12, "rahasia-demo").subject).toBe("KPU Kabupaten Jepara");
  });
});
