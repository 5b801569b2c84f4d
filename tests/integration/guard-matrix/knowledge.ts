import { and, eq } from "drizzle-orm";
import type { DB } from "../../../app/db.server";
import { offices, practices, visits } from "../../../db/schema";
import { everyone, only, signedIn, type RouteCase } from "./types";

const officeId = (db: DB, code: string) => db.select().from(offices).where(eq(offices.code, code)).get()!.id;

/** The published demo visit Cilacap (office B) → Jepara (office A). */
const publishedVisit = (db: DB) =>
  db
    .select()
    .from(visits)
    .where(and(eq(visits.hostOfficeId, officeId(db, "33.20")), eq(visits.status, "terbit")))
    .get()!.id;

/** A fresh draft of Cilacap (office B) about a visit to Jepara (office A). */
function draftVisit(db: DB) {
  return db
    .insert(visits)
    .values({
      hostOfficeId: officeId(db, "33.20"),
      visitingOfficeId: officeId(db, "33.01"),
      visitDate: "2025-05-05",
      title: "Draf uji matriks",
      questions: "q",
      hostPresentation: "p",
      practicesObserved: "o",
      followUpPlan: "f",
    })
    .returning()
    .get().id;
}

/** A best practice of Jepara (office A). */
const jeparaPractice = (db: DB) => db.select().from(practices).where(eq(practices.officeId, officeId(db, "33.20"))).get()!.id;

const writers = only(200, ["visitor", "secretariatA", "secretariatB"]);

export const cases: RouteCase[] = [
  { route: "kunjungan._index.tsx", path: "/kunjungan?tahun=2019&topik=sdm_operator", expect: everyone(200) },
  { route: "kunjungan.$id.tsx", path: (db) => `/kunjungan/${publishedVisit(db)}`, expect: everyone(200) },
  {
    route: "kunjungan.$id.tsx",
    path: (db) => `/kunjungan/${draftVisit(db)}`,
    // A draft is seen by the visiting office only, not even by the host.
    expect: { anonymous: 404, visitor: 200, participantA: 404, secretariatA: 404, commissionerA: 404, secretariatB: 200, admin: 404 },
  },
  {
    route: "kunjungan.$id.tsx",
    path: (db) => `/kunjungan/${publishedVisit(db)}`,
    method: "POST",
    form: { intent: "konfirmasi" },
    // Only the host's secretariat confirms, and a published report cannot be confirmed again.
    expect: { ...signedIn(403), secretariatA: 409 },
  },
  { route: "kunjungan.baru.tsx", path: "/kunjungan/baru", expect: writers },
  {
    route: "kunjungan.$id_.ubah.tsx",
    path: (db) => `/kunjungan/${draftVisit(db)}/ubah`,
    expect: only(200, ["visitor", "secretariatB"], { secretariatA: 404 }),
  },
  {
    route: "kunjungan.$id_.ubah.tsx",
    path: (db) => `/kunjungan/${publishedVisit(db)}/ubah`,
    expect: only(403, [], { secretariatA: 404 }),
  },
  { route: "praktik-baik._index.tsx", path: "/praktik-baik?q=koordinasi&topik=koordinasi_pemangku", expect: everyone(200) },
  { route: "praktik-baik.$id.tsx", path: (db) => `/praktik-baik/${jeparaPractice(db)}`, expect: everyone(200) },
  {
    route: "praktik-baik.$id.tsx",
    path: (db) => `/praktik-baik/${jeparaPractice(db)}`,
    method: "POST",
    form: { intent: "terapkan" },
    expect: only(302, ["secretariatB"], { secretariatA: 400 }),
  },
  { route: "praktik-baik.baru.tsx", path: "/praktik-baik/baru", expect: only(200, ["secretariatA", "secretariatB"]) },
  {
    route: "praktik-baik.$id_.ubah.tsx",
    path: (db) => `/praktik-baik/${jeparaPractice(db)}/ubah`,
    expect: only(200, ["secretariatA"], { secretariatB: 404 }),
  },
  { route: "papan._index.tsx", path: "/papan?metrik=tms_rate&provinsi=33&kelompok=besar", expect: everyone(200) },
  { route: "papan[.csv].ts", path: "/papan.csv?metrik=dpb", expect: everyone(200) },
  { route: "papan.kantor.ts", path: "/papan/kantor", expect: everyone(200) },
  { route: "papan.pemantauan.tsx", path: "/papan/pemantauan", expect: only(200, ["admin"]) },
  { route: "admin.metrik.tsx", path: "/admin/metrik", expect: only(200, ["admin"]) },
  { route: "admin.metrik.tsx", path: "/admin/metrik", method: "POST", form: { intent: "periksa", csv: "" }, expect: only(400, ["admin"]) },
];
