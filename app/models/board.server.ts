/**
 * The benchmark board as data: one metric and period, offices ranked, the distribution, the
 * comparison of chosen offices over time, and the links from the best to what they share.
 * Used by the page (/papan) and its CSV export (/papan.csv).
 */
import type { Actor } from "../auth/guard.server";
import { derived } from "../lib/derived-cache.server";
import {
  binIndexOf,
  histogram,
  isPeerGroup,
  MAX_COMPARED,
  median,
  metricByCode,
  METRICS,
  PEER_GROUPS,
  rankEntries,
  type MetricDefinition,
} from "../domain/metrics";
import { boardRows, metricPeriods, metricTrends, type BoardRow } from "./metric.server";
import { officeByCode, officesByCodesOrNames } from "./office-directory.server";
import { practiceCounts } from "./practice.server";
import { hostedVisitCounts } from "./visit.server";

export const DEFAULT_METRIC = "duplicate_rate";
const CHART_TOP = 15;
const LEARN_FROM = 3;

export type BoardQuery = {
  metric: string;
  period: string | null;
  province: string | null;
  peerGroup: string | null;
  compare: string[];
  highlight: string | null;
};

export function boardQueryFrom(url: URL): BoardQuery {
  const p = url.searchParams;
  const clean = (v: string | null, max: number) => (v ? v.trim().slice(0, max) || null : null);
  return {
    metric: clean(p.get("metrik"), 40) ?? DEFAULT_METRIC,
    period: clean(p.get("periode"), 7),
    province: clean(p.get("provinsi"), 2),
    peerGroup: clean(p.get("kelompok"), 20),
    compare: [...new Set(p.getAll("banding").map((c) => c.trim().slice(0, 80)).filter(Boolean))].slice(0, MAX_COMPARED),
    highlight: clean(p.get("sorot"), 10),
  };
}

/** The period shown first: the latest one that covers at least half as many offices as the best-covered one. */
function defaultPeriod(periods: { period: string; offices: number }[]): string | null {
  if (periods.length === 0) return null;
  const most = Math.max(...periods.map((p) => p.offices));
  return periods.find((p) => p.offices * 2 >= most)?.period ?? periods[0].period;
}

export type RankedRow = BoardRow & { rank: number; mine: boolean };

/** The board for a query and viewer, computed once per database state (see derived-cache). */
export function buildBoard(query: BoardQuery, actor: Actor | null) {
  const viewer = actor?.office.level === "kabkota" ? actor.office.id : 0;
  return derived(`board:${viewer}:${JSON.stringify(query)}`, () => buildBoardUncached(query, actor));
}

function buildBoardUncached(query: BoardQuery, actor: Actor | null) {
  const metric: MetricDefinition = metricByCode(query.metric) ?? metricByCode(DEFAULT_METRIC)!;
  const periods = metricPeriods(metric.code);
  const period = periods.some((p) => p.period === query.period) ? query.period! : defaultPeriod(periods);
  const peerGroup = isPeerGroup(query.peerGroup) ? query.peerGroup : undefined;
  const province = query.province && /^\d{2}$/.test(query.province) ? query.province : undefined;

  // The office to highlight: the signed-in viewer's own, else one named in the address.
  const highlighted = actor?.office.level === "kabkota" ? actor.office : query.highlight ? officeByCode(query.highlight) : undefined;
  const highlightId = highlighted?.id ?? null;

  const rows = period ? boardRows(metric.code, period, { province, peerGroup }) : [];
  const ranked: RankedRow[] = rankEntries(rows, metric.direction).map((r) => ({ ...r, mine: r.officeId === highlightId }));
  const values = ranked.map((r) => r.value);
  const bins = histogram(values, Math.min(10, Math.max(3, Math.ceil(Math.sqrt(values.length)))));
  const mine = ranked.find((r) => r.mine) ?? null;

  const chartRows = ranked.slice(0, CHART_TOP);
  if (mine && !chartRows.includes(mine)) chartRows.push(mine);

  // Offices compared over time: those asked for; else, when an office is highlighted (the viewer's
  // own, or one named with ?sorot=), that office and the best ones. With neither, none: the visitor
  // picks, and the page offers the best two in one click. Drawing a comparison nobody asked for took a
  // fifth of the board's requests a second (docs/decisions/0017-board-comparison-on-request.md).
  const position = (o: { code: string; name: string }) => {
    const i = query.compare.findIndex((k) => k === o.code || k === o.name);
    return i < 0 ? MAX_COMPARED : i;
  };
  const asked = officesByCodesOrNames(query.compare)
    .filter((o) => o.level === "kabkota")
    .map((o) => ({ id: o.id, code: o.code, name: o.name }))
    .sort((a, b) => position(a) - position(b));
  const fallback = highlighted
    ? [{ id: highlighted.id, code: highlighted.code, name: highlighted.name }, ...ranked.slice(0, 2).map((r) => ({ id: r.officeId, code: r.code, name: r.name }))]
    : [];
  const comparedList = (asked.length ? asked : fallback).filter((o, i, all) => all.findIndex((x) => x.id === o.id) === i).slice(0, MAX_COMPARED);
  const trends = metricTrends(
    metric.code,
    comparedList.map((o) => o.id),
  );
  const compared = comparedList.map((o) => ({ ...o, mine: o.id === highlightId, rows: trends.get(o.id) ?? [] }));

  // Learn from the best: practices and hosted visits of the best-ranked offices.
  const best = metric.direction === "neutral" ? [] : ranked.slice(0, LEARN_FROM);
  const practices = practiceCounts(best.map((r) => r.officeId));
  const visits = hostedVisitCounts(best.map((r) => r.officeId));
  const learnFrom = best.map((r) => ({
    code: r.code,
    name: r.name,
    rank: r.rank,
    value: r.value,
    practices: practices.get(r.officeId) ?? 0,
    visits: visits.get(r.officeId) ?? 0,
  }));

  return {
    metric,
    metrics: METRICS.map((m) => ({ code: m.code, label: m.label })),
    periods: periods.map((p) => ({ period: p.period, offices: p.offices })),
    period,
    filter: { province: province ?? "", peerGroup: peerGroup ?? "" },
    peerGroups: PEER_GROUPS.map((g) => ({ code: g.code, label: g.label })),
    ranked,
    chartRows,
    bins,
    mine,
    mineBin: mine ? binIndexOf(mine.value, bins) : -1,
    median: median(values),
    compared,
    learnFrom,
    highlighted: highlighted ? { code: highlighted.code, name: highlighted.name } : null,
  };
}

export type Board = ReturnType<typeof buildBoardUncached>;
