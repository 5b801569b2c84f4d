/**
 * The metric catalogue of the benchmark board and the pure formulas behind the computed metrics.
 * No I/O: the models feed these functions with recap, meeting and feedback data and store the
 * results in office_metrics (origin "computed"); published figures arrive by CSV (origin "imported").
 */
import { formatNumber, formatPercent, numberFormat, ZONE_OFFSET_HOURS, type ZoneName } from "./format";
import { PERIOD_PATTERN, isPeriod, periodEnd, periodLabel } from "./recap";

export type MetricUnit = "count" | "ratio" | "percent";
/** Which way is better; "neutral" metrics (sizes, counts) are ordered by size, not judged. */
export type MetricDirection = "higher" | "lower" | "neutral";

export type MetricDefinition = {
  code: string;
  label: string;
  unit: MetricUnit;
  direction: MetricDirection;
  /** How the figure is obtained, shown under the board's title. */
  description: string;
  /** computed: Pleno computes it from its own data; published: known from published sources. */
  kind: "computed" | "published";
};

export const METRICS = [
  {
    code: "dpb",
    label: "Jumlah DPB",
    unit: "count",
    direction: "neutral",
    description: "Daftar Pemilih Berkelanjutan yang ditetapkan: DPB periode lalu + pemilih baru − TMS.",
    kind: "computed",
  },
  {
    code: "new_voter_rate",
    label: "Tingkat pemilih baru",
    unit: "ratio",
    direction: "higher",
    description: "Pemilih baru pada periode ini dibagi DPB periode sebelumnya.",
    kind: "computed",
  },
  {
    code: "tms_rate",
    label: "Tingkat TMS",
    unit: "ratio",
    direction: "higher",
    description: "Pemilih TMS yang dicoret pada periode ini dibagi DPB periode sebelumnya (pembersihan data).",
    kind: "computed",
  },
  {
    code: "duplicate_rate",
    label: "Tingkat data ganda",
    unit: "ratio",
    direction: "lower",
    description: "TMS ganda dibagi DPB periode ini.",
    kind: "computed",
  },
  {
    code: "timeliness",
    label: "Ketepatan waktu rapat",
    unit: "ratio",
    direction: "higher",
    description: "Bagian rapat wajib (sesuai jadwal PKPU) yang diselenggarakan paling lambat pada tanggal jatuh temponya.",
    kind: "computed",
  },
  {
    code: "sealed_within_7_days",
    label: "Berita acara tersegel ≤ 7 hari",
    unit: "ratio",
    direction: "higher",
    description: "Bagian berita acara yang disegel paling lambat 7 hari setelah rapatnya.",
    kind: "computed",
  },
  {
    code: "feedback_answered",
    label: "Tanggapan yang dijawab",
    unit: "ratio",
    direction: "higher",
    description: "Bagian butir tanggapan peserta yang sudah mendapat tindak lanjut.",
    kind: "computed",
  },
  {
    code: "data_partners_per_quarter",
    label: "Mitra penyerah data per triwulan",
    unit: "count",
    direction: "higher",
    description: "Jumlah organisasi pemangku kepentingan yang menyerahkan data dalam satu triwulan.",
    kind: "computed",
  },
  {
    code: "dpt",
    label: "Jumlah DPT",
    unit: "count",
    direction: "neutral",
    description: "Daftar Pemilih Tetap yang diumumkan.",
    kind: "published",
  },
  {
    code: "duplicate_rate_percent",
    label: "Data ganda (persen, dipublikasikan)",
    unit: "percent",
    direction: "lower",
    description: "Persentase data ganda sebagaimana dipublikasikan kantor.",
    kind: "published",
  },
  {
    code: "dpk_rate_percent",
    label: "DPK (persen, dipublikasikan)",
    unit: "percent",
    direction: "lower",
    description: "Persentase Daftar Pemilih Khusus terhadap DPT sebagaimana dipublikasikan.",
    kind: "published",
  },
  {
    code: "operators",
    label: "Jumlah operator data",
    unit: "count",
    direction: "neutral",
    description: "Operator data pemilih kantor sebagaimana dipaparkan.",
    kind: "published",
  },
  {
    code: "new_voters",
    label: "Pemilih baru",
    unit: "count",
    direction: "neutral",
    description: "Jumlah pemilih baru pada periode.",
    kind: "published",
  },
  {
    code: "tms",
    label: "Pemilih TMS",
    unit: "count",
    direction: "neutral",
    description: "Jumlah pemilih tidak memenuhi syarat yang dicoret pada periode.",
    kind: "published",
  },
  {
    code: "corrections",
    label: "Perbaikan data",
    unit: "count",
    direction: "neutral",
    description: "Jumlah data pemilih yang diperbaiki (tidak mengubah jumlah DPB).",
    kind: "published",
  },
] as const satisfies readonly MetricDefinition[];

