/**
 * Demo recaps 2021–2025 for the four demo offices. Monthly recaps January 2021 to November 2024
 * (the 2021–2022 rhythm, kept until the Pilkada 2024 DPT), then quarterly from Triwulan II 2025,
 * cumulative since November 2024, as KPU Kabupaten Jepara published it:
 * Jepara November 2024 = 919,276 (DPT Pilkada 2024), Triwulan II 2025 = 919,276 + 12,143 − 2,610
 * = 928,809 with 7,777 corrections. Tangerang May 2021 = 2,188,124. Every period's previous DPB is
 * the DPB determined for the period before it, per kecamatan. Deterministic: same data every run.
 */
import { eq } from "drizzle-orm";
import type { DB } from "../app/db.server";
import { periodEnd, type LP, type RecapRow } from "../app/domain/recap";
import { DEFAULT_TMS_CATEGORIES } from "../app/domain/tms-categories";
import { ensureTmsCategories, insertRows } from "../app/models/recap.server";
import { officeByCode } from "./factories";
import { dataDeliveries, recaps, stakeholders, type DeliveryKind, type StakeholderType } from "./schema";

type Anchor = { period: string; dpb: number };
type Fixed = { newVoters: number; tms: number; corrections: number };
/** duplicateShare scales the share of "ganda" among TMS: Jepara's data is the best kept (seed story). */
type OfficePlan = { code: string; anchor: Anchor; fixed?: Record<string, Fixed>; seed: number; duplicateShare?: number };

const PLANS: OfficePlan[] = [
  { code: "33.20", anchor: { period: "2024-11", dpb: 919_276 }, fixed: { "2025-Q2": { newVoters: 12_143, tms: 2_610, corrections: 7_777 } }, seed: 3320, duplicateShare: 0.3 },
  { code: "36.03", anchor: { period: "2021-05", dpb: 2_188_124 }, seed: 3603 },
  { code: "31.72", anchor: { period: "2024-11", dpb: 1_262_418 }, seed: 3172 },
  { code: "33.01", anchor: { period: "2024-11", dpb: 1_491_336 }, seed: 3301 },
];

/** Share of each TMS category among removals, by code (only active default categories). */
const TMS_SHARE: Record<string, number> = { "1": 46, "2": 14, "3": 2, "4": 24, "5": 0.3, "6": 0.8, "7": 0.9, TD: 5, HPC: 0.1, BP: 4.9, KTP: 2 };
const CATEGORY_CODES = DEFAULT_TMS_CATEGORIES.filter((c) => c.isActive !== false).map((c) => c.code);

function periods(): string[] {
  const list: string[] = [];
  for (let y = 2021; y <= 2024; y++) for (let m = 1; m <= 12; m++) if (y < 2024 || m <= 11) list.push(`${y}-${String(m).padStart(2, "0")}`);
  list.push("2025-Q2", "2025-Q3", "2025-Q4");
  return list;
}

function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Splits an integer total over weights so that the parts add up exactly (largest remainder). */
export function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  let rest = total - parts.reduce((s, p) => s + p, 0);
  const order = raw.map((r, i) => [r - Math.floor(r), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k++, rest--) parts[order[k % order.length][1]] += 1;
  return parts;
}

const splitLP = (total: number, maleShare: number): LP => {
  const l = Math.round(total * maleShare);
  return { l, p: total - l };
};

type Movement = { newVoters: LP[]; tms: Record<string, LP>[]; corrections: LP[] };

/** One period's movements per area: totals chosen (or fixed), split over areas, sexes and categories. */
function movements(rand: () => number, weights: number[], dpbTotal: number, quarterly: boolean, fixed?: Fixed, duplicateShare = 1): Movement {
  const scale = quarterly ? 3 : 1;
  const totals = fixed ?? {
    newVoters: Math.round(dpbTotal * scale * (0.0011 + rand() * 0.0008)),
    tms: Math.round(dpbTotal * scale * (0.0007 + rand() * 0.0005)),
    corrections: Math.round(dpbTotal * scale * (0.0018 + rand() * 0.0012)),
  };
  const jitter = weights.map((w) => w * (0.85 + rand() * 0.3));
  const newVoters = split(totals.newVoters, jitter).map((n) => splitLP(n, 0.5 + (rand() - 0.5) * 0.04));
  const corrections = split(totals.corrections, jitter).map((n) => splitLP(n, 0.49 + (rand() - 0.5) * 0.04));
  const tmsPerArea = split(totals.tms, jitter);
  const tms = tmsPerArea.map((n) => {
    const byCategory = split(n, CATEGORY_CODES.map((c) => TMS_SHARE[c] * (c === "2" ? duplicateShare : 1) * (0.7 + rand() * 0.6)));
    return Object.fromEntries(CATEGORY_CODES.map((c, i) => [c, splitLP(byCategory[i], 0.51)]));
  });
  return { newVoters, tms, corrections };
}

const totalOf = (rec: Record<string, LP>): LP =>
  Object.values(rec).reduce((s, v) => ({ l: s.l + v.l, p: s.p + v.p }), { l: 0, p: 0 });

