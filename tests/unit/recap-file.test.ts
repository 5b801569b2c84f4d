import { describe, expect, it } from "vitest";
import { recapColumns } from "../../app/domain/recap";
import { applyMapping, findHeader, guessMapping, parseCsv, readUpload } from "../../app/lib/recap-file.server";

const columns = recapColumns([{ code: "1", label: "Meninggal" }]);

describe("recap files", () => {
  it("reads a semicolon CSV with a two-row Model A-Rekap header under title rows", () => {
    const text = [
      "MODEL A-REKAP PDPB;;;;",
      "No;Kecamatan;DPB sebelumnya;;Pemilih baru;;TMS Meninggal;",
      ";;L;P;L;P;L;P",
      "1;Kedung;100;90;5;4;1;0",
      ";Jumlah;100;90;5;4;1;0",
    ].join("\n");
    const grid = parseCsv(text);
    if ("refused" in grid) throw new Error(grid.refused);
    const header = findHeader(grid)!;
    expect(header.row).toBe(2);
    expect(header.names.slice(2, 5)).toEqual(["DPB sebelumnya L", "DPB sebelumnya P", "Pemilih baru L"]);
    const mapping = guessMapping(columns, header);
    expect(mapping).toMatchObject({ area: 1, "previous.l": 2, "previous.p": 3, "newVoters.l": 4, "tms.1.l": 6, "tms.1.p": 7, "dpb.l": -1 });
    const rows = applyMapping(grid, header, mapping);
    expect(rows).toEqual([{ line: 4, cells: { area: "Kedung", "previous.l": "100", "previous.p": "90", "newVoters.l": "5", "newVoters.p": "4", "tms.1.l": "1", "tms.1.p": "0" } }]);
  });

  it("refuses by content: binary, non-UTF-8 text, empty", async () => {
    expect(await readUpload(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0, 1]))).toMatchObject({ refused: expect.stringContaining("biner") });
    expect(await readUpload(new Uint8Array([0x41, 0xff, 0xfe, 0x41]))).toMatchObject({ refused: expect.stringContaining("UTF-8") });
    expect(await readUpload(new Uint8Array([]))).toEqual({ refused: "Berkas kosong." });
  });
});
