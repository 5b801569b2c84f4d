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
  if (raw === undefined || raw === null) return { ok: true, value: 0 };
  if (typeof raw === "number") {
    if (!Number.isInteger(raw)) return { ok: false, message: "Harus bilangan bulat." };
    if (raw < 0) return { ok: false, message: "Tidak boleh negatif." };
    return { ok: true, value: raw };
  }
  if (typeof raw === "string" && DIGITS.test(raw)) return { ok: true, value: Number(raw) };
  const text = String(raw).trim().replace(/\s+/g, "");
  if (text === "") return { ok: true, value: 0 };
  if (/^-/.test(text)) return { ok: false, message: "Tidak boleh negatif." };
  if (/^\d+$/.test(text)) return { ok: true, value: Number(text) };
  if (/^\d{1,3}(\.\d{3})+$/.test(text)) return { ok: true, value: Number(text.replace(/\./g, "")) };
  if (/^\d+[.,]\d+$/.test(text)) return { ok: false, message: "Harus bilangan bulat." };
  return { ok: false, message: `"${String(raw).slice(0, 20)}" bukan angka.` };
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

/**
 * Reads and checks every row; returns the rows it could read and every problem, by row and column.
 * Nothing may be saved while problems is not empty.
 */
export function validateRows(
  raw: RawRow[],
  ctx: ValidationContext,
  /** Areas already read, by code → line; pass the same map when validating a file in parts. */
  seen = new Map<string, number>(),
): { rows: ComputedRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: ComputedRow[] = [];
  for (const r of raw) {
    const flag = (column: string, message: string) => problems.push({ row: r.line, column, message });
    const num = (key: string): number => {
      const parsed = parseCount(r.cells[key]);
      if (!parsed.ok) {
        flag(key, parsed.message);
        return 0;
      }
      return parsed.value;
    };
    const areaRaw = String(r.cells.area ?? "").trim();
    let areaCode = "";
    if (!areaRaw) flag("area", "Wilayah wajib diisi.");
    else if (ctx.areasByCode.has(areaRaw)) areaCode = areaRaw;
    else {
      const byName = ctx.areaCodeByName.get(areaRaw.toLowerCase().replace(/^(kecamatan|kec\.|desa|kelurahan)\s+/, ""));
      if (byName) areaCode = byName;
      else flag("area", `Wilayah "${areaRaw.slice(0, 60)}" tidak dikenal di kantor ini.`);
    }
    if (areaCode) {
      const first = seen.get(areaCode);
      if (first !== undefined) flag("area", `Wilayah ini sudah ada di baris ${first}.`);
      else seen.set(areaCode, r.line);
    }
    const lp = (key: string): LP => ({ l: num(`${key}.l`), p: num(`${key}.p`) });
    const row: RecapRow = {
      areaCode,
      previous: lp("previous"),
      newVoters: lp("newVoters"),
      tms: nonZeroTms(ctx.categoryCodes, lp),
      corrections: lp("corrections"),
    };
    const computed = computeRow(row);
    const stated = (key: string, expected: number) => {
      const v = r.cells[key];
      if (v === undefined || v === null || String(v).trim() === "") return;
      const parsed = parseCount(v);
      if (!parsed.ok) flag(key, parsed.message);
      else if (parsed.value !== expected)
        flag(key, `Jumlah tidak sesuai: tertulis ${fmt(parsed.value)}, seharusnya ${fmt(expected)}.`);
    };
    for (const key of ["previous", "newVoters", "corrections"] as const) stated(`${key}.lp`, sumLP(row[key]));
    stated("tmsTotal.l", computed.tmsTotal.l);
    stated("tmsTotal.p", computed.tmsTotal.p);
    stated("tmsTotal.lp", sumLP(computed.tmsTotal));
    stated("dpb.l", computed.dpb.l);
    stated("dpb.p", computed.dpb.p);
    stated("dpb.lp", sumLP(computed.dpb));
    for (const side of ["l", "p"] as const) {
      const available = row.previous[side] + row.newVoters[side];
      if (computed.tmsTotal[side] > available)
        flag(
          `tmsTotal.${side}`,
          `TMS ${side.toUpperCase()} (${fmt(computed.tmsTotal[side])}) melebihi DPB sebelumnya + pemilih baru (${fmt(available)}).`,
        );
    }
    if (areaCode && ctx.determinedPrevious) {
      const determined = ctx.determinedPrevious.get(areaCode) ?? ZERO;
      for (const side of ["l", "p"] as const)
        if (determined[side] !== row.previous[side])
          flag(
            `previous.${side}`,
            `DPB sebelumnya ${side.toUpperCase()} (${fmt(row.previous[side])}) berbeda dari DPB yang ditetapkan periode lalu (${fmt(determined[side])}).`,
          );
    }
    if (areaCode) rows.push(computed);
  }
  return { rows, problems };
}

/** TMS per category, leaving out the zero ones (most cells of a desa-level file are empty). */
function nonZeroTms(codes: string[], lp: (key: string) => LP): Record<string, LP> {
  const out: Record<string, LP> = {};
  for (const c of codes) {
    const v = lp(`tms.${c}`);
    if (v.l || v.p) out[c] = v;
  }
  return out;
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
