import { describe, expect, it } from "vitest";
import { EXAMPLE_CSV, parseStakeholderCsv } from "../../app/domain/stakeholder-import";

describe("stakeholder CSV", () => {
  it("reads the example file: organisations with their contacts, phones normalised", () => {
    const r = parseStakeholderCsv(EXAMPLE_CSV);
    expect(r.problems).toEqual([]);
    expect(r.organisations).toBe(2);
    expect(r.rows[0].contact?.whatsapp).toBe("+6281234567890");
    expect(r.rows[1].org.type).toBe("dukcapil");
  });

  it("accepts semicolons, a BOM and header case", () => {
    const r = parseStakeholderCsv("\uFEFFNama;Jenis;WhatsApp;Kontak\nKUA Kecamatan A;KUA / Kemenag;081234567890;Pak Budi\n");
    expect(r.problems).toEqual([]);
    expect(r.rows[0]).toMatchObject({ org: { name: "KUA Kecamatan A", type: "kua_kemenag" }, contact: { name: "Pak Budi" } });
  });

  it("reports every bad row and cell", () => {
    const csv = [
      "nama,jenis,kontak,whatsapp,email",
      ",bawaslu,Ani,0812345678901,",
      "Partai A,partai,Budi,0812-3456-7890,",
      "Partai B,partai_politik,Citra,021-555,citra@",
      "Dinsos,dinas_sosial,,,",
      "Dinsos,dinas_sosial,,,",
      "Polres,polres,Dedi,0812-1111-2222,",
      "polres,kodim_tni,Eko,0812-1111-3333,",
    ].join("\n");
    const r = parseStakeholderCsv(csv, new Set(["partai b"]));
    expect(r.problems).toEqual([
      { row: 2, column: "nama", message: "Nama organisasi wajib diisi." },
      { row: 3, column: "jenis", message: 'Jenis "partai" tidak dikenal.' },
      { row: 4, column: "whatsapp", message: "Nomor WhatsApp tidak valid (contoh: 0812-3456-7890)." },
      { row: 4, column: "email", message: "E-mail tidak valid (contoh: nama@instansi.go.id)." },
      { row: 4, column: "nama", message: 'Organisasi "Partai B" sudah ada di direktori.' },
      { row: 6, column: "nama", message: "Baris ganda: organisasi ini sudah ada di baris 5." },
      { row: 8, column: "jenis", message: "Organisasi yang sama di baris 7 berjenis lain." },
    ]);
  });

  it("refuses a file without the required columns or with binary content", () => {
    expect(parseStakeholderCsv("foo,bar\n1,2").problems[0].message).toMatch(/Kolom wajib tidak ada: nama, jenis/);
    expect(parseStakeholderCsv("nama,jenis\n\u0000\u0001").problems[0].message).toBe("Berkas bukan teks CSV.");
  });
});
