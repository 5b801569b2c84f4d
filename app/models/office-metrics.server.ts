/**
 * Figures Pleno computes from an office's own data for the benchmark board: the determined recaps
 * (DPB, pemilih baru, TMS and duplicate rates), the statutory meetings (timeliness), the berita
 * acara (sealed within 7 days), the feedback points (answered) and the data deliveries (partners per
 * quarter). The formulas are the pure functions of app/domain/metrics.ts; this module only gathers
 * their inputs and stores the results with recordComputedMetrics (origin "computed").
 *
 * refreshOfficeMetrics recomputes every period of one office; the models call it after each change
 * that moves a figure (a recap determined, a meeting held, a point answered, a delivery recorded, a
 * berita acara sealed). One office's data is small, so a full recomputation stays cheap and can
 * never drift from the data.
 */
import { and, eq, inArray } from "drizzle-orm";
import { officeMetrics, offices } from "../../db/schema";
import { db, type DB } from "../db.server";
import { zonedToUtc, type ZoneName } from "../domain/format";
import {
  dataPartnersPerQuarter,
  duplicateRate,
  feedbackAnswered,
  newVoterRate,
  periodEnd,
  sealedWithin7Days,
  timeliness,
  tmsRate,
  type MetricCode,
} from "../domain/metrics";
import type { LP } from "../domain/recap";

export const COMPUTED_SOURCE = "Dihitung Pleno dari data kantor";

/** Meetings the PKPU schedule requires; ad-hoc meetings do not count for timeliness. */
const STATUTORY_KINDS = ["internal_monthly", "open_quarterly", "coordination_quarterly", "semester"];

type Values = Partial<Record<MetricCode, number | null>>;

export function quarterOf(dateText: string): string {
  const [y, m] = dateText.split("-").map(Number);
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}

function add(map: Map<string, Values>, period: string, values: Values) {
  map.set(period, { ...(map.get(period) ?? {}), ...values });
}

