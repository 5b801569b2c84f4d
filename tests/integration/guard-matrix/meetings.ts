import { and, asc, eq } from "drizzle-orm";
import type { DB } from "../../../app/db.server";
import { invitations, meetings, offices } from "../../../db/schema";
import { only, type RouteCase } from "./types";

/** A held open pleno of office A (Jepara) that has invitations. */
export function meetingOfA(db: DB) {
  const jepara = db.select().from(offices).where(eq(offices.code, "33.20")).get()!;
  return db.select().from(meetings).where(and(eq(meetings.officeId, jepara.id), eq(meetings.kind, "open_quarterly"), eq(meetings.status, "selesai"))).orderBy(asc(meetings.id)).get()!;
}
const invitationOfA = (db: DB) => db.select().from(invitations).where(eq(invitations.meetingId, meetingOfA(db).id)).get()!;

const staff = (ok: number) => only(ok, ["secretariatA", "commissionerA", "secretariatB"]);
const secretariat = (ok: number) => only(ok, ["secretariatA", "secretariatB"]);
/** Office A's record: its staff get `ok`, office B's secretariat 404, other roles 403. */
const recordOfA = (ok: number, who: ("secretariatA" | "commissionerA")[] = ["secretariatA", "commissionerA"]) =>
  only(ok, who, { secretariatB: 404 });

export const cases: RouteCase[] = [
  { route: "rapat._index.tsx", path: "/rapat", expect: staff(200) },
  { route: "rapat._index.tsx", path: "/rapat?tampilan=kalender&bulan=2025-12&status=x&tahun=abc", expect: staff(200) },
  { route: "rapat.baru.tsx", path: "/rapat/baru", expect: secretariat(200) },
  { route: "rapat.baru.tsx", path: "/rapat/baru", method: "POST", form: { title: "" }, expect: secretariat(400) },
  { route: "rapat.seri.tsx", path: "/rapat/seri", expect: secretariat(200) },
  { route: "rapat.seri.tsx", path: "/rapat/seri", method: "POST", form: { intent: "create" }, expect: secretariat(400) },
  { route: "rapat.kotak-keluar.tsx", path: "/rapat/kotak-keluar", expect: secretariat(200) },
  { route: "rapat.$id.tsx", path: (db) => `/rapat/${meetingOfA(db).id}`, expect: recordOfA(200) },
  { route: "rapat.$id.tsx", path: (db) => `/rapat/${meetingOfA(db).id}`, method: "POST", form: { intent: "decision-add", text: "" }, expect: recordOfA(400, ["secretariatA"]) },
  { route: "rapat.$id.tsx", path: "/rapat/99999999", expect: staff(404) },
  { route: "rapat.$id.undangan.$invitationId[.pdf].ts", path: (db) => `/rapat/${meetingOfA(db).id}/undangan/${invitationOfA(db).id}.pdf`, expect: recordOfA(200) },
  { route: "rapat.$id.undangan.$invitationId[.ics].ts", path: (db) => `/rapat/${meetingOfA(db).id}/undangan/${invitationOfA(db).id}.ics`, expect: recordOfA(200) },
  { route: "rapat.$id.undangan.$invitationId.wa.ts", path: (db) => `/rapat/${meetingOfA(db).id}/undangan/${invitationOfA(db).id}/wa`, expect: recordOfA(302, ["secretariatA"]) },
  { route: "rapat.$id.daftar-hadir[.pdf].ts", path: (db) => `/rapat/${meetingOfA(db).id}/daftar-hadir.pdf`, expect: recordOfA(200) },
];
cases.push({
  route: "rapat.$id.berita-acara[.pdf].ts",
  path: (db) => `/rapat/${meetingOfA(db).id}/berita-acara.pdf`,
  expect: only(200, ["secretariatA", "commissionerA"], { secretariatB: 404 }),
});
