import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { sumLP, totalRow, type Column, type ComputedRow, type RawRow } from "../domain/recap";

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type Grid = string[][];
export type FileRefusal = { refused: string };

/** Reads an uploaded file by its content, not its name: XLSX is a ZIP, CSV is UTF-8 text. */
export async function readUpload(bytes: Uint8Array): Promise<Grid | FileRefusal> {
  if (bytes.byteLength === 0) return { refused: "Berkas kosong." };
  if (bytes.byteLength > MAX_UPLOAD_BYTES) return { refused: "Berkas lebih dari 10 MB. Pecah berkas atau hapus lembar lain." };
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  if (isZip) return readXlsx(bytes);
  if (bytes.subarray(0, 8192).includes(0)) return { refused: "Berkas bukan CSV atau XLSX (isi berkas biner)." };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { refused: "Berkas CSV harus berformat teks UTF-8." };
  }
  return parseCsv(text);
}

export function parseCsv(text: string): Grid | FileRefusal {
  const body = text.replace(/^\uFEFF/, "");
  const firstLine = body.slice(0, body.indexOf("\n") >>> 0);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  const parsed = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: "greedy" });
  if (parsed.data.length === 0) return { refused: "Berkas CSV tidak berisi baris." };
  return parsed.data;
}

async function readXlsx(bytes: Uint8Array): Promise<Grid | FileRefusal> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    return { refused: "Berkas ZIP ini bukan XLSX yang dapat dibaca. Simpan ulang dari Excel sebagai .xlsx." };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { refused: "Berkas XLSX tidak berisi lembar kerja." };
  const grid: Grid = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    grid[rowNumber - 1] = cells;
  });
  for (let i = 0; i < grid.length; i++) grid[i] ??= [];
  return grid;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "object") {
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if (value instanceof Date) return value.toISOString();
    return "";
  }
  return String(value);
}

/* ---------- Header detection and mapping ---------- */

const normal = (s: string) =>
  s
    .toLowerCase()
    .replace(/jumlah|total/g, "jumlah")
    .replace(/[^a-z0-9+]+/g, " ")
    .trim();

export type Header = { row: number; names: string[] };

/**
 * Finds the header of a Model A-Rekap sheet: the first row naming the area, plus a second row of
 * L / P / L+P under merged group titles when there is one. Group titles carry over merged cells.
 */
export function findHeader(grid: Grid): Header | null {
  const start = grid.findIndex((r) => r.some((c) => /^(kode|kecamatan|desa|kelurahan|wilayah)/i.test(c.trim())));
  if (start < 0) return null;
  const top = grid[start];
  const below = grid[start + 1] ?? [];
  const twoRows = below.some((c) => /^(l|p)$/i.test(c.trim()));
  if (!twoRows) return { row: start, names: top.map((c) => c.trim()) };
  const names: string[] = [];
  let group = "";
  const width = Math.max(top.length, below.length);
  for (let i = 0; i < width; i++) {
    const t = (top[i] ?? "").trim();
    const b = (below[i] ?? "").trim();
    if (t) group = t;
    names.push(b ? `${t || group} ${b}` : t);
  }
  return { row: start + 1, names };
}

/** The column each field reads from, guessed from the header names; -1 when absent. */
export function guessMapping(columns: Column[], header: Header): Record<string, number> {
  const names = header.names.map(normal);
  const mapping: Record<string, number> = {};
  for (const col of columns) {
    if (col.key === "area") {
      const code = names.findIndex((n) => /^kode/.test(n));
      mapping.area = code >= 0 ? code : names.findIndex((n) => /^(kecamatan|desa|kelurahan|wilayah|nama)/.test(n));
      continue;
    }
    const wanted = normal(col.label);
    mapping[col.key] = names.indexOf(wanted);
  }
  return mapping;
}

/** The rows under the header as raw cells by field key; `line` is the spreadsheet's row number. */
export function applyMapping(grid: Grid, header: Header, mapping: Record<string, number>): RawRow[] {
  const out: RawRow[] = [];
  const entries = Object.entries(mapping).filter(([, i]) => i >= 0);
  const keys = entries.map(([k]) => k);
  const indexes = entries.map(([, i]) => i);
  for (let r = header.row + 1; r < grid.length; r++) {
    const row = grid[r];
    if (!row) continue;
    const first = row.find((c) => c && c.trim());
    if (first === undefined || /^(jumlah|total)\b/i.test(first.trim())) continue;
    // Empty cells count as 0, so they are left out: a national desa file has mostly empty TMS cells.
    const cells: Record<string, unknown> = {};
    for (let k = 0; k < keys.length; k++) {
      const value = row[indexes[k]];
      if (value !== undefined && value !== "") cells[keys[k]] = value;
    }
    out.push({ line: r + 1, cells });
  }
  return out;
}

/* ---------- Export in the Model A-Rekap layout ---------- */

type ExportInput = {
  officeName: string;
  periodLabel: string;
  levelLabel: string;
  categories: { code: string; label: string }[];
  rows: (ComputedRow & { name: string })[];
};

