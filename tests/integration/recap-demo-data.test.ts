import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { useTestDatabase } from "../helpers/db";

beforeAll(() => {
  useTestDatabase();
});

type Totals = { code: string; period: string; prev: number; nv: number; tms: number; c: number; dpb: number };

const totals = (code: string, period: string) =>
  db()
    .$client.prepare(
      `select o.code, r.period, sum(previous_l + previous_p) prev, sum(new_voters_l + new_voters_p) nv, sum(tms_l + tms_p) tms,
        sum(corrections_l + corrections_p) c, sum(dpb_l + dpb_p) dpb
       from recaps r join offices o on o.id = r.office_id join recap_rows x on x.recap_id = r.id
       where o.code = ? and r.period = ? and r.version = 1 group by r.id`,
    )
    .get(code, period) as Totals;

describe("demo recaps", () => {
  it("match the published figures of Jepara (Triwulan II 2025) and Tangerang (Mei 2021)", () => {
    expect(totals("33.20", "2024-11").dpb).toBe(919_276);
    expect(totals("33.20", "2025-Q2")).toMatchObject({ prev: 919_276, nv: 12_143, tms: 2_610, c: 7_777, dpb: 928_809 });
    expect(totals("36.03", "2021-05").dpb).toBe(2_188_124);
  });

  it("are continuous: every period's previous DPB is the DPB determined for the period before, per area", () => {
    const broken = db()
      .$client.prepare(
        `select r.id, r.period, a.area_code from recaps r
         join recaps q on q.office_id = r.office_id and q.status = 'ditetapkan'
           and q.period_end = (select max(z.period_end) from recaps z where z.office_id = r.office_id and z.status = 'ditetapkan' and z.period_end < r.period_end)
         join recap_rows a on a.recap_id = r.id
         left join recap_rows b on b.recap_id = q.id and b.area_code = a.area_code
         where b.id is null or a.previous_l <> b.dpb_l or a.previous_p <> b.dpb_p
           or a.dpb_l <> a.previous_l + a.new_voters_l - a.tms_l or a.dpb_p <> a.previous_p + a.new_voters_p - a.tms_p`,
      )
      .all();
    expect(broken).toEqual([]);
    const checked = db().$client.prepare("select count(*) n from recaps where period_end > 202101").get() as { n: number };
    expect(checked.n).toBeGreaterThan(150);
  });
});
