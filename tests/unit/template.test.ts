import { describe, expect, it } from "vitest";
import { compileTemplate, parseTemplate, renderTemplate, TemplateSyntaxError, type TemplateSchema } from "../../app/domain/template";

const schema: TemplateSchema = {
  values: ["nomor", "tanggal_kata", "tempat", "wilayah", "kota", "tanggal"],
  lists: {
    masukan: { values: ["urut", "organisasi"], lists: { poin: { values: ["uraian"] } } },
    keputusan: { values: ["teks"] },
  },
  tables: ["rekap", "tanda_tangan"],
};

const SOURCE = `::kop
# BERITA ACARA
::fields
Nomor: {{nomor}}

Pada hari ini {{tanggal_kata}}, bertempat di {{tempat}},
KPU {{wilayah}} melaksanakan rapat pleno.

::table rekap
menerima masukan dari:
{{#each masukan}}
- {{organisasi}}
{{#each poin}}
  - {{uraian}}
{{/each}}
{{/each}}
{{#if keputusan}}
## Keputusan
{{#each keputusan}}
- {{teks}}
{{/each}}
{{else}}
Tidak ada keputusan.
{{/if}}
> {{kota}}, {{tanggal}}`;

describe("templates", () => {
  it("fills values, repeats sections and groups lines into blocks", () => {
    const t = compileTemplate(SOURCE, schema);
    const blocks = renderTemplate(t, {
      nomor: "06/PL.01.2-BA/3320/KPU-Kab/XII/2025",
      tanggal_kata: "Senin, tanggal delapan bulan Desember tahun dua ribu dua puluh lima",
      tempat: "Aula KPU",
      wilayah: "Kabupaten Jepara",
      kota: "Jepara",
      tanggal: "8 Desember 2025",
      masukan: [
        { organisasi: "Bawaslu", poin: [{ uraian: "Pemilih meninggal belum dicoret" }, { uraian: "Ganda di Desa A" }] },
        { organisasi: "Dukcapil", poin: [] },
      ],
      keputusan: [],
    });
    expect(blocks).toEqual([
      { kind: "kop" },
      { kind: "heading", text: "BERITA ACARA" },
      { kind: "fields", rows: [["Nomor", "06/PL.01.2-BA/3320/KPU-Kab/XII/2025"]] },
      {
        kind: "paragraph",
        text: "Pada hari ini Senin, tanggal delapan bulan Desember tahun dua ribu dua puluh lima, bertempat di Aula KPU, KPU Kabupaten Jepara melaksanakan rapat pleno.",
      },
      { kind: "table", name: "rekap" },
      { kind: "paragraph", text: "menerima masukan dari:" },
      {
        kind: "list",
        items: [
          { text: "Bawaslu", sub: ["Pemilih meninggal belum dicoret", "Ganda di Desa A"] },
          { text: "Dukcapil", sub: [] },
        ],
      },
      { kind: "paragraph", text: "Tidak ada keputusan." },
      { kind: "right", text: "Jepara, 8 Desember 2025" },
    ]);
  });

  it("keeps the lines of a ::lines block apart (an address)", () => {
    const t = compileTemplate("::lines\nKepada Yth.\n{{tempat}}\ndi tempat\n\nDengan hormat,", schema);
    expect(renderTemplate(t, { tempat: "Bawaslu" })).toEqual([
      { kind: "lines", lines: ["Kepada Yth.", "Bawaslu", "di tempat"] },
      { kind: "paragraph", text: "Dengan hormat," },
    ]);
  });

  it("inserts values as text, never as markup", () => {
    const t = compileTemplate("{{tempat}}\n", schema);
    expect(renderTemplate(t, { tempat: "# <script>alert(1)</script>\n::kop" })).toEqual([
      { kind: "paragraph", text: "# <script>alert(1)</script>\n::kop" },
    ]);
  });

  it("refuses unknown placeholders and broken sections with the line and the reason", () => {
    const broken = `# {{nomorr}}
{{#each masukan}}
- {{organisasi}} {{uraian}}
{{#if tempat}}
{{/each}}
::table lain
{{#each tidak_ada}}
{{/each}}
{{#each keputusan}}
teks {{#if x}} di tengah
{{ 1+1 }}`;
    const { errors } = parseTemplate(broken, schema);
    expect(errors).toEqual([
      { line: 1, message: "penanda {{nomorr}} tidak dikenal" },
      { line: 3, message: "penanda {{uraian}} tidak dikenal" },
      { line: 5, message: "{{/each}} menutup bagian {{#if}} dari baris 4" },
      { line: 6, message: "tabel ::table lain tidak dikenal" },
      { line: 7, message: "daftar {{#each tidak_ada}} tidak dikenal" },
      { line: 10, message: "penanda bagian ({{#each}}, {{#if}}, {{else}}, {{/…}}) harus berdiri di barisnya sendiri" },
      { line: 11, message: "penanda {{1+1}} tidak sah di tempat ini" },
      { line: 9, message: "bagian {{#each keputusan}} tidak ditutup" },
      { line: 2, message: "bagian {{#each masukan}} tidak ditutup" },
    ]);
    expect(() => compileTemplate(broken, schema)).toThrow(TemplateSyntaxError);
  });
});