function seedOffice(database: DB, plan: OfficePlan) {
  const office = officeByCode(database, plan.code);
  ensureTmsCategories(database, office.id);
  const areas = database.$client.prepare("select code from areas where parent_code = ? order by code").all(plan.code) as { code: string }[];
  const rand = prng(plan.seed);
  const weights = areas.map(() => 0.4 + rand());
  const list = periods();
  const a = list.indexOf(plan.anchor.period);
  const anchorDpb = split(plan.anchor.dpb, weights).map((n) => splitLP(n, 0.497 + (rand() - 0.5) * 0.01));
  const moves = list.map((p) => movements(rand, weights, plan.anchor.dpb, p.includes("Q"), plan.fixed?.[p], plan.duplicateShare));
  // A concentrated clean-up of duplicates in the smallest kecamatan in Triwulan III 2025, for the flags.
  const q3 = list.indexOf("2025-Q3");
  const smallest = weights.indexOf(Math.min(...weights));
  const dpb: LP[][] = new Array(list.length);
  dpb[a] = anchorDpb;
  const rows: RecapRow[][] = new Array(list.length);
  const build = (i: number, previous: LP[]): RecapRow[] =>
    areas.map((area, k) => ({
      areaCode: area.code,
      previous: previous[k],
      newVoters: moves[i].newVoters[k],
      tms: moves[i].tms[k],
      corrections: moves[i].corrections[k],
    }));
  for (let i = a; i >= 1; i--) {
    const previous = anchorPrevious(dpb[i], moves[i]);
    rows[i] = build(i, previous);
    dpb[i - 1] = previous;
  }
  for (let i = 0; i < list.length; i++) {
    if (i > a) {
      if (i === q3) {
        const extra = Math.round(((dpb[i - 1][smallest].l + dpb[i - 1][smallest].p) * 0.025) / 2);
        const t = moves[i].tms[smallest];
        t["2"] = { l: t["2"].l + extra, p: t["2"].p + extra };
      }
      rows[i] = build(i, dpb[i - 1]);
    }
    if (i === 0) rows[0] = build(0, anchorPrevious(dpb[0], moves[0]));
    dpb[i] ??= rows[i].map((r) => {
      const t = totalOf(r.tms);
      return { l: r.previous.l + r.newVoters.l - t.l, p: r.previous.p + r.newVoters.p - t.p };
    });
  }
  const insertRecap = database.$client.prepare(
    `insert into recaps (office_id, period, period_end, level, status, version, determined_at, created_at)
     values (?, ?, ?, 'kecamatan', ?, 1, ?, ?) returning id`,
  );
  list.forEach((period, i) => {
    const end = periodEnd(period);
    const year = Math.floor(end / 100);
    const month = end % 100;
    const determinedAt = Date.UTC(month === 12 ? year + 1 : year, month === 12 ? 0 : month, 8, 2);
    const draft = period === "2025-Q4";
    const { id } = insertRecap.get(office.id, period, end, draft ? "draf" : "ditetapkan", draft ? null : determinedAt, determinedAt - 5 * 86400_000) as { id: number };
    insertRows(database, id, rows[i]);
  });
  seedDeliveries(database, office.id, plan.code === "33.20");
  return moves;
}

/** previous = DPB − new + TMS, area by area, walking back from a known DPB. */
function anchorPrevious(dpb: LP[], move: Movement): LP[] {
  return dpb.map((d, k) => {
    const t = totalOf(move.tms[k]);
    return { l: d.l - move.newVoters[k].l + t.l, p: d.p - move.newVoters[k].p + t.p };
  });
}

const DELIVERY_PLAN: { type: StakeholderType; kind: DeliveryKind; records: number; tms: number; newVoters: number; status: "diterima" | "diverifikasi" | "ditindaklanjuti" }[] = [
  { type: "dukcapil", kind: "data_kematian", records: 1_420, tms: 1_201, newVoters: 0, status: "ditindaklanjuti" },
  { type: "dinas_pendidikan", kind: "pemilih_pemula", records: 9_870, tms: 0, newVoters: 9_412, status: "ditindaklanjuti" },
  { type: "kua_kemenag", kind: "menikah_di_bawah_17", records: 312, tms: 0, newVoters: 287, status: "ditindaklanjuti" },
  { type: "dinas_sosial", kind: "pemilih_disabilitas", records: 2_650, tms: 14, newVoters: 2_444, status: "diverifikasi" },
];

function seedDeliveries(database: DB, officeId: number, isJepara: boolean) {
  const orgs = database.select().from(stakeholders).where(eq(stakeholders.officeId, officeId)).all();
  const orgOf = (type: StakeholderType) => (orgs.find((o) => o.type === type) ?? orgs.find((o) => o.type === "dukcapil"))!;
  for (const [period, date, factor] of [
    ["2025-Q2", "2025-05-14", 1],
    ["2025-Q3", "2025-08-12", 0.7],
  ] as const) {
    for (const d of DELIVERY_PLAN) {
      // Jepara's Triwulan II pemilih baru (12,143) are fully accounted for by the deliveries.
      const newVoters = isJepara && period === "2025-Q2" ? d.newVoters : Math.round(d.newVoters * factor * 0.4);
      database
        .insert(dataDeliveries)
        .values({
          officeId,
          period,
          stakeholderId: orgOf(d.type).id,
          kind: d.kind,
          recordCount: Math.round(d.records * factor),
          receivedOn: date,
          status: period === "2025-Q3" && d.status === "ditindaklanjuti" ? "diverifikasi" : d.status,
          resultingTms: Math.round(d.tms * factor),
          resultingNewVoters: newVoters,
          notes: "",
        })
        .run();
    }
  }
}

export function seedRecaps(database: DB) {
  database.$client.transaction(() => {
    for (const plan of PLANS) seedOffice(database, plan);
  })();
  return database.select().from(recaps).all().length;
}
