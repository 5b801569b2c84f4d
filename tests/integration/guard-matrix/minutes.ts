import { eq } from "drizzle-orm";
import type { DB } from "../../../app/db.server";
import { minutes, numberRegister, minutesVersions } from "../../../db/schema";
import { meetingOfA } from "./meetings";
import { only, type RouteCase } from "./types";

/** A draft berita acara of office A, made directly in the test database when first needed. */
export function minutesOfA(db: DB) {
  const meeting = meetingOfA(db);
  const existing = db.select().from(minutes).where(eq(minutes.meetingId, meeting.id)).get();
  if (existing) return existing;
  const reg = db
    .insert(numberRegister)
    .values({ officeId: meeting.officeId, docType: "BA", year: 2099, seq: 1, number: "01/PL.01.2-BA/3320/KPU-Kab/I/2099", documentRef: "matrix" })
    .returning()
    .get();
  const m = db.insert(minutes).values({ officeId: meeting.officeId, meetingId: meeting.id, numberId: reg.id, number: reg.number }).returning().get();
  db.insert(minutesVersions).values({ minutesId: m.id, version: 1 }).run();
  return m;
}

const recordOfA = (ok: number, who: ("secretariatA" | "commissionerA")[] = ["secretariatA", "commissionerA"]) =>
  only(ok, who, { secretariatB: 404 });

export const cases: RouteCase[] = [
  { route: "berita-acara.$id.tsx", path: (db) => `/berita-acara/${minutesOfA(db).id}`, expect: recordOfA(200) },
  { route: "berita-acara.$id.tsx", path: (db) => `/berita-acara/${minutesOfA(db).id}`, method: "POST", form: { intent: "abandon", reason: "" }, expect: recordOfA(400, ["secretariatA"]) },
  { route: "berita-acara.$id[.pdf].ts", path: (db) => `/berita-acara/${minutesOfA(db).id}.pdf`, expect: recordOfA(200) },
];
cases.push(
  { route: "berita-acara.templat.tsx", path: "/berita-acara/templat", expect: only(200, ["secretariatA", "secretariatB"]) },
  { route: "berita-acara.templat.tsx", path: "/berita-acara/templat?nama=../../etc/passwd", expect: only(404, ["secretariatA", "secretariatB"]) },
  {
    route: "berita-acara.templat.tsx",
    path: "/berita-acara/templat",
    method: "POST",
    form: { name: "berita-acara-pleno-terbuka", intent: "save", source: "{{tidak_ada}}" },
    expect: only(400, ["secretariatA", "secretariatB"]),
  },
);