function lpCells(v: { l: number; p: number }) {
  return [v.l, v.p, sumLP(v)];
}

function groups(categories: ExportInput["categories"]) {
  return [
    { title: "DPB sebelumnya", subs: ["L", "P", "L+P"] },
    { title: "Pemilih baru", subs: ["L", "P", "L+P"] },
    ...categories.map((c) => ({ title: `TMS ${c.label}`, subs: ["L", "P"] })),
    { title: "Jumlah TMS", subs: ["L", "P", "L+P"] },
    { title: "Perbaikan data", subs: ["L", "P", "L+P"] },
    { title: "DPB", subs: ["L", "P", "L+P"] },
  ];
}

function valuesOf(row: ComputedRow | Omit<ComputedRow, "areaCode">, categories: ExportInput["categories"]) {
  return [
    ...lpCells(row.previous),
    ...lpCells(row.newVoters),
    ...categories.flatMap((c) => {
      const v = row.tms[c.code] ?? { l: 0, p: 0 };
      return [v.l, v.p];
    }),
    ...lpCells(row.tmsTotal),
    ...lpCells(row.corrections),
    ...lpCells(row.dpb),
  ];
}

/** A flat CSV whose header names the import recognises without any mapping. */
export function recapCsv(input: ExportInput): string {
  const header = ["No", "Kode", input.levelLabel, ...groups(input.categories).flatMap((g) => g.subs.map((s) => `${g.title} ${s}`))];
  const lines = [header];
  input.rows.forEach((r, i) => lines.push([String(i + 1), r.areaCode, r.name, ...valuesOf(r, input.categories).map(String)]));
  const total = totalRow(input.rows, input.categories.map((c) => c.code));
  lines.push(["", "", "Jumlah", ...valuesOf(total, input.categories).map(String)]);
  return Papa.unparse(lines);
}

/** XLSX laid out as the Model A-Rekap PDPB: title, merged group headers, L / P / L+P, total row. */
export async function recapXlsx(input: ExportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Model A-Rekap PDPB");
  const g = groups(input.categories);
  const width = 3 + g.reduce((s, x) => s + x.subs.length, 0);
  sheet.addRow(["MODEL A-REKAP PDPB"]);
  sheet.addRow([`REKAPITULASI DAFTAR PEMILIH BERKELANJUTAN ${input.periodLabel.toUpperCase()}`]);
  sheet.addRow([input.officeName.toUpperCase()]);
  sheet.addRow([]);
  for (const r of [1, 2, 3]) {
    sheet.mergeCells(r, 1, r, width);
    sheet.getRow(r).font = { bold: true };
    sheet.getRow(r).alignment = { horizontal: "center" };
  }
  const top = ["No", "Kode", input.levelLabel];
  const sub = ["", "", ""];
  for (const x of g) {
    top.push(x.title, ...x.subs.slice(1).map(() => ""));
    sub.push(...x.subs);
  }
  const h1 = sheet.addRow(top);
  const h2 = sheet.addRow(sub);
  for (const c of [1, 2, 3]) sheet.mergeCells(h1.number, c, h2.number, c);
  let col = 4;
  for (const x of g) {
    sheet.mergeCells(h1.number, col, h1.number, col + x.subs.length - 1);
    col += x.subs.length;
  }
  for (const h of [h1, h2]) {
    h.font = { bold: true };
    h.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  }
  input.rows.forEach((r, i) => sheet.addRow([i + 1, r.areaCode, r.name, ...valuesOf(r, input.categories)]));
  const total = totalRow(input.rows, input.categories.map((c) => c.code));
  const t = sheet.addRow(["", "", "Jumlah", ...valuesOf(total, input.categories)]);
  t.font = { bold: true };
  for (let c = 4; c <= width; c++) sheet.getColumn(c).numFmt = "#,##0";
  sheet.getColumn(3).width = 24;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}


/* ---------- Between the upload and the mapping step ---------- */

type Stash = { officeId: number; userId: number; period: string; level: "kecamatan" | "desa"; fileName: string; grid: Grid; header: Header };

const stashDir = () => path.join(os.tmpdir(), "pleno-impor");

/** Keeps an uploaded file's cells for the mapping step; the token is random and bound to the user. */
export function stashUpload(stash: Stash): string {
  fs.mkdirSync(stashDir(), { recursive: true });
  const dayAgo = Date.now() - 24 * 3600 * 1000;
  for (const f of fs.readdirSync(stashDir())) {
    const file = path.join(stashDir(), f);
    if (fs.statSync(file).mtimeMs < dayAgo) fs.rmSync(file, { force: true });
  }
  const token = randomUUID();
  fs.writeFileSync(path.join(stashDir(), `${token}.json`), JSON.stringify(stash));
  return token;
}

export function loadStash(token: string, officeId: number, userId: number): Stash | null {
  if (!/^[0-9a-f-]{36}$/.test(token)) return null;
  const file = path.join(stashDir(), `${token}.json`);
  if (!fs.existsSync(file)) return null;
  const stash = JSON.parse(fs.readFileSync(file, "utf8")) as Stash;
  return stash.officeId === officeId && stash.userId === userId ? stash : null;
}
