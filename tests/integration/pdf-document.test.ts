import { describe, expect, it } from "vitest";
import { OfficialDocument } from "../../app/pdf/document.server";
import { pdfFonts, pdfText, qpdfCheck } from "../helpers/pdf";

async function sample(rows: number) {
  const d = new OfficialDocument({ title: "BERITA ACARA UJI", author: "KPU Kabupaten Jepara" });
  d.kop(["KOMISI PEMILIHAN UMUM", "KABUPATEN JEPARA"]);
  d.heading("BERITA ACARA").fields([["Nomor", "01/PL.01.2-BA/3320/KPU-Kab/XII/2025"]]);
  d.paragraph("Pada hari ini Senin, tanggal delapan bulan Desember tahun dua ribu dua puluh lima, bertempat di Aula.");
  d.table({
    columns: [
      { header: "No", width: 1, align: "right" },
      { header: "Kecamatan", width: 5 },
      { header: "L", width: 2, align: "right" },
      { header: "P", width: 2, align: "right" },
    ],
    rows: Array.from({ length: rows }, (_, i) => [String(i + 1), `Kecamatan Uji ${i + 1}`, "1.000", "1.001"]),
  });
  d.paragraph("Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.");
  return d.finish("Dokumen uji");
}

describe("official PDF documents", () => {
  it("tables break across pages with the header repeated, every row kept, pages numbered", async () => {
    const pdf = await sample(120);
    const pages = pdfText(pdf);
    expect(pages.length).toBeGreaterThan(2);
    pages.forEach((page, i) => {
      expect(page).toContain(`Halaman ${i + 1} dari ${pages.length}`);
      if (i > 0 && page.includes("Kecamatan Uji")) expect(page).toMatch(/No\s+Kecamatan\s+L\s+P/);
    });
    const all = pages.join("\n");
    for (let i = 1; i <= 120; i++) expect(all).toContain(`Kecamatan Uji ${i} `);
    expect(all).toContain("Pada hari ini Senin, tanggal delapan bulan Desember");
    expect(all).toContain("01/PL.01.2-BA/3320/KPU-Kab/XII/2025");
  });

  it("is a clean PDF with every font embedded, declared PDF/A-2b", async () => {
    const pdf = await sample(10);
    expect(qpdfCheck(pdf)).toContain("No syntax or stream encoding errors found");
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line).toMatch(/TrueType.*\byes\s+yes\s+yes\b/);
    const raw = pdf.toString("latin1");
    expect(raw).toContain("<pdfaid:part>2</pdfaid:part>");
    expect(raw).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
  });
});

describe("no figure broken, no footer overlapping", () => {
  it("figure columns are as wide as their widest number; a table too wide for its size is set smaller; words wrap in the text columns", async () => {
    // Ten columns of 9- and 10-character figures do not fit A4 at 9 pt.
    const d = new OfficialDocument({ title: "Uji tabel lebar", author: "KPU Kabupaten Tangerang" });
    const figures = Array.from({ length: 10 }, (_, i) => ({ header: `Kolom ${i + 1}`, width: 1, align: "right" as const }));
    const numbers = (r: number) => figures.map((_, i) => `${r + 1}.${String(i).padStart(3, "0")}.${String(r).padStart(3, "0")}`);
    const rows = Array.from({ length: 30 }, (_, r) => [String(r + 1), `Desa dengan nama yang cukup panjang ${r + 1}`, ...numbers(r)]);
    d.table({ columns: [{ header: "No", width: 1, align: "right" }, { header: "Desa/Kelurahan", width: 6 }, ...figures], rows, boldRows: new Set([29]), fontSize: 9 });
    const pdf = await d.finish("Kaki halaman yang sangat panjang sekali ".repeat(8).trim());
    const text = pdfText(pdf).join("\n");
    for (let r = 0; r < rows.length; r++) for (const n of numbers(r)) expect(text).toContain(n);
    // The footer is cut with an ellipsis and the page number stays whole beside it.
    expect(text).toMatch(/Kaki halaman yang sangat panjang sekali[^\n]*…\s+Halaman 1 dari \d/);
  });
});
