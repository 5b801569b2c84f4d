import { and, asc, desc, eq, lt, sql } from "drizzle-orm";
import { dataDeliveries, recapRows, recaps, stakeholders, tmsCategories } from "../../db/schema";
import { fail, requireSameOffice, type Actor } from "../auth/guard.server";
import { db, preparedQuery, type DB } from "../db.server";
import { refreshOfficeMetrics } from "./office-metrics.server";
import { prepared } from "../lib/prepared.server";
import {
  comparisonFlags,
  computeRow,
  periodEnd,
  validateRows,
  type ComputedRow,
  type LP,
  type RawRow,
  type Problem,
  type RecapRow,
} from "../domain/recap";
import { DEFAULT_TMS_CATEGORIES } from "../domain/tms-categories";

export type RecapLevel = "kecamatan" | "desa";
type OfficeRef = { id: number; code: string; level: "ri" | "provinsi" | "kabkota" };

/* ---------- TMS categories ---------- */

/** Writes the default categories for an office that has none yet (idempotent). */
export function ensureTmsCategories(database: DB, officeId: number) {
  const insert = database.$client.prepare(
    "insert or ignore into tms_categories (office_id, code, label, legal_basis, sort_order, is_active) values (?, ?, ?, ?, ?, ?)",
  );
  const has = database.$client.prepare("select 1 from tms_categories where office_id = ? limit 1").get(officeId);
  if (has) return;
  database.$client.transaction(() => {
    DEFAULT_TMS_CATEGORIES.forEach((c, i) =>
      insert.run(officeId, c.code, c.label, c.legalBasis, (i + 1) * 10, c.isActive === false ? 0 : 1),
    );
  })();
}

export function tmsCategoriesOf(officeId: number, onlyActive = true) {
  ensureTmsCategories(db(), officeId);
  const where = [eq(tmsCategories.officeId, officeId)];
  if (onlyActive) where.push(eq(tmsCategories.isActive, true));
  return db()
    .select()
    .from(tmsCategories)
    .where(and(...where))
    .orderBy(asc(tmsCategories.sortOrder), asc(tmsCategories.code))
    .all();
}

/* ---------- Areas ---------- */

/**
 * The areas an office reports on, by Kemendagri code prefix: the kecamatan (or desa/kelurahan) of a
 * kabupaten/kota, of a province, or of the whole country for KPU RI.
 */
export function officeAreas(
  office: OfficeRef,
  level: RecapLevel,
  withDistrict = true,
): { code: string; name: string; district?: string }[] {
  const client = db().$client;
  const prefix = office.level === "ri" ? "" : `${office.code}.`;
  if (level === "kecamatan" || !withDistrict)
    return client
      .prepare("select code, name from areas where level = ? and substr(code, 1, ?) = ? order by code")
      .all(level === "kecamatan" ? "district" : "village", prefix.length, prefix) as { code: string; name: string }[];
  return client
    .prepare(
      `select v.code, v.name, d.name as district from areas v join areas d on d.code = v.parent_code
       where v.level = 'village' and substr(v.code, 1, ?) = ? order by v.code`,
    )
    .all(prefix.length, prefix) as { code: string; name: string; district: string }[];
}

/* ---------- Rows ---------- */

type RowRecord = typeof recapRows.$inferSelect;

function fromRecord(r: RowRecord): ComputedRow {
  const detail = JSON.parse(r.tmsDetail) as Record<string, [number, number]>;
  return {
    areaCode: r.areaCode,
    previous: { l: r.previousL, p: r.previousP },
    newVoters: { l: r.newVotersL, p: r.newVotersP },
    tms: Object.fromEntries(Object.entries(detail).map(([k, [l, p]]) => [k, { l, p }])),
    corrections: { l: r.correctionsL, p: r.correctionsP },
    tmsTotal: { l: r.tmsL, p: r.tmsP },
    dpb: { l: r.dpbL, p: r.dpbP },
  };
}

export function rowsOf(recapId: number): ComputedRow[] {
  return db().select().from(recapRows).where(eq(recapRows.recapId, recapId)).orderBy(asc(recapRows.areaCode)).all().map(fromRecord);
}

