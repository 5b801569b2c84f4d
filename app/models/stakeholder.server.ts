import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { STAKEHOLDER_TYPES, stakeholderContacts, stakeholders, type StakeholderType } from "../../db/schema";
import { fail, requireSameOffice, type Actor } from "../auth/guard.server";
import { db, preparedQuery, type DB } from "../db.server";
import type { StakeholderInput, ContactInput } from "../domain/stakeholder-schema";

export type StakeholderFilter = { q?: string; type?: string; status?: string; withoutContact?: boolean };

export function listStakeholders(actor: Actor, filter: StakeholderFilter) {
  const where = [eq(stakeholders.officeId, actor.office.id)];
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    where.push(
      sql`(${stakeholders.name} like ${pattern} escape '\\' or exists (select 1 from ${stakeholderContacts} c where c.stakeholder_id = stakeholders.id and c.name like ${pattern} escape '\\'))`,
    );
  }
  if (filter.type && (STAKEHOLDER_TYPES as readonly string[]).includes(filter.type))
    where.push(eq(stakeholders.type, filter.type as StakeholderType));
  if (filter.status !== "semua") where.push(eq(stakeholders.isActive, filter.status !== "nonaktif"));
  if (filter.withoutContact)
    where.push(
      sql`not exists (select 1 from ${stakeholderContacts} c where c.stakeholder_id = stakeholders.id and c.is_active = 1)`,
    );
  return db()
    .select({
      stakeholder: stakeholders,
      contacts: sql<number>`(select count(*) from ${stakeholderContacts} c where c.stakeholder_id = stakeholders.id and c.is_active = 1)`,
    })
    .from(stakeholders)
    .where(and(...where))
    .orderBy(asc(stakeholders.type), asc(stakeholders.name))
    .all();
}

/** How many organisations the invitation picker of a meeting offers at once. */
export const PICKER_LIMIT = 100;

/**
 * Active organisations of the actor's office for a picker, in directory order (type, then name),
 * at most `limit`, optionally narrowed by part of the name; with the number that match in all.
 * Large directories stay cheap: no contact counts, only id and name.
 */
function pickerQueries(database: DB, withName: boolean) {
  const where = and(
    eq(stakeholders.officeId, sql.placeholder("officeId")),
    eq(stakeholders.isActive, true),
    withName ? sql`${stakeholders.name} like ${sql.placeholder("pattern")} escape '\\'` : undefined,
  );
  return {
    rows: database
      .select({ id: stakeholders.id, name: stakeholders.name })
      .from(stakeholders)
      .where(where)
      .orderBy(asc(stakeholders.type), asc(stakeholders.name))
      .limit(sql.placeholder("limit"))
      .prepare(),
    total: database.select({ n: count() }).from(stakeholders).where(where).prepare(),
    // Active contacts of exactly the organisations picked: the same selection as a subquery.
    contacts: database
      .select({ id: stakeholderContacts.id, stakeholderId: stakeholderContacts.stakeholderId, name: stakeholderContacts.name })
      .from(stakeholderContacts)
      .where(
        and(
          eq(stakeholderContacts.isActive, true),
          sql`stakeholder_contacts.stakeholder_id in (select s.id from stakeholders s where s.office_id = ${sql.placeholder("officeId")} and s.is_active = 1 ${
            withName ? sql`and s.name like ${sql.placeholder("pattern")} escape '\\'` : sql``
          } order by s.type, s.name limit ${sql.placeholder("limit")})`,
        ),
      )
      .orderBy(asc(stakeholderContacts.name))
      .prepare(),
  };
}
const pickerAll = preparedQuery((database) => pickerQueries(database, false));
const pickerByName = preparedQuery((database) => pickerQueries(database, true));

export function pickerOrganisations(actor: Actor, q = "", limit = PICKER_LIMIT) {
  const needle = q.trim().slice(0, 100);
  const queries = needle ? pickerByName() : pickerAll();
  const params = { officeId: actor.office.id, limit, pattern: `%${needle.replace(/[%_\\]/g, (c) => `\\${c}`)}%` };
  const rows = queries.rows.all(params);
  const total = rows.length < limit ? rows.length : (queries.total.get(params)?.n ?? 0);
  const contacts = rows.length ? queries.contacts.all(params) : [];
  const contactsOf = new Map<number, { id: number; name: string }[]>();
  for (const c of contacts) contactsOf.set(c.stakeholderId, [...(contactsOf.get(c.stakeholderId) ?? []), { id: c.id, name: c.name }]);
  return { rows: rows.map((r) => ({ ...r, contacts: contactsOf.get(r.id) ?? [] })), total, q: needle };
}

export function getStakeholder(actor: Actor, id: number) {
  const row = db().select().from(stakeholders).where(eq(stakeholders.id, id)).get();
  return requireSameOffice(row, actor);
}

export function contactsOf(stakeholderId: number) {
  return db()
    .select()
    .from(stakeholderContacts)
    .where(eq(stakeholderContacts.stakeholderId, stakeholderId))
    .orderBy(asc(stakeholderContacts.name))
    .all();
}

export function stakeholderNameTaken(actor: Actor, name: string, exceptId?: number) {
  const row = db()
    .select({ id: stakeholders.id })
    .from(stakeholders)
    .where(and(eq(stakeholders.officeId, actor.office.id), sql`lower(${stakeholders.name}) = lower(${name})`))
    .get();
  return Boolean(row && row.id !== exceptId);
}

export function createStakeholder(actor: Actor, input: StakeholderInput, contacts: ContactInput[] = []) {
  return db().transaction((tx) => {
    const row = tx
      .insert(stakeholders)
      .values({ officeId: actor.office.id, name: input.name, type: input.type, address: input.address, notes: input.notes })
      .returning()
      .get();
    for (const c of contacts) tx.insert(stakeholderContacts).values({ ...c, stakeholderId: row.id }).run();
    return row;
  });
}

