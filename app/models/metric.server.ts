import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { officeMetrics, offices } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { db } from "../db.server";
import { checkMetricCsv, validRows, type ImportPreview, type OfficeRef, type ValidRow } from "../domain/metric-import";
import { isMetricCode, peerGroupOf, periodEnd, type MetricCode, type PeerGroupCode } from "../domain/metrics";
import { officeInAdminScope } from "./office.server";

/* ---------- Writing ---------- */

function officeLookup() {
  const rows = db().select({ id: offices.id, code: offices.code, name: offices.name }).from(offices).all();
  const map = new Map(rows.map((r) => [r.code, r]));
  return (code: string): OfficeRef | undefined => map.get(code);
}

/** Checks a CSV of published metrics; nothing is written. */
export function previewMetricImport(actor: Actor, text: string): ImportPreview {
  return checkMetricCsv(text, {
    officeByCode: officeLookup(),
    inScope: (office) => !!officeInAdminScope(actor, office.id),
  });
}

/** Existing imported figures the rows would replace, as "officeId|period|metric" keys. */
export function existingImportedKeys(rows: ValidRow[]): Set<string> {
  const keys = new Set<string>();
  const officeIds = [...new Set(rows.map((r) => r.officeId))];
  for (let i = 0; i < officeIds.length; i += 500) {
    const found = db()
      .select({ officeId: officeMetrics.officeId, period: officeMetrics.period, metric: officeMetrics.metric })
      .from(officeMetrics)
      .where(and(eq(officeMetrics.origin, "imported"), inArray(officeMetrics.officeId, officeIds.slice(i, i + 500))))
      .all();
    for (const f of found) keys.add(`${f.officeId}|${f.period}|${f.metric}`);
  }
  return keys;
}

/**
 * Saves a checked import in one transaction: every row or none. A figure for the same office,
 * period and metric replaces the earlier imported one.
 */
export function importMetrics(actor: Actor, text: string): { saved: number } | { preview: ImportPreview } {
  const preview = previewMetricImport(actor, text);
  const rows = validRows(preview);
  if (!rows) return { preview };
  const now = new Date();
  db().transaction((tx) => {
    for (const r of rows) {
      tx.insert(officeMetrics)
        .values({ ...r, periodEnd: periodEnd(r.period), origin: "imported", importedAt: now, importedBy: actor.user.id })
        .onConflictDoUpdate({
          target: [officeMetrics.officeId, officeMetrics.metric, officeMetrics.period, officeMetrics.origin],
          set: { value: r.value, source: r.source, periodEnd: periodEnd(r.period), importedAt: now, importedBy: actor.user.id },
        })
        .run();
    }
  });
  return { saved: rows.length };
}

/**
 * The plug-in point for figures Pleno computes from its own data (recap, meetings, berita acara,
 * feedback): stores them with origin "computed", replacing the previous computation.
 */
export function recordComputedMetrics(officeId: number, period: string, values: Partial<Record<MetricCode, number | null>>, source: string) {
  const end = periodEnd(period);
  db().transaction((tx) => {
    for (const [metric, value] of Object.entries(values)) {
      if (!isMetricCode(metric)) throw new Error(`unknown metric ${metric}`);
      const where = and(
        eq(officeMetrics.officeId, officeId),
        eq(officeMetrics.metric, metric),
        eq(officeMetrics.period, period),
        eq(officeMetrics.origin, "computed"),
      );
      if (value === null || value === undefined) {
        tx.delete(officeMetrics).where(where).run();
        continue;
      }
      tx.insert(officeMetrics)
        .values({ officeId, period, periodEnd: end, metric, value, source, origin: "computed" })
        .onConflictDoUpdate({
          target: [officeMetrics.officeId, officeMetrics.metric, officeMetrics.period, officeMetrics.origin],
          set: { value, source, periodEnd: end },
        })
        .run();
    }
  });
}

/* ---------- Reading ---------- */

export type MetricPoint = {
  officeId: number;
  period: string;
  periodEnd: number;
  value: number;
  source: string;
  origin: "computed" | "imported";
};

/** Pleno's own computation wins over an imported figure of the same office and period. */
function preferComputed<T extends { officeId: number; period: string; origin: string }>(rows: T[]): T[] {
  const byKey = new Map<string, T>();
  for (const r of rows) {
    const key = `${r.officeId}|${r.period}`;
    const held = byKey.get(key);
    if (!held || (held.origin === "imported" && r.origin === "computed")) byKey.set(key, r);
  }
  return [...byKey.values()];
}

