/**
 * The Model A-Rekap PDPB rules: DPB(t) = DPB(t−1) + pemilih baru − TMS, in L and P separately.
 * Perbaikan data (corrections) changes records, never the total. Pure: no I/O.
 */
import { numberFormat } from "./format";

export type LP = { l: number; p: number };
export const sumLP = (c: LP) => c.l + c.p;
export const ZERO: LP = { l: 0, p: 0 };

export type RecapRow = {
  areaCode: string;
  previous: LP;
  newVoters: LP;
  /** TMS per category code. */
  tms: Record<string, LP>;
  corrections: LP;
};

export type ComputedRow = RecapRow & { tmsTotal: LP; dpb: LP };

export function tmsTotal(tms: Record<string, LP>): LP {
  let l = 0;
  let p = 0;
  for (const c of Object.values(tms)) {
    l += c.l;
    p += c.p;
  }
  return { l, p };
}

export function computeDpb(row: RecapRow): LP {
  const t = tmsTotal(row.tms);
  return { l: row.previous.l + row.newVoters.l - t.l, p: row.previous.p + row.newVoters.p - t.p };
}

export function computeRow(row: RecapRow): ComputedRow {
  return { ...row, tmsTotal: tmsTotal(row.tms), dpb: computeDpb(row) };
}

const add = (a: LP, b: LP): LP => ({ l: a.l + b.l, p: a.p + b.p });

/** The total row of a recap. */
export function totalRow(rows: ComputedRow[], categoryCodes: string[]): Omit<ComputedRow, "areaCode"> {
  const tms: Record<string, LP> = Object.fromEntries(categoryCodes.map((c) => [c, ZERO]));
  let previous = ZERO;
  let newVoters = ZERO;
  let corrections = ZERO;
  let tmsSum = ZERO;
  let dpb = ZERO;
  for (const r of rows) {
    previous = add(previous, r.previous);
    newVoters = add(newVoters, r.newVoters);
    corrections = add(corrections, r.corrections);
    tmsSum = add(tmsSum, r.tmsTotal);
    dpb = add(dpb, r.dpb);
    for (const [code, v] of Object.entries(r.tms)) tms[code] = add(tms[code] ?? ZERO, v);
  }
  return { previous, newVoters, tms, corrections, tmsTotal: tmsSum, dpb };
}

/* ---------- Periods ---------- */

export const PERIOD_PATTERN = /^(\d{4})-(0[1-9]|1[0-2]|Q[1-4]|S[12])$/;

export function isPeriod(value: string) {
  return PERIOD_PATTERN.test(value);
}

/** The last month a period covers, as a sortable number (2025-Q2 → 202506). */
export function periodEnd(period: string): number {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) throw new Error(`bad period ${period}`);
  const year = Number(m[1]);
  const part = m[2];
  const month = part.startsWith("Q") ? Number(part[1]) * 3 : part.startsWith("S") ? Number(part[1]) * 6 : Number(part);
  return year * 100 + month;
}

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];
const ROMAN = ["I", "II", "III", "IV"];

/** "2025-Q2" → "Triwulan II 2025"; "2021-05" → "Mei 2021". */
export function periodLabel(period: string): string {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) return period;
  const part = m[2];
  if (part.startsWith("Q")) return `Triwulan ${ROMAN[Number(part[1]) - 1]} ${m[1]}`;
  if (part.startsWith("S")) return `Semester ${ROMAN[Number(part[1]) - 1]} ${m[1]}`;
  return `${MONTHS[Number(part) - 1]} ${m[1]}`;
}

/* ---------- Columns, parsing and validation ---------- */

export type Column = { key: string; label: string; optional?: boolean };

/**
 * The columns of a Model A-Rekap PDPB row. Counts are entered as L and P; the L+P and DPB columns
 * are optional in a file and, when present, must agree with the computed values.
 */
export function recapColumns(categories: { code: string; label: string }[]): Column[] {
  const pair = (key: string, label: string): Column[] => [
    { key: `${key}.l`, label: `${label} L` },
    { key: `${key}.p`, label: `${label} P` },
  ];
  const triple = (key: string, label: string): Column[] => [
    ...pair(key, label),
    { key: `${key}.lp`, label: `${label} L+P`, optional: true },
  ];
  return [
    { key: "area", label: "Kode atau nama wilayah" },
    ...triple("previous", "DPB sebelumnya"),
    ...triple("newVoters", "Pemilih baru"),
    ...categories.flatMap((c) => pair(`tms.${c.code}`, `TMS ${c.label}`)),
    { key: "tmsTotal.l", label: "Jumlah TMS L", optional: true },
    { key: "tmsTotal.p", label: "Jumlah TMS P", optional: true },
    { key: "tmsTotal.lp", label: "Jumlah TMS L+P", optional: true },
    ...triple("corrections", "Perbaikan data"),
    { key: "dpb.l", label: "DPB L", optional: true },
    { key: "dpb.p", label: "DPB P", optional: true },
    { key: "dpb.lp", label: "DPB L+P", optional: true },
  ];
}

