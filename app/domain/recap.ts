/**
 * The recap of the continuous voter list (Model A-Rekap PDPB), per kecamatan or desa, every count
 * split L (laki-laki) and P (perempuan):
 *   DPB(t) = DPB(t−1) + pemilih baru − TMS        (perbaikan data changes records, not the total)
 */
export type LP = { l: number; p: number };
export type RecapRowInput = {
  areaCode: string;
  previous: LP;
  newVoters: LP;
  /** TMS per category code. */
  tms: Record<string, LP>;
  corrections: LP;
};
export type RecapRow = RecapRowInput & { tmsTotal: LP; dpb: LP };

export const lp = (l = 0, p = 0): LP => ({ l, p });
export const total = (x: LP) => x.l + x.p;
const add = (a: LP, b: LP): LP => ({ l: a.l + b.l, p: a.p + b.p });

export function sumTms(tms: Record<string, LP>): LP {
  return Object.values(tms).reduce(add, lp());
}

/** DPB of a row from its parts: computed, never typed. */
export function computeRow(row: RecapRowInput): RecapRow {
  const tmsTotal = sumTms(row.tms);
  return {
    ...row,
    tmsTotal,
    dpb: { l: row.previous.l + row.newVoters.l - tmsTotal.l, p: row.previous.p + row.newVoters.p - tmsTotal.p },
  };
}

export function totals(rows: RecapRow[]) {
  const zero = { previous: lp(), newVoters: lp(), corrections: lp(), tmsTotal: lp(), dpb: lp(), tms: {} as Record<string, LP> };
  return rows.reduce((acc, r) => {
    for (const [code, v] of Object.entries(r.tms)) acc.tms[code] = add(acc.tms[code] ?? lp(), v);
    return {
      previous: add(acc.previous, r.previous),
      newVoters: add(acc.newVoters, r.newVoters),
      corrections: add(acc.corrections, r.corrections),
      tmsTotal: add(acc.tmsTotal, r.tmsTotal),
      dpb: add(acc.dpb, r.dpb),
      tms: acc.tms,
    };
  }, zero);
}

export type RecapProblem = { areaCode: string; column: string; message: string };

/** Problems that stop a recap from being saved. `determinedPrevious` is the last determined DPB per area. */
export function validateRows(rows: RecapRowInput[], determinedPrevious?: Map<string, LP>): RecapProblem[] {
  const problems: RecapProblem[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const at = (column: string, message: string) => problems.push({ areaCode: row.areaCode, column, message });
    if (seen.has(row.areaCode)) at("wilayah", "Wilayah ini muncul lebih dari sekali.");
    seen.add(row.areaCode);
    const cells: [string, number][] = [
      ["DPB sebelumnya L", row.previous.l],
      ["DPB sebelumnya P", row.previous.p],
      ["Pemilih baru L", row.newVoters.l],
      ["Pemilih baru P", row.newVoters.p],
      ["Perbaikan data L", row.corrections.l],
      ["Perbaikan data P", row.corrections.p],
      ...Object.entries(row.tms).flatMap(([code, v]): [string, number][] => [
        [`TMS ${code} L`, v.l],
        [`TMS ${code} P`, v.p],
      ]),
    ];
    for (const [column, value] of cells) {
      if (!Number.isFinite(value) || !Number.isInteger(value)) at(column, "Harus bilangan bulat.");
      else if (value < 0) at(column, "Tidak boleh negatif.");
      else if (value > 50_000_000) at(column, "Angka tidak wajar (lebih dari 50 juta).");
    }
    const tms = sumTms(row.tms);
    if (tms.l > row.previous.l + row.newVoters.l) at("TMS L", "TMS laki-laki melebihi DPB sebelumnya ditambah pemilih baru.");
    if (tms.p > row.previous.p + row.newVoters.p) at("TMS P", "TMS perempuan melebihi DPB sebelumnya ditambah pemilih baru.");
    const determined = determinedPrevious?.get(row.areaCode);
    if (determined && (determined.l !== row.previous.l || determined.p !== row.previous.p)) {
      at(
        "DPB sebelumnya",
        `Berbeda dari DPB yang ditetapkan periode lalu (L ${determined.l}, P ${determined.p}); perbaiki data, jangan disesuaikan diam-diam.`,
      );
    }
  }
  return problems;
}

export type RecapFlag = { areaCode: string; kind: "tms_high" | "fall_beyond_tms" | "new_without_source"; message: string };

/**
 * Rows the Divisi Datin should be ready to explain in the pleno, compared with the previous period.
 * `previousDpb` is last period's determined DPB per area; `newVoterSources` tells whether any
 * stakeholder data backs this period's new voters.
 */
export function flagRows(rows: RecapRow[], previousDpb: Map<string, LP>, newVoterSources: boolean, tmsThreshold = 0.02): RecapFlag[] {
  const flags: RecapFlag[] = [];
  for (const r of rows) {
    const dpb = total(r.dpb);
    const tms = total(r.tmsTotal);
    if (dpb > 0 && tms / dpb > tmsThreshold) {
      flags.push({ areaCode: r.areaCode, kind: "tms_high", message: `TMS ${((tms / dpb) * 100).toFixed(2).replace(".", ",")} % dari DPB (di atas ${tmsThreshold * 100} %).` });
    }
    const before = previousDpb.get(r.areaCode);
    if (before) {
      const fall = total(before) - dpb;
      if (fall > tms) flags.push({ areaCode: r.areaCode, kind: "fall_beyond_tms", message: `DPB turun ${fall} pemilih, lebih besar dari TMS-nya (${tms}).` });
    }
    if (total(r.newVoters) > 0 && !newVoterSources) {
      flags.push({ areaCode: r.areaCode, kind: "new_without_source", message: "Ada pemilih baru tanpa sumber data yang tercatat." });
    }
  }
  return flags;
}
