/**
 * Checking a CSV of published metrics before anything is saved: every row and every bad cell is
 * reported, in Bahasa Indonesia. Pure: the caller passes how to look offices up.
 */
import Papa from "papaparse";
import { isPeriod, metricByCode, metricValueProblem } from "./metrics";

export const IMPORT_COLUMNS = ["region_code", "office", "period", "metric", "value", "source"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
const REQUIRED: ImportColumn[] = ["region_code", "period", "metric", "value", "source"];

export const MAX_IMPORT_BYTES = 2_000_000;
export const MAX_IMPORT_ROWS = 20_000;

export type OfficeRef = { id: number; code: string; name: string };

export type PreviewRow = {
  /** Line in the file (the header is line 1). */
  line: number;
  cells: Record<ImportColumn, string>;
  errors: Partial<Record<ImportColumn, string>>;
  warnings: Partial<Record<ImportColumn, string>>;
  office?: OfficeRef;
  value?: number;
};

export type ImportPreview = { fileErrors: string[]; rows: PreviewRow[]; badRows: number };

export type ValidRow = { officeId: number; period: string; metric: string; value: number; source: string };

/** "1234.5" → 1234.5. Only plain decimal numbers with a dot: "1.234.567" or "0,64" are refused. */
export function parseDecimal(text: string): number | null {
  const t = text.trim();
  if (!/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

const normaliseName = (s: string) => s.toLowerCase().replace(/\s+/g, " ").trim();

export function checkMetricCsv(
  text: string,
  lookup: { officeByCode: (code: string) => OfficeRef | undefined; inScope: (office: OfficeRef) => boolean },
): ImportPreview {
  const fileErrors: string[] = [];
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" });
  const [header, ...body] = parsed.data;
  if (!header) return { fileErrors: ["Berkas kosong."], rows: [], badRows: 0 };
  const names = header.map((h) => h.trim().toLowerCase());
  const index = new Map<ImportColumn, number>();
  for (const column of IMPORT_COLUMNS) {
    const at = names.indexOf(column);
    if (at >= 0) index.set(column, at);
  }
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length) fileErrors.push(`Kolom wajib tidak ada: ${missing.join(", ")}. Baris judul harus: ${IMPORT_COLUMNS.join(",")}.`);
  if (body.length > MAX_IMPORT_ROWS) fileErrors.push(`Berkas berisi ${body.length} baris; paling banyak ${MAX_IMPORT_ROWS} baris sekali impor.`);
  if (body.length === 0) fileErrors.push("Berkas tidak berisi baris data.");
  if (fileErrors.length) return { fileErrors, rows: [], badRows: 0 };

  const seen = new Map<string, number>();
  const rows: PreviewRow[] = body.map((record, i) => {
    const line = i + 2;
    const cell = (c: ImportColumn) => (index.has(c) ? (record[index.get(c)!] ?? "").trim() : "");
    const cells = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, cell(c)])) as Record<ImportColumn, string>;
    const errors: PreviewRow["errors"] = {};
    const warnings: PreviewRow["warnings"] = {};
    const row: PreviewRow = { line, cells, errors, warnings };

    if (!cells.region_code) errors.region_code = "Kode wilayah wajib diisi.";
    else {
      const office = lookup.officeByCode(cells.region_code);
      if (!office) errors.region_code = "Kode wilayah tidak dikenal.";
      else if (!lookup.inScope(office)) errors.region_code = "Kantor ini di luar cakupan akun Anda.";
      else {
        row.office = office;
        if (cells.office && normaliseName(cells.office) !== normaliseName(office.name))
          warnings.office = `Nama berbeda dengan kode ${office.code} (${office.name}); yang dipakai kode wilayah.`;
      }
    }
    if (!cells.period) errors.period = "Periode wajib diisi.";
    else if (!isPeriod(cells.period)) errors.period = "Periode tidak valid (contoh: 2025-10, 2025-Q4, 2025-S2).";

    const def = metricByCode(cells.metric);
    if (!cells.metric) errors.metric = "Metrik wajib diisi.";
    else if (!def) errors.metric = "Metrik tidak dikenal.";

    const value = parseDecimal(cells.value);
    if (!cells.value) errors.value = "Nilai wajib diisi.";
    else if (value === null) errors.value = "Nilai bukan angka (gunakan titik untuk desimal, tanpa pemisah ribuan).";
    else if (def) {
      const problem = metricValueProblem(def, value);
      if (problem) errors.value = problem;
    }
    if (value !== null && !errors.value) row.value = value;

    if (!cells.source) errors.source = "Sumber wajib diisi: setiap angka di papan menyebut sumbernya.";
    else if (cells.source.length > 500) errors.source = "Sumber paling banyak 500 karakter.";

    if (row.office && !errors.period && !errors.metric) {
      const key = `${row.office.id}|${cells.period}|${cells.metric}`;
      const first = seen.get(key);
      if (first) errors.period = `Baris ganda: kantor, periode dan metrik sama dengan baris ${first}.`;
      else seen.set(key, line);
    }
    return row;
  });
  return { fileErrors, rows, badRows: rows.filter((r) => Object.keys(r.errors).length > 0).length };
}

/** The rows to save, once the preview has no error at all. */
export function validRows(preview: ImportPreview): ValidRow[] | null {
  if (preview.fileErrors.length || preview.badRows) return null;
  return preview.rows.map((r) => ({
    officeId: r.office!.id,
    period: r.cells.period,
    metric: r.cells.metric,
    value: r.value!,
    source: r.cells.source,
  }));
}