export type Problem = { row: number; column: string; message: string };

const DIGITS = /^\d{1,15}$/;

type Parsed = { ok: true; value: number } | { ok: false; message: string };

/** A count as typed or read from a file: "12143", "12.143" (id-ID thousands) or empty (0). */
export function parseCount(raw: unknown): Parsed {
  const v = countOf(raw);
  return typeof v === "number" ? { ok: true, value: v } : { ok: false, message: v };
}

/** `parseCount` without an object per call: the count, or the message saying why it is not one. */
function countOf(raw: unknown): number | string {
  if (raw === undefined || raw === null) return 0;
  if (typeof raw === "number") {
    if (!Number.isInteger(raw)) return "Harus bilangan bulat.";
    if (raw < 0) return "Tidak boleh negatif.";
    return raw;
  }
  if (typeof raw === "string" && DIGITS.test(raw)) return Number(raw);
  const text = String(raw).trim().replace(/\s+/g, "");
  if (text === "") return 0;
  if (/^-/.test(text)) return "Tidak boleh negatif.";
  if (/^\d+$/.test(text)) return Number(text);
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return Number(text.replace(/\./g, ""));
  if (/^\d+[.,]\d+$/.test(text)) return "Harus bilangan bulat.";
  return `"${String(raw).slice(0, 20)}" bukan angka.`;
}

export type RawRow = { line: number; cells: Record<string, unknown> };

export type ValidationContext = {
  categoryCodes: string[];
  /** Areas the office may report on, by code; names (lower case) resolve to codes. */
  areasByCode: Map<string, string>;
  areaCodeByName: Pick<Map<string, string>, "get">;
  /** The DPB determined for the previous period, per area; null when there is none. */
  determinedPrevious: Map<string, LP> | null;
};

const plainNumbers = numberFormat({});
const fmt = (n: number) => plainNumbers.format(n);

/** A cell's count; a problem is recorded against the cell and 0 used in its place. */
function cellCount(cells: Record<string, unknown>, key: string, line: number, problems: Problem[]): number {
  const v = countOf(cells[key]);
  if (typeof v === "number") return v;
  problems.push({ row: line, column: key, message: v });
  return 0;
}

/** A total the file states (a blank cell states nothing) must be the computed one. */
function checkStated(cells: Record<string, unknown>, key: string, expected: number, line: number, problems: Problem[]) {
  const v = cells[key];
  if (v === undefined || v === null || String(v).trim() === "") return;
  const parsed = countOf(v);
  if (typeof parsed !== "number") problems.push({ row: line, column: key, message: parsed });
  else if (parsed !== expected)
    problems.push({ row: line, column: key, message: `Jumlah tidak sesuai: tertulis ${fmt(parsed)}, seharusnya ${fmt(expected)}.` });
}

const SIDES = ["l", "p"] as const;

/**
 * Reads and checks every row; returns the rows it could read and every problem, by row and column
 * (in the order of the row's cells: area, the counts, the stated totals, then the rules).
 * Nothing may be saved while problems is not empty.
 *
 * A national desa-level file has 83,762 rows, so a row is read without closures, key strings or
 * result objects made for each cell (decision 0004).
 */