/** Periods with figures for a metric among kabupaten/kota offices, latest first, with how many offices. */
export function metricPeriods(metric: string) {
  return db()
    .select({ period: officeMetrics.period, periodEnd: officeMetrics.periodEnd, offices: sql<number>`count(distinct ${officeMetrics.officeId})` })
    .from(officeMetrics)
    .innerJoin(offices, eq(offices.id, officeMetrics.officeId))
    .where(and(eq(officeMetrics.metric, metric), eq(offices.level, "kabkota")))
    .groupBy(officeMetrics.period)
    .orderBy(sql`${officeMetrics.periodEnd} desc`, asc(officeMetrics.period))
    .all();
}

export type BoardRow = MetricPoint & {
  code: string;
  name: string;
  provinceCode: string;
  dpb: number | null;
  peerGroup: PeerGroupCode | null;
};

/** Latest DPB of every office at or before a period end (the size that sets the peer group). */
export function latestDpbByOffice(maxPeriodEnd?: number) {
  const rows = db().all<{ officeId: number; value: number; period: string; source: string; origin: "computed" | "imported" }>(sql`
    select office_id as officeId, value, period, source, origin from (
      select office_id, value, period, source, origin,
        row_number() over (partition by office_id order by period_end desc, case origin when 'computed' then 0 else 1 end) as rn
      from office_metrics
      where metric = 'dpb' ${maxPeriodEnd ? sql`and period_end <= ${maxPeriodEnd}` : sql``}
    ) where rn = 1`);
  return new Map(rows.map((r) => [r.officeId, r]));
}

/** Every kabupaten/kota figure of one metric and period, with the office's size and peer group. */
export function boardRows(metric: string, period: string, filter: { province?: string; peerGroup?: PeerGroupCode }): BoardRow[] {
  const rows = db()
    .select({
      officeId: officeMetrics.officeId,
      period: officeMetrics.period,
      periodEnd: officeMetrics.periodEnd,
      value: officeMetrics.value,
      source: officeMetrics.source,
      origin: officeMetrics.origin,
      code: offices.code,
      name: offices.name,
    })
    .from(officeMetrics)
    .innerJoin(offices, eq(offices.id, officeMetrics.officeId))
    .where(
      and(
        eq(officeMetrics.metric, metric),
        eq(officeMetrics.period, period),
        eq(offices.level, "kabkota"),
        filter.province ? sql`substr(${offices.code}, 1, 2) = ${filter.province}` : undefined,
      ),
    )
    .all();
  const sizes = latestDpbByOffice(periodEnd(period));
  return preferComputed(rows)
    .map((r) => {
      const dpb = sizes.get(r.officeId)?.value ?? null;
      return { ...r, provinceCode: r.code.slice(0, 2), dpb, peerGroup: peerGroupOf(dpb) };
    })
    .filter((r) => !filter.peerGroup || r.peerGroup === filter.peerGroup);
}

/** A metric's series for some offices, oldest first. */
export function metricTrends(metric: string, officeIds: number[]): Map<number, MetricPoint[]> {
  const out = new Map<number, MetricPoint[]>();
  if (officeIds.length === 0) return out;
  const rows = db()
    .select({
      officeId: officeMetrics.officeId,
      period: officeMetrics.period,
      periodEnd: officeMetrics.periodEnd,
      value: officeMetrics.value,
      source: officeMetrics.source,
      origin: officeMetrics.origin,
    })
    .from(officeMetrics)
    .where(and(eq(officeMetrics.metric, metric), inArray(officeMetrics.officeId, officeIds)))
    .orderBy(asc(officeMetrics.periodEnd), asc(officeMetrics.period))
    .all();
  for (const r of preferComputed(rows).sort((a, b) => a.periodEnd - b.periodEnd || a.period.localeCompare(b.period)))
    out.set(r.officeId, [...(out.get(r.officeId) ?? []), r]);
  return out;
}

/** Metrics an office has figures for (a practice page offers them for its trend). */
export function metricsOfOffice(officeId: number): string[] {
  return db()
    .selectDistinct({ metric: officeMetrics.metric })
    .from(officeMetrics)
    .where(eq(officeMetrics.officeId, officeId))
    .all()
    .map((r) => r.metric);
}

/** Kabupaten/kota offices under a KPU Provinsi (or all of them for KPU RI), with their latest DPB. */
export function monitorRows(actor: Actor, province?: string) {
  const scope =
    actor.office.level === "ri"
      ? province
        ? sql`substr(${offices.code}, 1, 2) = ${province}`
        : undefined
      : eq(offices.parentId, actor.office.id);
  const list = db()
    .select({ id: offices.id, code: offices.code, name: offices.name })
    .from(offices)
    .where(and(eq(offices.level, "kabkota"), scope))
    .orderBy(asc(offices.code))
    .all();
  const latest = latestDpbByOffice();
  return list.map((o) => ({ ...o, dpb: latest.get(o.id) ?? null }));
}
