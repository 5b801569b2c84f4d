import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { offices, practiceAdoptions, practices, practiceTopics } from "../../db/schema";
import { fail, type Actor } from "../auth/guard.server";
import { db } from "../db.server";
import { buildFtsQuery, MARK_END, MARK_START } from "../domain/fts-query";
import type { PracticeInput } from "../domain/knowledge-schema";
import type { Topic } from "../domain/topics";

export type PracticeFilter = { q?: string; topic?: Topic; office?: string; province?: string };

export type PracticeHit = {
  id: number;
  title: string;
  /** Title and excerpt carry MARK_START/MARK_END around the words found (render with <Marked>). */
  titleMarked: string;
  excerpt: string;
  since: string;
  officeId: number;
  officeCode: string;
  officeName: string;
  adoptions: number;
  topics: Topic[];
};

const LIMIT = 100;
/** Written into the SQL: a bound LIMIT makes SQLite compile the statement again at every call. */
const LIMIT_SQL = sql.raw(String(LIMIT));

function filterSql(filter: PracticeFilter): SQL {
  const parts: SQL[] = [sql`1 = 1`];
  if (filter.topic)
    parts.push(sql`exists (select 1 from practice_topics t where t.practice_id = p.id and t.topic = ${filter.topic})`);
  if (filter.office) parts.push(sql`o.code = ${filter.office}`);
  if (filter.province) parts.push(sql`substr(o.code, 1, 2) = ${filter.province}`);
  return sql.join(parts, sql` and `);
}

function topicsOf(ids: number[]): Map<number, Topic[]> {
  const map = new Map<number, Topic[]>();
  if (ids.length === 0) return map;
  const rows = db().select().from(practiceTopics).where(inArray(practiceTopics.practiceId, ids)).all();
  for (const r of rows) map.set(r.practiceId, [...(map.get(r.practiceId) ?? []), r.topic]);
  return map;
}

type Row = Omit<PracticeHit, "topics">;

/**
 * The library: with a query, FTS5 matches (prefix, case and accents folded) ranked by bm25 with
 * the title weighing most; without one, newest first. The query text is bound, never spliced.
 */
export function searchPractices(filter: PracticeFilter): { hits: PracticeHit[]; query: string | null } {
  const match = buildFtsQuery(filter.q);
  const adoptions = sql`(select count(*) from practice_adoptions a where a.practice_id = p.id)`;
  const rows = match
    ? db().all<Row>(sql`
        select p.id, p.title, p.since, o.id as officeId, o.code as officeCode, o.name as officeName,
          ${adoptions} as adoptions,
          highlight(practices_fts, 0, ${MARK_START}, ${MARK_END}) as titleMarked,
          snippet(practices_fts, -1, ${MARK_START}, ${MARK_END}, '…', 28) as excerpt,
          p.summary as summary
        from practices_fts
        join practices p on p.id = practices_fts.rowid
        join offices o on o.id = p.office_id
        where practices_fts match ${match} and ${filterSql(filter)}
        order by bm25(practices_fts, 10.0, 4.0, 1.0, 2.0), p.id
        limit ${LIMIT_SQL}`)
    : db().all<Row>(sql`
        select p.id, p.title, p.since, o.id as officeId, o.code as officeCode, o.name as officeName,
          ${adoptions} as adoptions, p.title as titleMarked, p.summary as excerpt
        from practices p
        join offices o on o.id = p.office_id
        where ${filterSql(filter)}
        order by p.created_at desc, p.id desc
        limit ${LIMIT_SQL}`);
  const topics = topicsOf(rows.map((r) => r.id));
  const hits = rows.map((r) => {
    const { summary, ...rest } = r as Row & { summary?: string };
    // When the words were found only in the title, the excerpt repeats it: show the summary instead.
    const excerpt = summary !== undefined && !r.excerpt.includes(MARK_START) ? summary : r.excerpt;
    return { ...rest, excerpt, topics: topics.get(r.id) ?? [] };
  });
  return { hits, query: match };
}