export function validateRows(
  raw: RawRow[],
  ctx: ValidationContext,
  /** Areas already read, by code → line; pass the same map when validating a file in parts. */
  seen = new Map<string, number>(),
): { rows: ComputedRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: ComputedRow[] = [];
  // The cell keys of the TMS categories, made once per call, not per row.
  const categories = ctx.categoryCodes.map((code) => ({ code, l: `tms.${code}.l`, p: `tms.${code}.p` }));
  for (const r of raw) {
    const { line, cells } = r;
    const areaRaw = String(cells.area ?? "").trim();
    let areaCode = "";
    if (!areaRaw) problems.push({ row: line, column: "area", message: "Wilayah wajib diisi." });
    else if (ctx.areasByCode.has(areaRaw)) areaCode = areaRaw;
    else {
      const byName = ctx.areaCodeByName.get(areaRaw.toLowerCase().replace(/^(kecamatan|kec\.|desa|kelurahan)\s+/, ""));
      if (byName) areaCode = byName;
      else problems.push({ row: line, column: "area", message: `Wilayah "${areaRaw.slice(0, 60)}" tidak dikenal di kantor ini.` });
    }
    if (areaCode) {
      const first = seen.get(areaCode);
      if (first !== undefined) problems.push({ row: line, column: "area", message: `Wilayah ini sudah ada di baris ${first}.` });
      else seen.set(areaCode, line);
    }
    const previous: LP = { l: cellCount(cells, "previous.l", line, problems), p: cellCount(cells, "previous.p", line, problems) };
    const newVoters: LP = { l: cellCount(cells, "newVoters.l", line, problems), p: cellCount(cells, "newVoters.p", line, problems) };
    // TMS per category, leaving out the zero ones (most cells of a desa-level file are empty).
    const tms: Record<string, LP> = {};
    let tmsL = 0;
    let tmsP = 0;
    for (const c of categories) {
      const l = cellCount(cells, c.l, line, problems);
      const p = cellCount(cells, c.p, line, problems);
      if (l || p) {
        tms[c.code] = { l, p };
        tmsL += l;
        tmsP += p;
      }
    }
    const corrections: LP = { l: cellCount(cells, "corrections.l", line, problems), p: cellCount(cells, "corrections.p", line, problems) };
    const tmsTotal: LP = { l: tmsL, p: tmsP };
    const dpb: LP = { l: previous.l + newVoters.l - tmsL, p: previous.p + newVoters.p - tmsP };
    checkStated(cells, "previous.lp", previous.l + previous.p, line, problems);
    checkStated(cells, "newVoters.lp", newVoters.l + newVoters.p, line, problems);
    checkStated(cells, "corrections.lp", corrections.l + corrections.p, line, problems);
    checkStated(cells, "tmsTotal.l", tmsL, line, problems);
    checkStated(cells, "tmsTotal.p", tmsP, line, problems);
    checkStated(cells, "tmsTotal.lp", tmsL + tmsP, line, problems);
    checkStated(cells, "dpb.l", dpb.l, line, problems);
    checkStated(cells, "dpb.p", dpb.p, line, problems);
    checkStated(cells, "dpb.lp", dpb.l + dpb.p, line, problems);
    for (const side of SIDES) {
      const available = previous[side] + newVoters[side];
      if (tmsTotal[side] > available)
        problems.push({
          row: line,
          column: `tmsTotal.${side}`,
          message: `TMS ${side.toUpperCase()} (${fmt(tmsTotal[side])}) melebihi DPB sebelumnya + pemilih baru (${fmt(available)}).`,
        });
    }
    if (areaCode && ctx.determinedPrevious) {
      const determined = ctx.determinedPrevious.get(areaCode) ?? ZERO;
      for (const side of SIDES)
        if (determined[side] !== previous[side])
          problems.push({
            row: line,
            column: `previous.${side}`,
            message: `DPB sebelumnya ${side.toUpperCase()} (${fmt(previous[side])}) berbeda dari DPB yang ditetapkan periode lalu (${fmt(determined[side])}).`,
          });
    }
    if (areaCode) rows.push({ areaCode, previous, newVoters, tms, corrections, tmsTotal, dpb });
  }
  return { rows, problems };
}

/* ---------- Comparison with the previous period ---------- */

export type FlagKind = "tms_high" | "dpb_fall" | "new_without_source";
export type Flag = { areaCode: string | null; kind: FlagKind; message: string };

export const TMS_SHARE_LIMIT = 0.02;

/**
 * The unusual figures the Divisi Datin should explain in the pleno:
 * TMS above 2 % of an area's DPB, a fall in DPB larger than the area's TMS (compared with the DPB
 * determined for the previous period), and pemilih baru with no delivered source data.
 */
export function comparisonFlags(
  rows: ComputedRow[],
  previousDpb: Map<string, LP> | null,
  newVotersFromSources: number,
): Flag[] {
  const flags: Flag[] = [];
  for (const r of rows) {
    const dpb = sumLP(r.dpb);
    const tms = sumLP(r.tmsTotal);
    if (dpb > 0 && tms / dpb > TMS_SHARE_LIMIT)
      flags.push({
        areaCode: r.areaCode,
        kind: "tms_high",
        message: `TMS ${fmt(tms)} = ${((tms / dpb) * 100).toFixed(2).replace(".", ",")} % dari DPB (batas 2 %).`,
      });
    const before = previousDpb?.get(r.areaCode);
    if (before) {
      const fall = sumLP(before) - dpb;
      if (fall > tms)
        flags.push({
          areaCode: r.areaCode,
          kind: "dpb_fall",
          message: `DPB turun ${fmt(fall)} dari periode lalu, lebih besar dari TMS-nya (${fmt(tms)}).`,
        });
    }
  }
  const newVoters = rows.reduce((s, r) => s + sumLP(r.newVoters), 0);
  if (newVoters > newVotersFromSources)
    flags.push({
      areaCode: null,
      kind: "new_without_source",
      message: `Pemilih baru ${fmt(newVoters)}, sedangkan data masukan pemangku kepentingan hanya menghasilkan ${fmt(newVotersFromSources)}: ${fmt(newVoters - newVotersFromSources)} tanpa sumber.`,
    });
  return flags;
}
