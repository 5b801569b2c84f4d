import { and, desc, eq, sql } from "drizzle-orm";
import { numberRegister, offices, officeSettings } from "../../db/schema";
import { fail, type Actor } from "../auth/guard.server";
import { db, preparedQuery, type DB } from "../db.server";
import type { ZoneName } from "../domain/format";
import { utcToZoned } from "../domain/format";
import { formatDocumentNumber } from "../domain/numbering";

export const DEFAULT_SETTINGS = {
  numberFormat: "{nomor}/{klasifikasi}-{jenis}/{kode}/{satker}/{bulan}/{tahun}",
  classification: "PL.01.2",
  paper: "A4" as "A4" | "F4",
  quorumRule: "majority" as "majority" | "two_thirds",
};

const settingsQuery = preparedQuery((database) => database.select().from(officeSettings).where(eq(officeSettings.officeId, sql.placeholder("officeId"))).prepare());

export function settingsOf(officeId: number, database: DB = db()) {
  const row = database === db() ? settingsQuery().get({ officeId }) : database.select().from(officeSettings).where(eq(officeSettings.officeId, officeId)).get();
  return row ?? { officeId, ...DEFAULT_SETTINGS, updatedAt: null };
}

export type Reservation = { id: number; seq: number; number: string };

/**
 * Reserves the next number of an office's register for a document type and year. The transaction
 * takes the write lock before it reads the last number (BEGIN IMMEDIATE), so two reservations at
 * the same moment, in one process or several, get two consecutive numbers.
 */
export function reserveNumber(
  input: { officeId: number; docType: string; issuedAt: Date; documentRef: string; userId?: number | null },
  database: DB = db(),
): Reservation {
  const office = database.select().from(offices).where(eq(offices.id, input.officeId)).get();
  if (!office) throw new Error(`office ${input.officeId} not found`);
  const settings = settingsOf(office.id, database);
  const local = utcToZoned(input.issuedAt, office.timeZone as ZoneName).date;
  const year = Number(local.slice(0, 4));
  const month = Number(local.slice(5, 7));
  const reserve = database.$client.transaction(() => {
    const last = database
      .select({ seq: sql<number>`coalesce(max(${numberRegister.seq}), 0)` })
      .from(numberRegister)
      .where(
        and(eq(numberRegister.officeId, office.id), eq(numberRegister.docType, input.docType), eq(numberRegister.year, year)),
      )
      .get();
    const seq = (last?.seq ?? 0) + 1;
    const number = formatDocumentNumber(settings.numberFormat, {
      seq,
      classification: settings.classification,
      docType: input.docType,
      officeCode: office.code,
      officeLevel: office.level,
      regionName: office.regionName,
      month,
      year,
    });
    const row = database
      .insert(numberRegister)
      .values({
        officeId: office.id,
        docType: input.docType,
        year,
        seq,
        number,
        documentRef: input.documentRef,
        reservedBy: input.userId ?? null,
      })
      .returning({ id: numberRegister.id })
      .get();
    return { id: row.id, seq, number };
  });
  return reserve.immediate();
}

/** An abandoned draft gives its number up for good, with the reason recorded. */
export function voidNumber(actor: Actor, id: number, reason: string) {
  const row = registerRow(id);
  if (!row || row.officeId !== actor.office.id) fail(404);
  if (row.status === "void") fail(409, "Nomor ini sudah dibatalkan.");
  if (row.status === "used") fail(409, "Nomor ini sudah dipakai oleh dokumen yang ditandatangani dan tidak dapat dibatalkan.");
  const trimmed = reason.trim();
  if (trimmed.length < 5) fail(400, "Alasan pembatalan nomor wajib diisi (minimal 5 karakter).");
  db()
    .update(numberRegister)
    .set({ status: "void", voidReason: trimmed.slice(0, 500), voidedAt: new Date() })
    .where(eq(numberRegister.id, id))
    .run();
}

export function markNumberUsed(id: number, database: DB = db()) {
  database.update(numberRegister).set({ status: "used" }).where(eq(numberRegister.id, id)).run();
}

function registerRow(id: number) {
  return db().select().from(numberRegister).where(eq(numberRegister.id, id)).get();
}

export function registerOf(actor: Actor, docType: string, year: number) {
  return db()
    .select()
    .from(numberRegister)
    .where(
      and(eq(numberRegister.officeId, actor.office.id), eq(numberRegister.docType, docType), eq(numberRegister.year, year)),
    )
    .orderBy(desc(numberRegister.seq))
    .all();
}

export function setQuorumRule(actor: Actor, rule: "majority" | "two_thirds") {
  db()
    .insert(officeSettings)
    .values({ officeId: actor.office.id, quorumRule: rule, updatedAt: new Date() })
    .onConflictDoUpdate({ target: officeSettings.officeId, set: { quorumRule: rule, updatedAt: new Date() } })
    .run();
}
