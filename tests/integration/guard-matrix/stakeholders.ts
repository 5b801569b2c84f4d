import { and, eq } from "drizzle-orm";
import type { DB } from "../../../app/db.server";
import { offices, stakeholders } from "../../../db/schema";
import { only, type RouteCase } from "./types";

/** An organisation of office A (Jepara). */
export function stakeholderOfA(db: DB) {
  const jepara = db.select().from(offices).where(eq(offices.code, "33.20")).get()!;
  return db.select().from(stakeholders).where(and(eq(stakeholders.officeId, jepara.id))).get()!;
}

const secretariatOnly = (ok: number) => only(ok, ["secretariatA", "secretariatB"]);

export const cases: RouteCase[] = [
  { route: "pemangku-kepentingan._index.tsx", path: "/pemangku-kepentingan", expect: secretariatOnly(200) },
  { route: "pemangku-kepentingan.baru.tsx", path: "/pemangku-kepentingan/baru", expect: secretariatOnly(200) },
  {
    route: "pemangku-kepentingan.baru.tsx",
    path: "/pemangku-kepentingan/baru",
    method: "POST",
    form: { name: "" },
    expect: secretariatOnly(400),
  },
  {
    route: "pemangku-kepentingan.$id.tsx",
    path: (db) => `/pemangku-kepentingan/${stakeholderOfA(db).id}`,
    // Office B's secretariat does not see office A's organisation: 404, as if it did not exist.
    expect: only(200, ["secretariatA"], { secretariatB: 404 }),
  },
  {
    route: "pemangku-kepentingan.$id.tsx",
    path: (db) => `/pemangku-kepentingan/${stakeholderOfA(db).id}`,
    method: "POST",
    form: { intent: "add-contact", name: "" },
    expect: only(400, ["secretariatA"], { secretariatB: 404 }),
  },
  { route: "pemangku-kepentingan.$id.tsx", path: "/pemangku-kepentingan/999999", expect: secretariatOnly(404) },
  { route: "pemangku-kepentingan.impor.tsx", path: "/pemangku-kepentingan/impor", expect: secretariatOnly(200) },
  {
    route: "pemangku-kepentingan.impor.tsx",
    path: "/pemangku-kepentingan/impor",
    method: "POST",
    form: { intent: "preview" },
    expect: secretariatOnly(400),
  },
  {
    route: "pemangku-kepentingan.impor_.contoh.tsx",
    path: "/pemangku-kepentingan/impor/contoh",
    expect: secretariatOnly(200),
  },
];