/** The figures of one office per period, without storing them. */
export function computeOfficeMetrics(officeId: number, asOf = new Date(), database: DB = db()): Map<string, Values> {
  const client = database.$client;
  const office = database.select({ zone: offices.timeZone }).from(offices).where(eq(offices.id, officeId)).get();
  if (!office) throw new Error(`office ${officeId} not found`);
  const zone = office.zone as ZoneName;
  const out = new Map<string, Values>();

  // Recaps: the latest determined version of each kecamatan-level period.
  const gandaCodes = new Set(
    (client.prepare("select code from tms_categories where office_id = ? and legal_basis = 'ganda'").all(officeId) as { code: string }[]).map(
      (r) => r.code,
    ),
  );
  const recapRows = client
    .prepare(
      `select r.period, rr.previous_l + rr.previous_p as previous, rr.new_voters_l + rr.new_voters_p as new_voters,
              rr.tms_l + rr.tms_p as tms, rr.dpb_l + rr.dpb_p as dpb, rr.tms_detail
         from recaps r join recap_rows rr on rr.recap_id = r.id
        where r.office_id = ? and r.level = 'kecamatan' and r.status = 'ditetapkan'
          and r.version = (select max(r2.version) from recaps r2
                            where r2.office_id = r.office_id and r2.level = r.level and r2.period = r.period
                              and r2.status = 'ditetapkan')`,
    )
    .all(officeId) as { period: string; previous: number; new_voters: number; tms: number; dpb: number; tms_detail: string }[];
  // Per recap period first, then per quarter: a quarter's flows are the sum of its months, its
  // previous DPB that of its first month and its DPB that of its last (monthly determinations before
  // 2025 roll up into the quarters the board compares).
  type Sum = { previous: number; newVoters: number; tms: number; dpb: number; ganda: number };
  const perPeriod = new Map<string, Sum>();
  for (const r of recapRows) {
    const s = perPeriod.get(r.period) ?? { previous: 0, newVoters: 0, tms: 0, dpb: 0, ganda: 0 };
    s.previous += r.previous;
    s.newVoters += r.new_voters;
    s.tms += r.tms;
    s.dpb += r.dpb;
    const detail = JSON.parse(r.tms_detail || "{}") as Record<string, LP | [number, number]>;
    for (const code of gandaCodes) s.ganda += lpTotal(detail[code]);
    perPeriod.set(r.period, s);
  }
  const recapQuarters = new Map<string, { months: string[]; sum: Sum }>();
  for (const period of [...perPeriod.keys()].sort()) {
    const quarter = /Q\d$/.test(period) ? period : /^\d{4}-\d{2}$/.test(period) ? quarterOf(`${period}-01`) : null;
    if (!quarter) continue;
    const p = perPeriod.get(period)!;
    const q = recapQuarters.get(quarter);
    if (!q) recapQuarters.set(quarter, { months: [period], sum: { ...p } });
    else {
      q.months.push(period);
      q.sum = { previous: q.sum.previous, newVoters: q.sum.newVoters + p.newVoters, tms: q.sum.tms + p.tms, dpb: p.dpb, ganda: q.sum.ganda + p.ganda };
    }
  }
  for (const [quarter, { months, sum: s }] of recapQuarters) {
    // A quarter counts once its last month (or the quarter itself) is determined.
    const last = months[months.length - 1];
    if (!/Q\d$/.test(last) && Number(last.slice(5, 7)) % 3 !== 0) continue;
    add(out, quarter, {
      dpb: s.dpb,
      new_voter_rate: newVoterRate({ newVoters: s.newVoters, previousDpb: s.previous }),
      tms_rate: tmsRate({ tms: s.tms, previousDpb: s.previous }),
      duplicate_rate: gandaCodes.size ? duplicateRate({ tmsDuplicate: s.ganda, dpb: s.dpb }) : null,
    });
  }

  // Statutory meetings by the quarter of their due date; a due date ends at midnight office time.
  const meetingRows = client
    .prepare(
      `select id, due_date, held_at, starts_at from meetings
        where office_id = ? and status <> 'dibatalkan' and kind in (${STATUTORY_KINDS.map(() => "?").join(",")})`,
    )
    .all(officeId, ...STATUTORY_KINDS) as { id: number; due_date: string; held_at: number | null; starts_at: number }[];
  const byQuarter = new Map<string, typeof meetingRows>();
  for (const m of meetingRows) {
    const q = quarterOf(m.due_date);
    byQuarter.set(q, [...(byQuarter.get(q) ?? []), m]);
  }
  const dueEnd = (dueDate: string) => new Date(zonedToUtc(dueDate, "23:59", zone).getTime() + 60_000 - 1);
  const sealedAt = sealedTimes(database, officeId);
  for (const [q, list] of byQuarter) {
    if (periodStartPassed(q, asOf) === false) continue;
    add(out, q, {
      timeliness: timeliness(
        list.map((m) => ({ dueAt: dueEnd(m.due_date), heldAt: m.held_at === null ? null : new Date(m.held_at) })),
        asOf,
      ),
      sealed_within_7_days: sealedAt
        ? sealedWithin7Days(
            list
              .filter((m) => m.held_at !== null)
              .map((m) => ({ meetingAt: new Date(m.held_at ?? m.starts_at), sealedAt: sealedAt.get(m.id) ?? null })),
            asOf,
          )
        : null,
    });
  }

  // Feedback points by the quarter of their meeting.
  const pointRows = client
    .prepare(
      `select m.due_date, p.answered_at from feedback_points p
         join feedback_submissions s on s.id = p.submission_id
         join invitations i on i.id = s.invitation_id
         join meetings m on m.id = i.meeting_id
        where m.office_id = ?`,
    )
    .all(officeId) as { due_date: string; answered_at: number | null }[];
  const pointsByQuarter = new Map<string, { answeredAt: Date | null }[]>();
  for (const p of pointRows) {
    const q = quarterOf(p.due_date);
    pointsByQuarter.set(q, [...(pointsByQuarter.get(q) ?? []), { answeredAt: p.answered_at === null ? null : new Date(p.answered_at) }]);
  }
  for (const [q, points] of pointsByQuarter) add(out, q, { feedback_answered: feedbackAnswered(points) });

  // Organisations delivering data, per quarter of the day received.
  const deliveries = client
    .prepare("select stakeholder_id, received_on from data_deliveries where office_id = ?")
    .all(officeId) as { stakeholder_id: number; received_on: string }[];
  const quarters = new Set(deliveries.map((d) => quarterOf(d.received_on)));
  const asDeliveries = deliveries.map((d) => ({ organisationId: d.stakeholder_id, deliveredAt: zonedToUtc(d.received_on, "12:00", zone) }));
  for (const q of quarters) add(out, q, { data_partners_per_quarter: dataPartnersPerQuarter(asDeliveries, q, zone) });

  return out;
}

