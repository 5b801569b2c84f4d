/**
 * The dashboard's numbers (read by statements prepared once per connection) against plain SQL,
 * for the secretariat of every demo office, before and after the data changes.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { todayIn } from "../../app/models/meeting.server";
import { loader as dashboardLoader } from "../../app/routes/dasbor";
import { useTestDatabase } from "../helpers/db";
import { bodyOf, call, cookieFor } from "../helpers/http";

type Board = { board: { stats: { label: string; value: number }[]; tasks: { label: string; count: number }[]; upcoming: { id: number }[] } };

const SLUGS = { jakut: "31.72", tangerang: "36.03", jepara: "33.20", cilacap: "33.01" } as const;

beforeAll(() => {
  useTestDatabase();
});

function expected(code: string) {
  const c = db().$client;
  const office = c.prepare("select id, time_zone from offices where code = ?").get(code) as { id: number; time_zone: "Asia/Jakarta" };
  const now = Date.now();
  const today = todayIn(office.time_zone, new Date(now));
  const one = (sql: string, ...p: unknown[]) => (c.prepare(sql).get(...p) as { n: number }).n;
  return {
    overdue: one("select count(*) n from meetings where office_id = ? and due_date < ? and status not in ('selesai', 'dibatalkan')", office.id, today),
    upcoming: one("select count(*) n from meetings where office_id = ? and starts_at >= ? and status in ('dijadwalkan', 'draf')", office.id, now),
    organisations: one("select count(*) n from stakeholders where office_id = ? and is_active = 1", office.id),
    withoutContact: one("select count(*) n from stakeholders s where s.office_id = ? and s.is_active = 1 and not exists (select 1 from stakeholder_contacts c where c.stakeholder_id = s.id and c.is_active = 1)", office.id),
    contacts: one("select count(*) n from stakeholder_contacts c join stakeholders s on s.id = c.stakeholder_id where s.office_id = ? and s.is_active = 1 and c.is_active = 1", office.id),
    drafts: one("select count(*) n from recaps where office_id = ? and status = 'draf'", office.id),
    commissioners: one("select count(*) n from memberships where office_id = ? and role = 'commissioner' and is_active = 1", office.id),
  };
}

async function board(slug: string) {
  const r = await call(dashboardLoader, "/dasbor", { cookie: cookieFor(`sekretariat1.${slug}@pleno.demo`) });
  const b = (await bodyOf<Board>(r)).board;
  const stat = (label: string) => b.stats.find((s) => s.label === label)!.value;
  const task = (start: string) => b.tasks.find((t) => t.label.startsWith(start))!.count;
  return {
    overdue: task("Rapat terlambat"),
    upcoming: stat("Rapat akan datang"),
    organisations: stat("Organisasi pemangku kepentingan"),
    withoutContact: task("Organisasi tanpa kontak aktif"),
    contacts: stat("Kontak"),
    drafts: task("Rekap DPB masih draf"),
    commissioners: stat("Komisioner"),
  };
}

describe("dashboard counts", () => {
  it("match plain SQL for every office, and follow changes", async () => {
    for (const [slug, code] of Object.entries(SLUGS)) expect(await board(slug), slug).toEqual(expected(code));
    const c = db().$client;
    const jepara = (c.prepare("select id from offices where code = '33.20'").get() as { id: number }).id;
    // A meeting becomes overdue, an organisation loses its contacts, a recap goes back to draft.
    c.prepare("update meetings set due_date = '2000-01-01', status = 'dijadwalkan' where id = (select id from meetings where office_id = ? order by id limit 1)").run(jepara);
    c.prepare("update stakeholder_contacts set is_active = 0 where stakeholder_id = (select id from stakeholders where office_id = ? and is_active = 1 order by id limit 1)").run(jepara);
    c.prepare("insert into stakeholders (office_id, name, type) values (?, 'Organisasi baru tanpa kontak', 'lainnya')").run(jepara);
    const before = await board("jepara");
    expect(before).toEqual(expected("33.20"));
    expect(before.withoutContact).toBeGreaterThan(0);
    expect(before.overdue).toBeGreaterThan(0);
  });
});