export function getPractice(id: number) {
  const row = db()
    .select({ practice: practices, office: { id: offices.id, code: offices.code, name: offices.name, level: offices.level } })
    .from(practices)
    .innerJoin(offices, eq(offices.id, practices.officeId))
    .where(eq(practices.id, id))
    .get();
  if (!row) fail(404);
  const topics = topicsOf([id]).get(id) ?? [];
  const adoptedBy = db()
    .select({ officeId: offices.id, code: offices.code, name: offices.name, at: practiceAdoptions.createdAt })
    .from(practiceAdoptions)
    .innerJoin(offices, eq(offices.id, practiceAdoptions.officeId))
    .where(eq(practiceAdoptions.practiceId, id))
    .orderBy(asc(practiceAdoptions.createdAt))
    .all();
  return { ...row, topics, adoptedBy };
}

/** The practice for editing by its own office's secretariat; another office's answers 404. */
export function getPracticeForEdit(actor: Actor, id: number) {
  const found = getPractice(id);
  if (found.practice.officeId !== actor.office.id) fail(404);
  return found;
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];

function writeTopics(tx: Tx, practiceId: number, topics: Topic[]) {
  tx.delete(practiceTopics).where(eq(practiceTopics.practiceId, practiceId)).run();
  for (const topic of topics) tx.insert(practiceTopics).values({ practiceId, topic }).run();
}

const fields = (input: PracticeInput) => ({
  title: input.title,
  summary: input.summary,
  body: input.body,
  since: input.since,
  evidence: input.evidence,
});

export function createPractice(actor: Actor, input: PracticeInput) {
  return db().transaction((tx) => {
    const row = tx
      .insert(practices)
      .values({ ...fields(input), officeId: actor.office.id, createdBy: actor.user.id })
      .returning()
      .get();
    writeTopics(tx, row.id, input.topics);
    return row;
  });
}

export function updatePractice(actor: Actor, id: number, input: PracticeInput) {
  getPracticeForEdit(actor, id);
  db().transaction((tx) => {
    tx.update(practices)
      .set({ ...fields(input), updatedAt: new Date() })
      .where(and(eq(practices.id, id), eq(practices.officeId, actor.office.id)))
      .run();
    writeTopics(tx, id, input.topics);
  });
}

/** "Kami menerapkan ini": the actor's office adopts another office's practice (once). */
export function adoptPractice(actor: Actor, id: number) {
  const found = getPractice(id);
  if (found.practice.officeId === actor.office.id) fail(400, "Praktik baik kantor sendiri tidak perlu dinyatakan diterapkan.");
  db()
    .insert(practiceAdoptions)
    .values({ practiceId: id, officeId: actor.office.id, adoptedBy: actor.user.id })
    .onConflictDoNothing()
    .run();
}

export function withdrawAdoption(actor: Actor, id: number) {
  getPractice(id);
  db()
    .delete(practiceAdoptions)
    .where(and(eq(practiceAdoptions.practiceId, id), eq(practiceAdoptions.officeId, actor.office.id)))
    .run();
}

/** Practices per office, for the board's links from the best-ranked offices. */
export function practiceCounts(officeIds: number[]) {
  if (officeIds.length === 0) return new Map<number, number>();
  const rows = db()
    .select({ officeId: practices.officeId, n: sql<number>`count(*)` })
    .from(practices)
    .where(inArray(practices.officeId, officeIds))
    .groupBy(practices.officeId)
    .all();
  return new Map(rows.map((r) => [r.officeId, r.n]));
}

/** Offices that have practices, for the library's office filter. */
export function officesWithPractices() {
  return db()
    .selectDistinct({ code: offices.code, name: offices.name })
    .from(practices)
    .innerJoin(offices, eq(offices.id, practices.officeId))
    .orderBy(asc(offices.name))
    .all();
}
