import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { officeMetrics, offices } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { db } from "../db.server";
import { derived } from "../lib/derived-cache.server";
import { checkMetricCsv, validRows, type ImportPreview, type OfficeRef, type ValidRow } from "../domain/metric-import";
import { ZONE_OFFSET_HOURS, type ZoneName } from "../domain/format";
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
  return derived(`periods:${metric}`, () => metricPeriodsUncached(metric));
}

function metricPeriodsUncached(metric: string) {
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
  return derived(`latest-dpb:${maxPeriodEnd ?? ""}`, () => latestDpbUncached(maxPeriodEnd));
}

function latestDpbUncached(maxPeriodEnd?: number) {
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
  return derived(`board:${metric}:${period}:${filter.province ?? ""}:${filter.peerGroup ?? ""}`, () => boardRowsUncached(metric, period, filter));
}

function boardRowsUncached(metric: string, period: string, filter: { province?: string; peerGroup?: PeerGroupCode }): BoardRow[] {
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
export function monitorRows(actor: Actor, province?: string, asOf = new Date()) {
  return derived(`monitor:${actor.office.id}:${province ?? ""}:${asOf.toISOString().slice(0, 10)}`, () => monitorRowsUncached(actor, province, asOf));
}

function monitorRowsUncached(actor: Actor, province: string | undefined, asOf: Date) {
  const scope =
    actor.office.level === "ri"
      ? province
        ? sql`substr(${offices.code}, 1, 2) = ${province}`
        : undefined
      : eq(offices.parentId, actor.office.id);
  const list = db()
    .select({ id: offices.id, code: offices.code, name: offices.name, zone: offices.timeZone })
    .from(offices)
    .where(and(eq(offices.level, "kabkota"), scope))
    .orderBy(asc(offices.code))
    .all();
  const latest = latestDpbByOffice();
  const progress = progressByOffice(
    list.map((o) => o.id),
    asOf,
  );
  return list.map((o) => ({ ...o, dpb: latest.get(o.id) ?? null, progress: progress.get(o.id) ?? null }));
}

/** A statutory meeting's standing at asOf, for the progress monitor. */
export type MeetingMark = { period: string; state: "tepat" | "terlambat" | "belum" };

export type OfficeProgress = {
  /** Statutory meetings due in the last twelve months, most recent first. */
  meetings: MeetingMark[];
  onTime: number;
  due: number;
  /** Meetings held whose berita acara is sealed (null while this database cannot seal). */
  sealed: number | null;
  held: number;
  determined: number;
  draftRecaps: number;
  /** Periods of the last twelve months with a held DPB meeting but no determined recap. */
  undetermined: string[];
};

const STATUTORY = "('internal_monthly', 'open_quarterly', 'coordination_quarterly', 'semester')";

/**
 * Progress of many offices at once, in three grouped queries (no query per office): statutory
 * meetings due in the twelve months before asOf, their berita acara, and the recaps of the same time.
 */
export function progressByOffice(officeIds: number[], asOf = new Date()): Map<number, OfficeProgress> {
  return derived(`progress:${asOf.toISOString().slice(0, 10)}:${officeIds.join(",")}`, () => progressUncached(officeIds, asOf));
}

function progressUncached(officeIds: number[], asOf: Date): Map<number, OfficeProgress> {
  const out = new Map<number, OfficeProgress>();
  if (officeIds.length === 0) return out;
  const client = db().$client;
  const today = asOf.toISOString().slice(0, 10);
  const from = new Date(asOf.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const ids = JSON.stringify(officeIds);
  const hasSeal = client.prepare("select 1 from pragma_table_info('minutes') where name = 'sealed_at'").get() !== undefined;
  const meetingsDue = client
    .prepare(
      `select m.office_id, m.id, m.period, m.kind, m.due_date, m.held_at, o.time_zone,
              ${hasSeal ? "(select count(*) from minutes b where b.meeting_id = m.id and b.sealed_at is not null)" : "null"} as sealed
         from meetings m join offices o on o.id = m.office_id
        where m.office_id in (select value from json_each(?)) and m.kind in ${STATUTORY}
          and m.status <> 'dibatalkan' and m.due_date >= ? and m.due_date <= ?
        order by m.due_date desc`,
    )
    .all(ids, from, today) as {
    office_id: number;
    id: number;
    period: string;
    kind: string;
    due_date: string;
    held_at: number | null;
    time_zone: string;
    sealed: number | null;
  }[];
  const get = (officeId: number) => {
    let p = out.get(officeId);
    if (!p) {
      p = { meetings: [], onTime: 0, due: 0, sealed: hasSeal ? 0 : null, held: 0, determined: 0, draftRecaps: 0, undetermined: [] };
      out.set(officeId, p);
    }
    return p;
  };
  const heldDpbPeriods = new Map<number, Set<string>>();
  for (const m of meetingsDue) {
    const p = get(m.office_id);
    const offset = ZONE_OFFSET_HOURS[m.time_zone as ZoneName] ?? 7;
    const dueEnd = Date.parse(`${m.due_date}T00:00:00Z`) + 86_400_000 - offset * 3_600_000;
    const state: MeetingMark["state"] = m.held_at === null ? "belum" : m.held_at < dueEnd ? "tepat" : "terlambat";
    p.meetings.push({ period: m.period, state });
    p.due += 1;
    if (state === "tepat") p.onTime += 1;
    if (m.held_at !== null) {
      p.held += 1;
      if (p.sealed !== null && (m.sealed ?? 0) > 0) p.sealed += 1;
      if (m.kind === "internal_monthly" || m.kind === "open_quarterly") {
        const set = heldDpbPeriods.get(m.office_id) ?? new Set<string>();
        set.add(m.period);
        heldDpbPeriods.set(m.office_id, set);
      }
    }
  }
  const recapRows = client
    .prepare(
      `select office_id, period, max(status = 'ditetapkan') as determined, max(status = 'draf') as draft
         from recaps where office_id in (select value from json_each(?)) and level = 'kecamatan'
        group by office_id, period`,
    )
    .all(ids) as { office_id: number; period: string; determined: number; draft: number }[];
  const determinedPeriods = new Map<number, Set<string>>();
  for (const r of recapRows) {
    const set = determinedPeriods.get(r.office_id) ?? new Set<string>();
    if (r.determined) set.add(r.period);
    determinedPeriods.set(r.office_id, set);
    if (!heldDpbPeriods.get(r.office_id)?.has(r.period) && !r.draft) continue;
    const p = get(r.office_id);
    if (r.draft && !r.determined) p.draftRecaps += 1;
  }
  for (const [officeId, periods] of heldDpbPeriods) {
    const p = get(officeId);
    const done = determinedPeriods.get(officeId) ?? new Set<string>();
    for (const period of periods) {
      if (done.has(period)) p.determined += 1;
      else p.undetermined.push(period);
    }
  }
  return out;
}

/** How far behind an office is: higher is worse; offices without any Pleno data rank after laggards. */
export function lagScore(p: OfficeProgress | null): number {
  if (!p) return -1;
  const late = p.due - p.onTime;
  const unsealed = p.sealed === null ? 0 : p.held - p.sealed;
  return late * 3 + p.undetermined.length * 2 + unsealed + p.draftRecaps;
}
