import { and, asc, desc, eq, inArray, lt, ne } from "drizzle-orm";
import { areas, recapRows, recapRowTms, recaps, tmsCategories } from "../../db/schema";
import { db, type DB } from "../db.server";
import { computeRow, lp, type LP, type RecapRowInput } from "../domain/recap";

/** PKPU 6/2021 Pasal 18(3), numbered as operator tools usually do; an office may change them. */
export const DEFAULT_TMS_CATEGORIES: { code: string; label: string; isDuplicate?: boolean }[] = [
  { code: "1", label: "Meninggal" },
  { code: "2", label: "Ganda", isDuplicate: true },
  { code: "3", label: "Di bawah 17 tahun dan belum kawin" },
  { code: "4", label: "Pindah keluar / pindah domisili" },
  { code: "5", label: "Tidak dikenal" },
  { code: "6", label: "Menjadi anggota TNI" },
  { code: "7", label: "Menjadi anggota Polri" },
  { code: "8", label: "Hak pilih dicabut" },
  { code: "9", label: "Bukan penduduk" },
  { code: "10", label: "Tidak memiliki KTP-el" },
  { code: "11", label: "Warga negara asing" },
];

export function ensureTmsCategories(officeId: number, database: DB = db()) {
  const existing = database.select().from(tmsCategories).where(eq(tmsCategories.officeId, officeId)).orderBy(asc(tmsCategories.position)).all();
  if (existing.length) return existing;
  DEFAULT_TMS_CATEGORIES.forEach((c, i) =>
    database.insert(tmsCategories).values({ officeId, code: c.code, label: c.label, isDuplicate: c.isDuplicate ?? false, position: i + 1 }).run(),
  );
  return database.select().from(tmsCategories).where(eq(tmsCategories.officeId, officeId)).orderBy(asc(tmsCategories.position)).all();
}

/** The kecamatan of an office's region, as rows of its recap. */
export function recapAreas(officeCode: string, database: DB = db()) {
  return database.select({ code: areas.code, name: areas.name }).from(areas).where(eq(areas.parentCode, officeCode)).orderBy(asc(areas.code)).all();
}

/** TMS counts keyed by category id. */
export type StoredRowInput = Omit<RecapRowInput, "tms"> & { tms: Record<number, LP> };

/**
 * Saves a recap's rows as a draft in one transaction (all or nothing), replacing the rows of an
 * existing draft of the same period.
 */
export function saveDraftRecap(
  input: { officeId: number; period: string; meetingId: number | null; rows: StoredRowInput[]; userId?: number | null },
  database: DB = db(),
) {
  return database.transaction((tx) => {
    let recap = tx
      .select()
      .from(recaps)
      .where(and(eq(recaps.officeId, input.officeId), eq(recaps.period, input.period), eq(recaps.status, "draf")))
      .get();
    if (!recap) {
      const last = tx.select().from(recaps).where(and(eq(recaps.officeId, input.officeId), eq(recaps.period, input.period))).orderBy(desc(recaps.version)).get();
      if (last && last.status === "ditetapkan") throw new Error("Rekap periode ini sudah ditetapkan; perubahan harus berupa versi koreksi.");
      recap = tx
        .insert(recaps)
        .values({ officeId: input.officeId, period: input.period, meetingId: input.meetingId, version: (last?.version ?? 0) + 1, createdBy: input.userId ?? null })
        .returning()
        .get();
    } else {
      const old = tx.select({ id: recapRows.id }).from(recapRows).where(eq(recapRows.recapId, recap.id)).all().map((r) => r.id);
      if (old.length) tx.delete(recapRowTms).where(inArray(recapRowTms.rowId, old)).run();
      tx.delete(recapRows).where(eq(recapRows.recapId, recap.id)).run();
    }
    const insertRow = database.$client.prepare(
      "insert into recap_rows (recap_id, area_code, previous_l, previous_p, new_l, new_p, tms_l, tms_p, corrections_l, corrections_p, dpb_l, dpb_p) values (?,?,?,?,?,?,?,?,?,?,?,?) returning id",
    );
    const insertTms = database.$client.prepare("insert into recap_row_tms (row_id, category_id, l, p) values (?,?,?,?)");
    for (const input_ of input.rows) {
      const r = computeRow({ ...input_, tms: Object.fromEntries(Object.entries(input_.tms)) });
      const { id } = insertRow.get(
        recap.id, r.areaCode, r.previous.l, r.previous.p, r.newVoters.l, r.newVoters.p, r.tmsTotal.l, r.tmsTotal.p,
        r.corrections.l, r.corrections.p, r.dpb.l, r.dpb.p,
      ) as { id: number };
      for (const [categoryId, v] of Object.entries(input_.tms)) if (v.l || v.p) insertTms.run(id, Number(categoryId), v.l, v.p);
    }
    return recap;
  });
}

/** Locks a recap (when its meeting's berita acara is sealed, or by the determination itself). */
export function determineRecap(recapId: number, database: DB = db()) {
  database.transaction((tx) => {
    const recap = tx.select().from(recaps).where(eq(recaps.id, recapId)).get();
    if (!recap) throw new Error(`recap ${recapId} not found`);
    if (recap.replacesRecapId) tx.update(recaps).set({ status: "diganti" }).where(eq(recaps.id, recap.replacesRecapId)).run();
    tx.update(recaps).set({ status: "ditetapkan", determinedAt: new Date() }).where(eq(recaps.id, recapId)).run();
  });
}

/** The DPB per area of the last determined recap before a period: the next period's "previous". */
export function determinedDpbBefore(officeId: number, period: string, database: DB = db()) {
  const recap = database
    .select()
    .from(recaps)
    .where(and(eq(recaps.officeId, officeId), eq(recaps.status, "ditetapkan"), lt(recaps.period, period)))
    .orderBy(desc(recaps.period), desc(recaps.version))
    .get();
  const map = new Map<string, LP>();
  if (!recap) return { recap: undefined, dpb: map };
  for (const r of database.select().from(recapRows).where(eq(recapRows.recapId, recap.id)).all()) map.set(r.areaCode, lp(r.dpbL, r.dpbP));
  return { recap, dpb: map };
}

export function recapsOf(officeId: number, database: DB = db()) {
  return database.select().from(recaps).where(and(eq(recaps.officeId, officeId), ne(recaps.status, "diganti"))).orderBy(desc(recaps.period)).all();
}

/** Totals of the recap linked to a meeting, for the meeting page. */
export function recapSummaryForMeeting(officeId: number, meetingId: number, database: DB = db()) {
  const recap = database
    .select()
    .from(recaps)
    .where(and(eq(recaps.officeId, officeId), eq(recaps.meetingId, meetingId), ne(recaps.status, "diganti")))
    .orderBy(desc(recaps.version))
    .get();
  if (!recap) return null;
  const t = database.$client
    .prepare(
      `select count(*) areas, sum(previous_l) pl, sum(previous_p) pp, sum(new_l) nl, sum(new_p) np, sum(tms_l) tl, sum(tms_p) tp,
              sum(corrections_l + corrections_p) corr, sum(dpb_l) dl, sum(dpb_p) dp from recap_rows where recap_id = ?`,
    )
    .get(recap.id) as Record<string, number>;
  return {
    id: recap.id,
    period: recap.period,
    status: recap.status,
    version: recap.version,
    areas: t.areas,
    previous: lp(t.pl, t.pp),
    newVoters: lp(t.nl, t.np),
    tms: lp(t.tl, t.tp),
    corrections: t.corr,
    dpb: lp(t.dl, t.dp),
  };
}