export type MetricCode = (typeof METRICS)[number]["code"];

const BY_CODE = new Map<string, MetricDefinition>(METRICS.map((m) => [m.code, m]));

export function metricByCode(code: string | null | undefined): MetricDefinition | undefined {
  return code ? BY_CODE.get(code) : undefined;
}

export function isMetricCode(code: string): code is MetricCode {
  return BY_CODE.has(code);
}

const upToTwoDecimals = numberFormat({ maximumFractionDigits: 2 });

/** A value as the board shows it: 876.490, 0,64 %. */
export function formatMetricValue(def: Pick<MetricDefinition, "unit">, value: number): string {
  if (def.unit === "ratio") return formatPercent(value);
  if (def.unit === "percent") return formatPercent(value / 100);
  return Number.isInteger(value) ? formatNumber(value) : upToTwoDecimals.format(value);
}

/** Why a value cannot be a figure of this metric, or null when it can. */
export function metricValueProblem(def: Pick<MetricDefinition, "unit">, value: number): string | null {
  if (!Number.isFinite(value)) return "Nilai harus berupa angka.";
  if (value < 0) return "Nilai tidak boleh negatif.";
  if (def.unit === "count" && !Number.isInteger(value)) return "Nilai harus bilangan bulat.";
  if (def.unit === "ratio" && value > 1) return "Nilai rasio harus antara 0 dan 1 (contoh: 0.0064).";
  if (def.unit === "percent" && value > 100) return "Nilai persen harus antara 0 dan 100.";
  return null;
}

/* ---------- Formulas ---------- */

const ratio = (part: number, whole: number): number | null => (whole > 0 ? part / whole : null);

/** DPB(t) = DPB(t−1) + pemilih baru − TMS. */
export function dpbOf(input: { previousDpb: number; newVoters: number; tms: number }): number {
  return input.previousDpb + input.newVoters - input.tms;
}

/** Pemilih baru / DPB(t−1); null when there is no previous DPB. */
export function newVoterRate(input: { newVoters: number; previousDpb: number }): number | null {
  return ratio(input.newVoters, input.previousDpb);
}

/** TMS / DPB(t−1); null when there is no previous DPB. */
export function tmsRate(input: { tms: number; previousDpb: number }): number | null {
  return ratio(input.tms, input.previousDpb);
}

/** TMS ganda / DPB(t) (DESIGN 3.1). */
export function duplicateRate(input: { tmsDuplicate: number; dpb: number }): number | null {
  return ratio(input.tmsDuplicate, input.dpb);
}

const DAY = 86_400_000;

/**
 * Share of statutory meetings held by their due date. A meeting counts once it is due (dueAt on or
 * before asOf) or held; one held after its due date, or not held and overdue, is late.
 */
export function timeliness(meetings: { dueAt: Date; heldAt: Date | null }[], asOf: Date): number | null {
  const counted = meetings.filter((m) => m.heldAt !== null || m.dueAt.getTime() <= asOf.getTime());
  const onTime = counted.filter((m) => m.heldAt !== null && m.heldAt.getTime() <= m.dueAt.getTime());
  return ratio(onTime.length, counted.length);
}

/**
 * Share of berita acara sealed within 7 days of their meeting. One still unsealed counts only
 * after its 7 days have run out at asOf (it can still make it before).
 */
export function sealedWithin7Days(minutes: { meetingAt: Date; sealedAt: Date | null }[], asOf: Date): number | null {
  const limit = (m: { meetingAt: Date }) => m.meetingAt.getTime() + 7 * DAY;
  const counted = minutes.filter((m) => m.sealedAt !== null || limit(m) <= asOf.getTime());
  const inTime = counted.filter((m) => m.sealedAt !== null && m.sealedAt.getTime() <= limit(m));
  return ratio(inTime.length, counted.length);
}

/** Share of feedback points that have a follow-up answer. */
export function feedbackAnswered(points: { answeredAt: Date | null }[]): number | null {
  return ratio(points.filter((p) => p.answeredAt !== null).length, points.length);
}

/** Distinct organisations that delivered data within a quarter ("2025-Q2") in the office's zone. */
export function dataPartnersPerQuarter(
  deliveries: { organisationId: number; deliveredAt: Date }[],
  quarter: string,
  zone: ZoneName,
): number {
  const bounds = periodBounds(quarter, zone);
  if (!bounds || !/Q/.test(quarter)) throw new Error(`not a quarter: ${quarter}`);
  const orgs = new Set<number>();
  for (const d of deliveries) {
    const t = d.deliveredAt.getTime();
    if (t >= bounds.start.getTime() && t < bounds.end.getTime()) orgs.add(d.organisationId);
  }
  return orgs.size;
}

