import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { childAreas } from "../../app/models/office.server";
import { areas, memberships, offices, stakeholders } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";

beforeAll(() => {
  useTestDatabase();
});

describe("offices and areas from idn-area-data", () => {
  it("KPU RI, 38 KPU Provinsi and 514 KPU Kabupaten/Kota exist", () => {
    const byLevel = Object.fromEntries(
      db().select({ level: offices.level, n: count() }).from(offices).groupBy(offices.level).all().map((r) => [r.level, r.n]),
    );
    expect(byLevel).toEqual({ ri: 1, provinsi: 38, kabkota: 514 });
  });

  it("offices are named and coded as Kemendagri and KPU do, with their zone", () => {
    const get = (code: string) => db().select().from(offices).where(eq(offices.code, code)).get()!;
    expect(get("33.20")).toMatchObject({ name: "KPU Kabupaten Jepara", timeZone: "Asia/Jakarta", city: "Jepara" });
    expect(get("31.72")).toMatchObject({ name: "KPU Kota Jakarta Utara", level: "kabkota" });
    expect(get("36.03").name).toBe("KPU Kabupaten Tangerang");
    expect(get("33.01").name).toBe("KPU Kabupaten Cilacap");
    expect(get("51.71").timeZone).toBe("Asia/Makassar");
    expect(get("91.71").timeZone).toBe("Asia/Jayapura");
    expect(get("31")).toMatchObject({ name: "KPU Provinsi DKI Jakarta", level: "provinsi" });
    expect(get("33.20").parentId).toBe(get("33").id);
  });

  it("every office's kecamatan and desa are available", () => {
    expect(db().select({ n: count() }).from(areas).where(eq(areas.level, "district")).get()!.n).toBe(7285);
    expect(db().select({ n: count() }).from(areas).where(eq(areas.level, "village")).get()!.n).toBeGreaterThan(83_700);
    const kecamatan = childAreas("33.20");
    expect(kecamatan).toHaveLength(16);
    expect(childAreas(kecamatan[0].code).length).toBeGreaterThan(0);
    expect(childAreas("36.03")).toHaveLength(29);
  });

  it("the four demo offices have full rosters and a stakeholder directory", () => {
    for (const code of ["31.72", "36.03", "33.20", "33.01"]) {
      const office = db().select().from(offices).where(eq(offices.code, code)).get()!;
      const roles = db()
        .select({ role: memberships.role, position: memberships.position, n: count() })
        .from(memberships)
        .where(eq(memberships.officeId, office.id))
        .groupBy(memberships.role, memberships.position)
        .all();
      const n = (role: string, position: string | null = null) =>
        roles.find((r) => r.role === role && r.position === position)?.n ?? 0;
      expect(n("commissioner", "ketua")).toBe(1);
      expect(n("commissioner", "anggota")).toBe(4);
      expect(n("secretariat")).toBe(2);
      expect(n("participant")).toBe(1);
      const orgs = db().select({ n: count() }).from(stakeholders).where(eq(stakeholders.officeId, office.id)).get()!.n;
      expect(orgs).toBeGreaterThanOrEqual(10);
    }
  });
});
