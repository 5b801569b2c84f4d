import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { TMP } from "./paths";

/** Writes the PDF to a temporary file and returns its path (for poppler and qpdf). */
export function pdfFile(pdf: Buffer): string {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, `doc-${randomUUID()}.pdf`);
  fs.writeFileSync(file, pdf);
  return file;
}

/** The text poppler reads from the PDF, page by page (split on form feeds). */
export function pdfText(pdf: Buffer): string[] {
  const out = execFileSync("pdftotext", ["-layout", pdfFile(pdf), "-"], { encoding: "utf8" });
  return out.split("\f").filter((p, i, all) => p.trim() || i < all.length - 1);
}

export function qpdfCheck(pdf: Buffer): string {
  try {
    return execFileSync("qpdf", ["--check", pdfFile(pdf)], { encoding: "utf8" });
  } catch (error) {
    return String((error as { stdout?: string }).stdout ?? error);
  }
}

/** pdffonts lines: name, type, encoding, emb, sub, uni, object. */
export function pdfFonts(pdf: Buffer): string[] {
  return execFileSync("pdffonts", [pdfFile(pdf)], { encoding: "utf8" }).split("\n").slice(2).filter(Boolean);
}