/** TMS detail cells are stored as [L, P] pairs (older data as { l, p }). */
function lpTotal(v: LP | [number, number] | undefined): number {
  if (!v) return 0;
  return Array.isArray(v) ? (v[0] ?? 0) + (v[1] ?? 0) : (v.l ?? 0) + (v.p ?? 0);
}

/** false when the quarter has not begun at asOf (a plan, not yet a figure). */
function periodStartPassed(quarter: string, asOf: Date): boolean {
  const [y, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return Date.UTC(y, (q - 1) * 3, 1) <= asOf.getTime();
}

/**
 * When each meeting's berita acara was sealed, or null while Pleno does not seal documents for
 * this database (no sealing table): the figure is then left out instead of being shown as 0 %.
 */
function sealedTimes(database: DB, officeId: number): Map<number, Date> | null {
  const client = database.$client;
  const hasColumn = (client.prepare("select name from pragma_table_info('minutes') where name = 'sealed_at'").get() as unknown) !== undefined;
  if (!hasColumn) return null;
  const rows = client
    .prepare("select meeting_id, min(sealed_at) as sealed_at from minutes where office_id = ? and sealed_at is not null group by meeting_id")
    .all(officeId) as { meeting_id: number; sealed_at: number }[];
  return new Map(rows.map((r) => [r.meeting_id, new Date(r.sealed_at)]));
}

/**
 * Recompute and store every computed figure of an office. Periods that no longer have a figure
 * lose their computed row, so a figure never outlives its data.
 */
export function refreshOfficeMetrics(officeId: number, asOf = new Date(), database: DB = db()) {
  const computed = computeOfficeMetrics(officeId, asOf, database);
  database.transaction((tx) => {
    const keep = new Set<string>();
    for (const [period, values] of computed) {
      for (const [metric, value] of Object.entries(values)) {
        if (value === null || value === undefined) continue;
        keep.add(`${period}|${metric}`);
        tx.insert(officeMetrics)
          .values({ officeId, period, periodEnd: periodEnd(period), metric, value, source: COMPUTED_SOURCE, origin: "computed" })
          .onConflictDoUpdate({
            target: [officeMetrics.officeId, officeMetrics.metric, officeMetrics.period, officeMetrics.origin],
            set: { value, source: COMPUTED_SOURCE, periodEnd: periodEnd(period) },
          })
          .run();
      }
    }
    const existing = tx
      .select({ id: officeMetrics.id, period: officeMetrics.period, metric: officeMetrics.metric })
      .from(officeMetrics)
      .where(and(eq(officeMetrics.officeId, officeId), eq(officeMetrics.origin, "computed")))
      .all();
    const stale = existing.filter((r) => !keep.has(`${r.period}|${r.metric}`)).map((r) => r.id);
    if (stale.length) tx.delete(officeMetrics).where(inArray(officeMetrics.id, stale)).run();
  });
  return computed;
}

/** Offices whose figures Pleno computes (they hold data of their own). */
export function officesWithOwnData(database: DB = db()): number[] {
  return (
    database.$client.prepare("select distinct office_id from meetings union select distinct office_id from recaps").all() as { office_id: number }[]
  ).map((r) => r.office_id);
}