/** Inserts rows with one prepared statement (the national desa-level import writes 83,700+). */
export function insertRows(database: DB, recapId: number, rows: (RecapRow | ComputedRow)[]) {
  const insert = database.$client.prepare(
    `insert into recap_rows (recap_id, area_code, previous_l, previous_p, new_voters_l, new_voters_p, tms_l, tms_p,
      tms_detail, corrections_l, corrections_p, dpb_l, dpb_p) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const row of rows) {
    const c = "dpb" in row ? row : computeRow(row);
    const detail: Record<string, [number, number]> = {};
    for (const [code, v] of Object.entries(row.tms)) if (v.l || v.p) detail[code] = [v.l, v.p];
    insert.run(
      recapId,
      row.areaCode,
      row.previous.l,
      row.previous.p,
      row.newVoters.l,
      row.newVoters.p,
      c.tmsTotal.l,
      c.tmsTotal.p,
      JSON.stringify(detail),
      row.corrections.l,
      row.corrections.p,
      c.dpb.l,
      c.dpb.p,
    );
  }
}

/* ---------- Recaps ---------- */

export type Recap = typeof recaps.$inferSelect;

export function listRecaps(actor: Actor) {
  return db()
    .select({
      recap: recaps,
      dpb: sql<number>`(select coalesce(sum(dpb_l + dpb_p), 0) from recap_rows r where r.recap_id = ${recaps.id})`,
    })
    .from(recaps)
    .where(eq(recaps.officeId, actor.office.id))
    .orderBy(desc(recaps.periodEnd), desc(recaps.period), desc(recaps.version))
    .all();
}

export function getRecap(actor: Actor, id: number): Recap {
  const row = Number.isInteger(id) ? db().select().from(recaps).where(eq(recaps.id, id)).get() : undefined;
  return requireSameOffice(row, actor);
}

/** Every version of the recap's period, oldest first. */
export function versionsOf(recap: Recap) {
  return db()
    .select()
    .from(recaps)
    .where(and(eq(recaps.officeId, recap.officeId), eq(recaps.period, recap.period), eq(recaps.level, recap.level)))
    .orderBy(asc(recaps.version))
    .all();
}

/**
 * The DPB determined for the latest period before `period`: the highest determined version of that
 * period, per area. Null when the office has determined nothing earlier.
 */
export function determinedBefore(officeId: number, level: RecapLevel, period: string) {
  const previous = db()
    .select()
    .from(recaps)
    .where(
      and(
        eq(recaps.officeId, officeId),
        eq(recaps.level, level),
        eq(recaps.status, "ditetapkan"),
        lt(recaps.periodEnd, periodEnd(period)),
      ),
    )
    .orderBy(desc(recaps.periodEnd), desc(recaps.version))
    .get();
  if (!previous) return null;
  const byArea = new Map<string, LP>();
  for (const r of rowsOf(previous.id)) byArea.set(r.areaCode, r.dpb);
  return { recap: previous, byArea };
}

export function latestVersion(officeId: number, level: RecapLevel, period: string) {
  return db()
    .select()
    .from(recaps)
    .where(and(eq(recaps.officeId, officeId), eq(recaps.level, level), eq(recaps.period, period)))
    .orderBy(desc(recaps.version))
    .get();
}

/** Area names to codes, built only when a file names an area instead of giving its code. */
function lazyNameIndex(list: { code: string; name: string }[]): Pick<Map<string, string>, "get"> {
  let index: Map<string, string> | undefined;
  return {
    get(name: string) {
      index ??= new Map(list.map((a) => [a.name.toLowerCase(), a.code]));
      return index.get(name);
    },
  };
}

/** What validation needs to know about the office and the period. */
export function validationContext(office: OfficeRef, level: RecapLevel, period: string) {
  const list = officeAreas(office, level, false);
  const categories = tmsCategoriesOf(office.id, false);
  const previous = determinedBefore(office.id, level, period);
  return {
    areas: list,
    categories,
    previous,
    context: {
      categoryCodes: categories.filter((c) => c.isActive).map((c) => c.code),
      areasByCode: new Map(list.map((a) => [a.code, a.name])),
      areaCodeByName: lazyNameIndex(list),
      determinedPrevious: previous?.byArea ?? null,
    },
  };
}

/** Thrown inside the save transaction to roll everything back when a later part has problems. */
class InvalidRows extends Error {}

const SAVE_CHUNK = 500;

/**
 * Validates and saves a period's rows in one transaction, all or nothing: into the period's draft
 * when there is one, else as a new first version. A determined period refuses (409): it is
 * corrected through a new version. Rows are validated and written in parts, so a national
 * desa-level file never holds every computed row in memory at once; any problem rolls back all.
 */
export function saveRecapRows(
  actor: Actor,
  input: { period: string; level: RecapLevel; raw: RawRow[] },
): { ok: true; recapId: number; rowCount: number } | { ok: false; problems: Problem[] } {
  if (input.raw.length === 0) return { ok: false, problems: [{ row: 0, column: "_file", message: "Tidak ada baris rekap." }] };
  const { context } = validationContext(actor.office, input.level, input.period);
  const problems: Problem[] = [];
  const database = db();
  try {
    const recapId = database.transaction((tx) => {
      const latest = latestVersion(actor.office.id, input.level, input.period);
      let id: number;
      if (latest && latest.status === "ditetapkan")
        fail(409, "Rekap periode ini sudah ditetapkan. Perubahan hanya lewat koreksi (versi baru dengan alasan).");
      if (latest) {
        id = latest.id;
        tx.delete(recapRows).where(eq(recapRows.recapId, id)).run();
        tx.update(recaps).set({ updatedBy: actor.user.id, updatedAt: new Date() }).where(eq(recaps.id, id)).run();
      } else {
        id = tx
          .insert(recaps)
          .values({
            officeId: actor.office.id,
            period: input.period,
            periodEnd: periodEnd(input.period),
            level: input.level,
            createdBy: actor.user.id,
            updatedBy: actor.user.id,
          })
          .returning({ id: recaps.id })
          .get().id;
      }
      const seen = new Map<string, number>();
      for (let i = 0; i < input.raw.length; i += SAVE_CHUNK) {
        const part = validateRows(input.raw.slice(i, i + SAVE_CHUNK), context, seen);
        for (const p of part.problems) problems.push(p);
        if (problems.length === 0) insertRows(database, id, part.rows);
      }
      if (problems.length) throw new InvalidRows();
      return id;
    });
    return { ok: true, recapId, rowCount: input.raw.length };
  } catch (error) {
    if (error instanceof InvalidRows) return { ok: false, problems };
    throw error;
  }
}

/**
 * Determines (ditetapkan) a draft: from then on it is locked. Called when the meeting's berita
 * acara is sealed; `meetingId` records which meeting determined it.
 */
export function determineRecap(actor: Actor, id: number, meetingId?: number | null) {
  const recap = getRecap(actor, id);
  if (recap.status === "ditetapkan") fail(409, "Rekap ini sudah ditetapkan.");
  const latest = latestVersion(recap.officeId, recap.level, recap.period);
  if (latest && latest.id !== recap.id) fail(409, "Hanya versi terbaru yang dapat ditetapkan.");
  db()
    .update(recaps)
    .set({
      status: "ditetapkan",
      determinedAt: new Date(),
      meetingId: meetingId ?? recap.meetingId,
      updatedBy: actor.user.id,
      updatedAt: new Date(),
    })
    .where(and(eq(recaps.id, id), eq(recaps.status, "draf")))
    .run();
  refreshOfficeMetrics(recap.officeId);
  return getRecap(actor, id);
}

/** A correction of a determined recap: a new draft version with the same rows and the reason. */
export function createCorrection(actor: Actor, id: number, reason: string) {
  const recap = getRecap(actor, id);
  if (recap.status !== "ditetapkan") fail(409, "Hanya rekap yang sudah ditetapkan yang dikoreksi; draf dapat diubah langsung.");
  const latest = latestVersion(recap.officeId, recap.level, recap.period);
  if (latest && latest.id !== recap.id) fail(409, `Sudah ada versi ${latest.version} untuk periode ini.`);
  const database = db();
  return database.transaction((tx) => {
    const created = tx
      .insert(recaps)
      .values({
        officeId: recap.officeId,
        period: recap.period,
        periodEnd: recap.periodEnd,
        level: recap.level,
        meetingId: null,
        version: recap.version + 1,
        replacesRecapId: recap.id,
        correctionReason: reason,
        createdBy: actor.user.id,
        updatedBy: actor.user.id,
      })
      .returning()
      .get();
    database.$client
      .prepare(
        `insert into recap_rows (recap_id, area_code, previous_l, previous_p, new_voters_l, new_voters_p, tms_l, tms_p,
          tms_detail, corrections_l, corrections_p, dpb_l, dpb_p)
         select ?, area_code, previous_l, previous_p, new_voters_l, new_voters_p, tms_l, tms_p, tms_detail,
          corrections_l, corrections_p, dpb_l, dpb_p from recap_rows where recap_id = ?`,
      )
      .run(created.id, recap.id);
    return created;
  });
}

/** Total of pemilih baru that the period's stakeholder data produced. */
export function newVotersFromDeliveries(officeId: number, period: string) {
  return (
    db()
      .select({ n: sql<number>`coalesce(sum(${dataDeliveries.resultingNewVoters}), 0)` })
      .from(dataDeliveries)
      .where(and(eq(dataDeliveries.officeId, officeId), eq(dataDeliveries.period, period)))
      .get()?.n ?? 0
  );
}

/** The comparison with the previous period: per area the previous determined DPB and the flags. */
export function comparisonOf(recap: Recap, rows: ComputedRow[]) {
  const previous = determinedBefore(recap.officeId, recap.level, recap.period);
  return {
    previous: previous ? { id: previous.recap.id, period: previous.recap.period } : null,
    previousDpb: previous ? Object.fromEntries(previous.byArea) : {},
    flags: comparisonFlags(rows, previous?.byArea ?? null, newVotersFromDeliveries(recap.officeId, recap.period)),
  };
}

export function areaNames(codes: string[]) {
  if (codes.length === 0) return new Map<string, string>();
  const client = db().$client;
  const stmt = client.prepare("select name from areas where code = ?");
  return new Map(codes.map((c) => [c, (stmt.get(c) as { name: string } | undefined)?.name ?? c]));
}

/* ---------- Stakeholder data register ---------- */

export type DeliveryRecord = typeof dataDeliveries.$inferSelect;

/** A period's deliveries with the organisation's name; the meeting page shows these too. */
export function deliveriesForPeriod(officeId: number, period: string) {
  return db()
    .select({ delivery: dataDeliveries, stakeholderName: stakeholders.name })
    .from(dataDeliveries)
    .innerJoin(stakeholders, eq(stakeholders.id, dataDeliveries.stakeholderId))
    .where(and(eq(dataDeliveries.officeId, officeId), eq(dataDeliveries.period, period)))
    .orderBy(asc(dataDeliveries.receivedOn), asc(dataDeliveries.id))
    .all();
}

/**
 * Deliveries of several periods in one query, in the order of `periods` and, within a period, as
 * deliveriesForPeriod orders them.
 */
// The periods go in as one JSON array, so one statement serves any number of them.
const deliveriesForPeriodsQuery = preparedQuery((database) =>
  database
    .select({ delivery: dataDeliveries, stakeholderName: stakeholders.name })
    .from(dataDeliveries)
    .innerJoin(stakeholders, eq(stakeholders.id, dataDeliveries.stakeholderId))
    .where(and(eq(dataDeliveries.officeId, sql.placeholder("officeId")), sql`${dataDeliveries.period} in (select value from json_each(${sql.placeholder("periods")}))`))
    .orderBy(asc(dataDeliveries.receivedOn), asc(dataDeliveries.id))
    .prepare(),
);

export function deliveriesForPeriods(officeId: number, periods: string[]) {
  if (periods.length === 0) return [];
  const rows = deliveriesForPeriodsQuery().all({ officeId, periods: JSON.stringify(periods) });
  return periods.flatMap((p) => rows.filter((r) => r.delivery.period === p));
}

export function deliveryPeriods(officeId: number) {
  return db()
    .selectDistinct({ period: dataDeliveries.period })
    .from(dataDeliveries)
    .where(eq(dataDeliveries.officeId, officeId))
    .orderBy(desc(dataDeliveries.period))
    .all()
    .map((r) => r.period);
}

export type DeliveryInput = Omit<
  typeof dataDeliveries.$inferInsert,
  "id" | "officeId" | "createdBy" | "createdAt" | "updatedAt"
>;

function requireOwnStakeholder(actor: Actor, stakeholderId: number) {
  const org = db().select().from(stakeholders).where(eq(stakeholders.id, stakeholderId)).get();
  if (!org || org.officeId !== actor.office.id) return false;
  return true;
}

export function createDelivery(actor: Actor, input: DeliveryInput) {
  if (!requireOwnStakeholder(actor, input.stakeholderId)) fail(400, "Organisasi tidak ditemukan di kantor ini.");
  const created = db()
    .insert(dataDeliveries)
    .values({ ...input, officeId: actor.office.id, createdBy: actor.user.id })
    .returning()
    .get();
  refreshOfficeMetrics(actor.office.id);
  return created;
}

export function updateDelivery(actor: Actor, id: number, input: DeliveryInput) {
  const existing = db().select().from(dataDeliveries).where(eq(dataDeliveries.id, id)).get();
  requireSameOffice(existing, actor);
  if (!requireOwnStakeholder(actor, input.stakeholderId)) fail(400, "Organisasi tidak ditemukan di kantor ini.");
  db()
    .update(dataDeliveries)
    .set({ ...input, updatedAt: new Date() })
    .where(and(eq(dataDeliveries.id, id), eq(dataDeliveries.officeId, actor.office.id)))
    .run();
  refreshOfficeMetrics(actor.office.id);
}

export function getDelivery(actor: Actor, id: number) {
  return requireSameOffice(db().select().from(dataDeliveries).where(eq(dataDeliveries.id, id)).get(), actor);
}

/** Dashboard: recaps still in draft. */
const draftRecapCountQuery = preparedQuery((database) =>
  database
    .select({ n: sql<number>`count(*)` })
    .from(recaps)
    .where(and(eq(recaps.officeId, sql.placeholder("officeId")), eq(recaps.status, "draf")))
    .prepare(),
);

export function draftRecapCount(officeId: number) {
  return draftRecapCountQuery().get({ officeId })?.n ?? 0;
}


/* ---------- Grid rows for the pages ---------- */

export type GridRowData = { line: number; area: string; name: string; cells: Record<string, string> };

const cellsOf = (r: RecapRow): Record<string, string> => {
  const cells: Record<string, string> = {
    "previous.l": String(r.previous.l),
    "previous.p": String(r.previous.p),
    "newVoters.l": String(r.newVoters.l),
    "newVoters.p": String(r.newVoters.p),
    "corrections.l": String(r.corrections.l),
    "corrections.p": String(r.corrections.p),
  };
  for (const [code, v] of Object.entries(r.tms)) {
    cells[`tms.${code}.l`] = String(v.l);
    cells[`tms.${code}.p`] = String(v.p);
  }
  return cells;
};

export function gridRowsOfRecap(recapId: number): GridRowData[] {
  const rows = rowsOf(recapId);
  const names = areaNames(rows.map((r) => r.areaCode));
  return rows.map((r, i) => ({ line: i + 1, area: r.areaCode, name: names.get(r.areaCode) ?? r.areaCode, cells: cellsOf(r) }));
}

/** A new period's rows: every area, the previous DPB from the determined period, zero elsewhere. */
export function blankGridRows(office: OfficeRef, level: RecapLevel, period: string): GridRowData[] {
  const previous = determinedBefore(office.id, level, period);
  return officeAreas(office, level).map((a, i) => {
    const dpb = previous?.byArea.get(a.code) ?? ZERO_LP;
    return {
      line: i + 1,
      area: a.code,
      name: a.district ? `${a.name} (${a.district})` : a.name,
      cells: { "previous.l": String(dpb.l), "previous.p": String(dpb.p) },
    };
  });
}

const ZERO_LP: LP = { l: 0, p: 0 };

/**
 * Saves the office's TMS categories in one transaction: labels, order and active flag of existing
 * ones (codes never change: rows refer to them), plus an optional new category. A taken code: false.
 */
export function saveTmsCategories(
  actor: Actor,
  input: { cat: { id: number; label: string; sortOrder: number; isActive: boolean }[]; add?: { code?: string; label?: string; sortOrder?: string } },
): boolean {
  ensureTmsCategories(db(), actor.office.id);
  const add = input.add;
  if (add?.code) {
    const taken = db()
      .select()
      .from(tmsCategories)
      .where(and(eq(tmsCategories.officeId, actor.office.id), sql`lower(${tmsCategories.code}) = lower(${add.code})`))
      .get();
    if (taken) return false;
  }
  return db().transaction((tx) => {
    for (const c of input.cat)
      tx.update(tmsCategories)
        .set({ label: c.label, sortOrder: c.sortOrder, isActive: c.isActive })
        .where(and(eq(tmsCategories.id, c.id), eq(tmsCategories.officeId, actor.office.id)))
        .run();
    if (add?.code && add.label) {
      const last = tx
        .select({ n: sql<number>`coalesce(max(${tmsCategories.sortOrder}), 0)` })
        .from(tmsCategories)
        .where(eq(tmsCategories.officeId, actor.office.id))
        .get();
      tx.insert(tmsCategories)
        .values({ officeId: actor.office.id, code: add.code, label: add.label, sortOrder: add.sortOrder ? Number(add.sortOrder) : (last?.n ?? 0) + 10 })
        .run();
    }
    return true;
  });
}

const latestRecapQuery = prepared((d) =>
  d
    .select()
    .from(recaps)
    .where(and(eq(recaps.officeId, sql.placeholder("officeId")), eq(recaps.meetingId, sql.placeholder("meetingId"))))
    .orderBy(desc(recaps.version))
    .limit(1)
    .prepare(),
);
const recapTotalsQuery = prepared((d) =>
  d
    .select({
      areas: sql<number>`count(*)`,
      pl: sql<number>`sum(${recapRows.previousL})`,
      pp: sql<number>`sum(${recapRows.previousP})`,
      nl: sql<number>`sum(${recapRows.newVotersL})`,
      np: sql<number>`sum(${recapRows.newVotersP})`,
      tl: sql<number>`sum(${recapRows.tmsL})`,
      tp: sql<number>`sum(${recapRows.tmsP})`,
      corr: sql<number>`sum(${recapRows.correctionsL} + ${recapRows.correctionsP})`,
      dl: sql<number>`sum(${recapRows.dpbL})`,
      dp: sql<number>`sum(${recapRows.dpbP})`,
    })
    .from(recapRows)
    .where(eq(recapRows.recapId, sql.placeholder("recapId")))
    .prepare(),
);

/** Totals of the latest recap linked to a meeting, for the meeting page and the feedback form. */
export function recapSummaryForMeeting(officeId: number, meetingId: number, database: DB = db()) {
  const recap = latestRecapQuery(database).get({ officeId, meetingId });
  if (!recap) return null;
  const t = recapTotalsQuery(database).get({ recapId: recap.id })!;
  return {
    id: recap.id,
    period: recap.period,
    status: recap.status,
    version: recap.version,
    areas: t.areas,
    previous: { l: t.pl, p: t.pp },
    newVoters: { l: t.nl, p: t.np },
    tms: { l: t.tl, p: t.tp },
    corrections: t.corr,
    dpb: { l: t.dl, p: t.dp },
  };
}
