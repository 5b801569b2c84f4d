import { describe, expect, it } from "vitest";
import { numberFormat } from "../../app/domain/format";
import { computeRow, validateRows, ZERO, type ComputedRow, type LP, type Problem, type RawRow, type RecapRow, type ValidationContext } from "../../app/domain/recap";

// validateRows reads a national file of 83,762 rows, so it is written for speed (no closures, key
// strings or result objects per cell). This is the straightforward version it replaced (commit
// ce12ce9), kept as the reference: on rows of every kind, good and bad, both must give the same rows
// and the same problems in the same order.

const DIGITS = /^\d{1,15}$/;
type Parsed = { ok: true; value: number } | { ok: false; message: string };
function referenceParseCount(raw: unknown): Parsed {
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

const sumLP = (c: LP) => c.l + c.p;
const plainNumbers = numberFormat({});
const fmt = (n: number) => plainNumbers.format(n);

function referenceValidateRows(raw: RawRow[], ctx: ValidationContext, seen = new Map<string, number>()): { rows: ComputedRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const rows: ComputedRow[] = [];
  for (const r of raw) {
    const flag = (column: string, message: string) => problems.push({ row: r.line, column, message });
    const num = (key: string): number => {
      const parsed = referenceParseCount(r.cells[key]);
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
    const tms: Record<string, LP> = {};
    const previous = lp("previous");
    const newVoters = lp("newVoters");
    for (const c of ctx.categoryCodes) {
      const v = lp(`tms.${c}`);
      if (v.l || v.p) tms[c] = v;
    }
    const row: RecapRow = { areaCode, previous, newVoters, tms, corrections: lp("corrections") };
    const computed = computeRow(row);
    const stated = (key: string, expected: number) => {
      const v = r.cells[key];
      if (v === undefined || v === null || String(v).trim() === "") return;
      const parsed = referenceParseCount(v);
      if (!parsed.ok) flag(key, parsed.message);
      else if (parsed.value !== expected) flag(key, `Jumlah tidak sesuai: tertulis ${fmt(parsed.value)}, seharusnya ${fmt(expected)}.`);
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
        flag(`tmsTotal.${side}`, `TMS ${side.toUpperCase()} (${fmt(computed.tmsTotal[side])}) melebihi DPB sebelumnya + pemilih baru (${fmt(available)}).`);
    }
    if (areaCode && ctx.determinedPrevious) {
      const determined = ctx.determinedPrevious.get(areaCode) ?? ZERO;
      for (const side of ["l", "p"] as const)
        if (determined[side] !== row.previous[side])
          flag(`previous.${side}`, `DPB sebelumnya ${side.toUpperCase()} (${fmt(row.previous[side])}) berbeda dari DPB yang ditetapkan periode lalu (${fmt(determined[side])}).`);
    }
    if (areaCode) rows.push(computed);
  }
  return { rows, problems };
}

/** A small deterministic generator, so a failure can be reproduced. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const CODES = ["1", "2", "3", "meninggal", "ganda"];
const AREAS = ["33.20.01", "33.20.02", "33.20.03", "33.20.04"];
const context = (determined: boolean): ValidationContext => ({
  categoryCodes: CODES,
  areasByCode: new Map(AREAS.map((c, i) => [c, `Wilayah ${i}`])),
  areaCodeByName: new Map(AREAS.map((c, i) => [`wilayah ${i}`, c])),
  determinedPrevious: determined ? new Map([["33.20.01", { l: 100, p: 90 }], ["33.20.03", { l: 0, p: 7 }]]) : null,
});

function cellValue(next: () => number): unknown {
  const k = Math.floor(next() * 16);
  const n = Math.floor(next() * 200);
  return [undefined, undefined, undefined, "", "  ", String(n), String(n), n, n + 0.5, -n - 1, `${n}.000`, `1.${String(n).padStart(3, "0")}`, "2,5", " 1 2 ", "abc", null][k];
}

function rowsOf(seed: number, count: number): RawRow[] {
  const next = random(seed);
  const keys = ["previous", "newVoters", "corrections", ...CODES.map((c) => `tms.${c}`)];
  const totals = ["previous.lp", "newVoters.lp", "corrections.lp", "tmsTotal.l", "tmsTotal.p", "tmsTotal.lp", "dpb.l", "dpb.p", "dpb.lp"];
  return Array.from({ length: count }, (_, i) => {
    const cells: Record<string, unknown> = {};
    const area = next();
    cells.area =
      area < 0.5 ? AREAS[Math.floor(next() * AREAS.length)] : area < 0.7 ? `Desa Wilayah ${Math.floor(next() * 5)}` : area < 0.8 ? "" : area < 0.9 ? undefined : "Atlantis";
    for (const key of keys) for (const side of ["l", "p"]) if (next() < 0.6) cells[`${key}.${side}`] = cellValue(next);
    for (const key of totals) if (next() < 0.3) cells[key] = next() < 0.5 ? cellValue(next) : String(Math.floor(next() * 400));
    return { line: i + 2, cells };
  });
}

describe("validateRows against the reference version", () => {
  for (const determined of [false, true])
    it(`gives the same rows and problems on 2,000 generated rows${determined ? ", with a determined previous DPB" : ""}`, () => {
      for (let seed = 1; seed <= 20; seed++) {
        const raw = rowsOf(seed, 100);
        const expected = referenceValidateRows(raw, context(determined));
        const actual = validateRows(raw, context(determined));
        expect(actual.problems).toEqual(expected.problems);
        expect(actual.rows).toEqual(expected.rows);
        // Key order too: the rows are saved and exported in it.
        expect(actual.rows.map((r) => JSON.stringify(r))).toEqual(expected.rows.map((r) => JSON.stringify(r)));
        expect(expected.problems.length).toBeGreaterThan(0);
        expect(expected.rows.length).toBeGreaterThan(0);
      }
    });

  it("keeps the areas already seen across parts of one file", () => {
    const raw = rowsOf(7, 200);
    const seenA = new Map<string, number>();
    const seenB = new Map<string, number>();
    const a = [referenceValidateRows(raw.slice(0, 100), context(false), seenA), referenceValidateRows(raw.slice(100), context(false), seenA)];
    const b = [validateRows(raw.slice(0, 100), context(false), seenB), validateRows(raw.slice(100), context(false), seenB)];
    expect(b.map((x) => x.problems)).toEqual(a.map((x) => x.problems));
    expect([...seenB]).toEqual([...seenA]);
  });
});
