/**
 * Demo recaps: for every held DPB meeting of the demo offices (monthly internal plenos 2021–2024,
 * quarterly open plenos from 2025), a determined recap per kecamatan that continues the previous one.
 * Published figures hold: Tangerang's DPB of May 2021 (2,188,124) and Jepara's Q1 and Q2 2025
 * (919,276 + 12,143 − 2,610 = 928,809, with 7,777 corrections).
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import type { DB } from "../app/db.server";
import { lp, type LP } from "../app/domain/recap";
import { determineRecap, ensureTmsCategories, recapAreas, saveDraftRecap, type StoredRowInput } from "../app/models/recap.server";
import { meetings, offices } from "./schema";

type Target = { period: string; dpb: number; newVoters?: number; tms?: number; corrections?: number };
type OfficePlan = { code: string; startDpb: number; targets: Target[] };

const PLANS: OfficePlan[] = [
  { code: "31.72", startDpb: 1_186_000, targets: [] },
  { code: "36.03", startDpb: 2_183_900, targets: [{ period: "2021-05", dpb: 2_188_124 }] },
  {
    code: "33.20",
    startDpb: 893_400,
    targets: [
      { period: "2025-Q1", dpb: 919_276 },
      { period: "2025-Q2", dpb: 928_809, newVoters: 12_143, tms: 2_610, corrections: 7_777 },
    ],
  },
  { code: "33.01", startDpb: 1_452_000, targets: [] },
];

/** Shares of TMS by category code (meninggal, ganda, di bawah umur, pindah, tidak dikenal, TNI, Polri). */
const TMS_SHARES: [string, number][] = [
  ["1", 0.46],
  ["2", 0.09],
  ["3", 0.03],
  ["4", 0.3],
  ["5", 0.1],
  ["6", 0.01],
  ["7", 0.01],
];

/** Splits a whole number by weights into whole numbers that add up to it (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k][1]]++;
  return out;
}

const split = (x: number, i: number): LP => ({ l: Math.floor(x / 2) + (x % 2 && i % 2 ? 1 : 0), p: Math.ceil(x / 2) - (x % 2 && i % 2 ? 1 : 0) });

export function seedRecaps(database: DB) {
  for (const plan of PLANS) {
    const office = database.select().from(offices).where(eq(offices.code, plan.code)).get()!;
    const categories = ensureTmsCategories(office.id, database);
    const categoryId = new Map(categories.map((c) => [c.code, c.id]));
    const kecamatan = recapAreas(office.code, database);
    const weights = kecamatan.map((_, i) => 0.6 + ((i * 37) % 17) / 17);
    const held = database
      .select()
      .from(meetings)
      .where(and(eq(meetings.officeId, office.id), eq(meetings.status, "selesai"), inArray(meetings.kind, ["internal_monthly", "open_quarterly"])))
      .orderBy(asc(meetings.period))
      .all()
      .sort((a, b) => (a.period.slice(0, 4) === b.period.slice(0, 4) ? (a.period < b.period ? -1 : 1) : a.period < b.period ? -1 : 1));
    let previous: LP[] = apportion(plan.startDpb, weights).map(split);
    held.forEach((meeting, step) => {
      const prevTotal = previous.reduce((s, x) => s + x.l + x.p, 0);
      const quarterly = meeting.kind === "open_quarterly";
      const target = plan.targets.find((t) => t.period === meeting.period);
      const tms = target?.tms ?? Math.round(prevTotal * (quarterly ? 0.0026 : 0.0011) * (1 + ((step * 7) % 5) / 20));
      const newVoters = target ? (target.newVoters ?? target.dpb - prevTotal + tms) : Math.round(prevTotal * (quarterly ? 0.0042 : 0.0016) * (1 + ((step * 3) % 7) / 25));
      const corrections = target?.corrections ?? Math.round(prevTotal * (quarterly ? 0.008 : 0.003));
      const newPer = apportion(newVoters, weights);
      const tmsPer = apportion(tms, weights);
      const corrPer = apportion(corrections, weights);
      const rows: StoredRowInput[] = kecamatan.map((k, i) => {
        const perCategory = apportion(tmsPer[i], TMS_SHARES.map(([, s]) => s));
        const tmsByCategory: Record<number, LP> = {};
        TMS_SHARES.forEach(([code], j) => (tmsByCategory[categoryId.get(code)!] = split(perCategory[j], i + j)));
        return { areaCode: k.code, previous: previous[i], newVoters: split(newPer[i], i + 1), tms: tmsByCategory, corrections: split(corrPer[i], i) };
      });
      const recap = saveDraftRecap({ officeId: office.id, period: meeting.period, meetingId: meeting.id, rows }, database);
      determineRecap(recap.id, database);
      previous = rows.map((r) => {
        const t = Object.values(r.tms).reduce((a, b) => lp(a.l + b.l, a.p + b.p), lp());
        return lp(r.previous.l + r.newVoters.l - t.l, r.previous.p + r.newVoters.p - t.p);
      });
      if (target && previous.reduce((s, x) => s + x.l + x.p, 0) !== target.dpb) {
        throw new Error(`demo recap for ${plan.code} ${meeting.period} misses its published DPB`);
      }
    });
  }
}
