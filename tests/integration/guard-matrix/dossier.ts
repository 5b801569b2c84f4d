import { meetingOfA } from "./meetings";
import { only, type RouteCase } from "./types";

/** The meeting dossier: office A's staff get the ZIP, office B's secretariat 404, other roles 403. */
export const cases: RouteCase[] = [
  {
    route: "rapat.$id.berkas[.zip].ts",
    path: (db) => `/rapat/${meetingOfA(db).id}/berkas.zip`,
    expect: only(200, ["secretariatA", "commissionerA"], { secretariatB: 404 }),
  },
];