/* ---------- Periods ---------- */

// Period codes, their sort key and their label are the recap's (app/domain/recap.ts); the board uses the same.
export { PERIOD_PATTERN, isPeriod, periodEnd, periodLabel };

function periodMonths(period: string): { year: number; first: number; last: number } | null {
  const m = PERIOD_PATTERN.exec(period);
  if (!m) return null;
  const year = Number(m[1]);
  const part = m[2];
  if (part.startsWith("Q")) return { year, first: Number(part[1]) * 3 - 2, last: Number(part[1]) * 3 };
  if (part.startsWith("S")) return { year, first: Number(part[1]) * 6 - 5, last: Number(part[1]) * 6 };
  return { year, first: Number(part), last: Number(part) };
}

/** The instants a period starts and ends (exclusive) in an office's zone. */
export function periodBounds(period: string, zone: ZoneName): { start: Date; end: Date } | null {
  const months = periodMonths(period);
  if (!months) return null;
  const offset = ZONE_OFFSET_HOURS[zone];
  return {
    start: new Date(Date.UTC(months.year, months.first - 1, 1, -offset)),
    end: new Date(Date.UTC(months.year, months.last, 1, -offset)),
  };
}

/** A month "2021-03" (as a practice's start) to the sortable end value of the board's periods. */
export function monthValue(month: string): number | null {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  return m ? Number(m[1]) * 100 + Number(m[2]) : null;
}

/* ---------- Ranking, peer groups, distribution ---------- */

/** How many offices the board compares over time at once. */
export const MAX_COMPARED = 4;

export type Ranked<T> = T & { rank: number };

/**
 * Orders entries best first (for "neutral" metrics: largest first) with competition ranking:
 * equal values share a rank and the next rank skips (1, 2, 2, 4). Ties keep the given order.
 */
export function rankEntries<T extends { value: number }>(entries: T[], direction: MetricDirection): Ranked<T>[] {
  const sign = direction === "lower" ? 1 : -1;
  const sorted = entries.map((e, i) => ({ e, i })).sort((a, b) => sign * (a.e.value - b.e.value) || a.i - b.i);
  const out: Ranked<T>[] = [];
  sorted.forEach(({ e }, index) => {
    const previous = out[index - 1];
    const rank = previous && previous.value === e.value ? previous.rank : index + 1;
    out.push({ ...e, rank });
  });
  return out;
}

/** Offices of similar size (by DPB) are compared as peers. */
export const PEER_GROUPS = [
  { code: "kecil", label: "DPB di bawah 250.000", min: 0, max: 250_000 },
  { code: "sedang", label: "DPB 250.000 – 499.999", min: 250_000, max: 500_000 },
  { code: "besar", label: "DPB 500.000 – 999.999", min: 500_000, max: 1_000_000 },
  { code: "sangat-besar", label: "DPB 1.000.000 – 1.999.999", min: 1_000_000, max: 2_000_000 },
  { code: "terbesar", label: "DPB 2.000.000 atau lebih", min: 2_000_000, max: Number.POSITIVE_INFINITY },
] as const;
export type PeerGroupCode = (typeof PEER_GROUPS)[number]["code"];

export function peerGroupOf(dpb: number | null | undefined): PeerGroupCode | null {
  if (dpb === null || dpb === undefined || !Number.isFinite(dpb) || dpb < 0) return null;
  return PEER_GROUPS.find((g) => dpb >= g.min && dpb < g.max)?.code ?? null;
}

export function isPeerGroup(code: string | null | undefined): code is PeerGroupCode {
  return PEER_GROUPS.some((g) => g.code === code);
}

export type Bin = { from: number; to: number; count: number };

/** Equal-width bins over the values' range; the last bin includes its upper edge. */
export function histogram(values: number[], binCount = 8): Bin[] {
  if (values.length === 0) return [];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) return [{ from: min, to: max, count: values.length }];
  const width = (max - min) / binCount;
  const bins: Bin[] = Array.from({ length: binCount }, (_, i) => ({ from: min + i * width, to: min + (i + 1) * width, count: 0 }));
  for (const v of values) bins[binIndexOf(v, bins)].count++;
  return bins;
}

/** Which bin of `histogram` a value falls in (-1 when outside every bin). */
export function binIndexOf(value: number, bins: Bin[]): number {
  if (bins.length === 0) return -1;
  const last = bins.length - 1;
  if (value === bins[last].to) return last;
  return bins.findIndex((b) => value >= b.from && value < b.to);
}

/** The median of the values, or null for none. */
export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}