/** Saves only when nobody saved in between (optimistic version check); otherwise 409. */
export function updateStakeholder(actor: Actor, id: number, version: number, input: StakeholderInput) {
  getStakeholder(actor, id);
  const result = db()
    .update(stakeholders)
    .set({ ...input, version: version + 1, updatedAt: new Date() })
    .where(and(eq(stakeholders.id, id), eq(stakeholders.officeId, actor.office.id), eq(stakeholders.version, version)))
    .run();
  return result.changes === 1;
}

export function setStakeholderActive(actor: Actor, id: number, isActive: boolean) {
  getStakeholder(actor, id);
  db()
    .update(stakeholders)
    .set({ isActive, updatedAt: new Date(), version: sql`${stakeholders.version} + 1` })
    .where(and(eq(stakeholders.id, id), eq(stakeholders.officeId, actor.office.id)))
    .run();
}

export function addContact(actor: Actor, stakeholderId: number, input: ContactInput) {
  getStakeholder(actor, stakeholderId);
  return db().insert(stakeholderContacts).values({ ...input, stakeholderId }).returning().get();
}

function getContact(actor: Actor, contactId: number) {
  const row = db()
    .select({ contact: stakeholderContacts, officeId: stakeholders.officeId })
    .from(stakeholderContacts)
    .innerJoin(stakeholders, eq(stakeholders.id, stakeholderContacts.stakeholderId))
    .where(eq(stakeholderContacts.id, contactId))
    .get();
  return requireSameOffice(row, actor).contact;
}

export function updateContact(actor: Actor, contactId: number, input: ContactInput) {
  getContact(actor, contactId);
  db().update(stakeholderContacts).set(input).where(eq(stakeholderContacts.id, contactId)).run();
}

export function setContactActive(actor: Actor, contactId: number, isActive: boolean) {
  getContact(actor, contactId);
  db().update(stakeholderContacts).set({ isActive }).where(eq(stakeholderContacts.id, contactId)).run();
}

export function existingStakeholderNames(actor: Actor, names: string[]): Set<string> {
  if (names.length === 0) return new Set();
  const lowered = names.map((n) => n.toLowerCase());
  const rows = db()
    .select({ name: stakeholders.name })
    .from(stakeholders)
    .where(and(eq(stakeholders.officeId, actor.office.id), inArray(sql`lower(${stakeholders.name})`, lowered)))
    .all();
  return new Set(rows.map((r) => r.name.toLowerCase()));
}

/** Imports organisations with their contacts in one transaction: all rows or none. */
export function importStakeholders(actor: Actor, rows: { org: StakeholderInput; contact: ContactInput | null }[]) {
  return db().transaction(() => {
    const byName = new Map<string, number>();
    for (const { org, contact } of rows) {
      let id = byName.get(org.name.toLowerCase());
      if (!id) {
        if (stakeholderNameTaken(actor, org.name)) fail(409, `Organisasi "${org.name}" sudah ada.`);
        id = createStakeholder(actor, org).id;
        byName.set(org.name.toLowerCase(), id);
      }
      if (contact) db().insert(stakeholderContacts).values({ ...contact, stakeholderId: id }).run();
    }
    return byName.size;
  });
}

const organisationCountsQuery = preparedQuery((database) =>
  database
    .select({
      organisations: count(),
      withoutContact: sql<number>`sum(case when not exists (select 1 from ${stakeholderContacts} c where c.stakeholder_id = stakeholders.id and c.is_active = 1) then 1 else 0 end)`,
    })
    .from(stakeholders)
    .where(and(eq(stakeholders.officeId, sql.placeholder("officeId")), eq(stakeholders.isActive, true)))
    .prepare(),
);
const contactCountsQuery = preparedQuery((database) =>
  database
    .select({
      n: count(),
      noWhatsapp: sql<number>`sum(case when ${stakeholderContacts.whatsapp} is null then 1 else 0 end)`,
    })
    .from(stakeholderContacts)
    .innerJoin(stakeholders, eq(stakeholders.id, stakeholderContacts.stakeholderId))
    .where(and(eq(stakeholders.officeId, sql.placeholder("officeId")), eq(stakeholderContacts.isActive, true), eq(stakeholders.isActive, true)))
    .prepare(),
);

export function stakeholderCounts(officeId: number) {
  const row = organisationCountsQuery().get({ officeId });
  const contacts = contactCountsQuery().get({ officeId });
  return {
    organisations: row?.organisations ?? 0,
    withoutContact: Number(row?.withoutContact ?? 0),
    contacts: contacts?.n ?? 0,
    contactsWithoutWhatsapp: Number(contacts?.noWhatsapp ?? 0),
  };
}


/** Active contacts of the given organisations of the actor's office, grouped by organisation. */
export function activeContactsByStakeholder(actor: Actor, stakeholderIds: number[]) {
  const map = new Map<number, (typeof stakeholderContacts.$inferSelect)[]>();
  if (stakeholderIds.length === 0) return map;
  const rows = db()
    .select({ contact: stakeholderContacts })
    .from(stakeholderContacts)
    .innerJoin(stakeholders, eq(stakeholders.id, stakeholderContacts.stakeholderId))
    .where(
      and(
        eq(stakeholders.officeId, actor.office.id),
        eq(stakeholderContacts.isActive, true),
        inArray(stakeholderContacts.stakeholderId, stakeholderIds),
      ),
    )
    .orderBy(asc(stakeholderContacts.name))
    .all();
  for (const { contact } of rows) {
    const list = map.get(contact.stakeholderId) ?? [];
    list.push(contact);
    map.set(contact.stakeholderId, list);
  }
  return map;
}
