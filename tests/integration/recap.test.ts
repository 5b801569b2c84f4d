import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { lp } from "../../app/domain/recap";
import { determineRecap, determinedDpbBefore, ensureTmsCategories, recapAreas, saveDraftRecap } from "../../app/models/recap.server";
import { officeByCode } from "../../db/factories";
import { recapRows, recaps } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";

beforeAll(() => {
  useTestDatabase();
});

const sums = (recapId: number) =>
  db().$client
    .prepare(
      "select sum(previous_l+previous_p) prev, sum(new_l+new_p) new, sum(tms_l+tms_p) tms, sum(corrections_l+corrections_p) corr, sum(dpb_l+dpb_p) dpb from recap_rows where recap_id = ?",
    )
    .get(recapId) as { prev: number; new: number; tms: number; corr: number; dpb: number };

describe("demo recaps", () => {
  it("hold the published figures", () => {
    const jepara = officeByCode(db(), "33.20");
    const q2 = db().select().from(recaps).where(and(eq(recaps.officeId, jepara.id), eq(recaps.period, "2025-Q2"))).get()!;
    expect(sums(q2.id)).toEqual({ prev: 919_276, new: 12_143, tms: 2_610, corr: 7_777, dpb: 928_809 });
    const tangerang = officeByCode(db(), "36.03");
    const may = db().select().from(recaps).where(and(eq(recaps.officeId, tangerang.id), eq(recaps.period, "2021-05"))).get()!;
    expect(sums(may.id).dpb).toBe(2_188_124);
  });

  it("continue month to month: every recap's previous DPB is the last determined one, row by row", () => {
    for (const code of ["31.72", "36.03", "33.20", "33.01"]) {
      const office = officeByCode(db(), code);
      const list = db().select().from(recaps).where(eq(recaps.officeId, office.id)).all();
      expect(list.length).toBeGreaterThan(50);
      for (const r of list) {
        const { dpb } = determinedDpbBefore(office.id, r.period);
        if (dpb.size === 0) continue;
        for (const row of db().select().from(recapRows).where(eq(recapRows.recapId, r.id)).all()) {
          const before = dpb.get(row.areaCode)!;
          expect([row.previousL, row.previousP]).toEqual([before.l, before.p]);
          expect(row.dpbL).toBe(row.previousL + row.newL - row.tmsL);
          expect(row.dpbP).toBe(row.previousP + row.newP - row.tmsP);
        }
      }
    }
  });
});

describe("determination locks a recap", () => {
  it("rows of a determined recap cannot be changed in the database; a correction is a new version", () => {
    const cilacap = officeByCode(db(), "33.01");
    const categories = ensureTmsCategories(cilacap.id);
    const areas = recapAreas(cilacap.code);
    const { dpb } = determinedDpbBefore(cilacap.id, "2026-Q4");
    const rows = areas.map((a) => ({ areaCode: a.code, previous: dpb.get(a.code) ?? lp(), newVoters: lp(5, 5), tms: { [categories[0].id]: lp(1, 1) }, corrections: lp() }));
    const draft = saveDraftRecap({ officeId: cilacap.id, period: "2026-Q4", meetingId: null, rows });
    determineRecap(draft.id);
    expect(() => db().update(recapRows).set({ newL: 999 }).where(eq(recapRows.recapId, draft.id)).run()).toThrow(/tidak dapat diubah/);
    expect(() => db().delete(recapRows).where(eq(recapRows.recapId, draft.id)).run()).toThrow(/tidak dapat diubah/);
    expect(() => db().update(recaps).set({ status: "draf" }).where(eq(recaps.id, draft.id)).run()).toThrow(/tidak dapat kembali/);
    expect(() => saveDraftRecap({ officeId: cilacap.id, period: "2026-Q4", meetingId: null, rows })).toThrow(/versi koreksi/);
  });
});
