import { and, eq } from "drizzle-orm";
import type { DB } from "../../../app/db.server";
import { offices, recaps } from "../../../db/schema";
import { only, type RouteCase } from "./types";

/** A determined recap of office A (Jepara). */
const jeparaRecap = (database: DB) => {
  const office = database.select().from(offices).where(eq(offices.code, "33.20")).get()!;
  const recap = database
    .select()
    .from(recaps)
    .where(and(eq(recaps.officeId, office.id), eq(recaps.period, "2025-Q2")))
    .get()!;
  return recap.id;
};

const readers = only(200, ["secretariatA", "commissionerA", "secretariatB"]);
const ownRecap = only(200, ["secretariatA", "commissionerA"], { secretariatB: 404 });

export const cases: RouteCase[] = [
  { route: "rekap._index.tsx", path: "/rekap", expect: readers },
  { route: "rekap._index.tsx", path: "/rekap", method: "POST", form: { intent: "save", period: "2030-01" }, expect: only(400, ["secretariatA", "secretariatB"]) },
  { route: "rekap.$id.tsx", path: (db) => `/rekap/${jeparaRecap(db)}`, expect: ownRecap },
  {
    route: "rekap.$id.tsx",
    path: (db) => `/rekap/${jeparaRecap(db)}`,
    method: "POST",
    form: { intent: "save" },
    expect: only(409, ["secretariatA"], { secretariatB: 404 }),
  },
  { route: "rekap.$id.ekspor.ts", path: (db) => `/rekap/${jeparaRecap(db)}/ekspor?format=csv`, expect: ownRecap },
  { route: "rekap.impor.tsx", path: "/rekap/impor", expect: only(200, ["secretariatA", "secretariatB"]) },
  { route: "rekap.impor.tsx", path: "/rekap/impor", method: "POST", form: { intent: "upload", period: "2030-01" }, expect: only(400, ["secretariatA", "secretariatB"]) },
  { route: "rekap.masukan-data.tsx", path: "/rekap/masukan-data", expect: readers },
  { route: "rekap.masukan-data.tsx", path: "/rekap/masukan-data", method: "POST", form: { intent: "create" }, expect: only(400, ["secretariatA", "secretariatB"]) },
  { route: "rekap.kategori-tms.tsx", path: "/rekap/kategori-tms", expect: readers },
  { route: "rekap.kategori-tms.tsx", path: "/rekap/kategori-tms", method: "POST", form: { "add.code": "X" }, expect: only(400, ["secretariatA", "secretariatB"]) },
];
