import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../app/auth/guard.server";
import { db } from "../../app/db.server";
import { searchOffices } from "../../app/models/office.server";
import { listStakeholders, stakeholderCounts } from "../../app/models/stakeholder.server";
import { officeByCode } from "../../db/factories";
import { useTestDatabase } from "../helpers/db";

// drizzle writes a column of the outer table inside a raw `sql` subquery as a bare "id", which
// SQLite binds to the subquery's own table; these counts are checked against plain SQL.
beforeAll(() => {
  useTestDatabase();
});

const one = (q: string, ...p: unknown[]) => db().$client.prepare(q).get(...p) as Record<string, number>;

describe("counts in subqueries refer to the outer row", () => {
  it("active members per office and offices without a secretariat", () => {
    const jepara = officeByCode(db(), "33.20");
    const ri = { office: { id: officeByCode(db(), "00").id, level: "ri" } } as unknown as Actor;
    const row = searchOffices(ri, { q: "33.20", level: null }, 1).rows.find((r) => r.office.id === jepara.id)!;
    expect(row.members).toBe(one("select count(*) n from memberships where office_id = ? and is_active = 1", jepara.id).n);
    expect(row.members).toBeGreaterThan(5);
    const without = searchOffices(ri, { q: "", level: null, withoutSecretariat: true }, 1).total;
    expect(without).toBe(one("select count(*) n from offices o where not exists (select 1 from memberships m where m.office_id = o.id and m.role = 'secretariat' and m.is_active = 1)").n);
  });

  it("contacts per organisation and organisations without a contact", () => {
    const jepara = officeByCode(db(), "33.20");
    db().$client.prepare("update stakeholder_contacts set is_active = 0 where stakeholder_id = (select min(id) from stakeholders where office_id = ?)").run(jepara.id);
    const actor = { office: { id: jepara.id } } as Actor;
    for (const r of listStakeholders(actor, { status: "semua" })) {
      expect(r.contacts).toBe(one("select count(*) n from stakeholder_contacts where stakeholder_id = ? and is_active = 1", r.stakeholder.id).n);
    }
    const expected = one(
      "select count(*) n from stakeholders s where s.office_id = ? and s.is_active = 1 and not exists (select 1 from stakeholder_contacts c where c.stakeholder_id = s.id and c.is_active = 1)",
      jepara.id,
    ).n;
    expect(expected).toBe(1);
    expect(stakeholderCounts(jepara.id).withoutContact).toBe(expected);
    expect(listStakeholders(actor, { withoutContact: true }).length).toBe(expected);
  });
});
