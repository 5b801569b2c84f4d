import { makeLinkToken } from "../../../app/auth/link-token.server";
import type { DB } from "../../../app/db.server";
import { eq } from "drizzle-orm";
import { invitations } from "../../../db/schema";
import { meetingOfA } from "./meetings";
import { everyone, only, type RouteCase } from "./types";

const tokenOfA = (db: DB) => {
  const inv = db.select().from(invitations).where(eq(invitations.meetingId, meetingOfA(db).id)).get()!;
  return makeLinkToken("feedback", inv.id, inv.linkVersion);
};
const recordOfA = (ok: number) => only(ok, ["secretariatA"], { secretariatB: 404 });

export const cases: RouteCase[] = [
  // The token is the key: anyone holding it may read; nobody without it learns anything.
  { route: "tanggapan.$token.tsx", path: (db) => `/tanggapan/${tokenOfA(db)}`, expect: everyone(200) },
  { route: "tanggapan.$token.tsx", path: "/tanggapan/1.1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", expect: everyone(404) },
  { route: "tanggapan.$token.tsx", path: (db) => `/tanggapan/${tokenOfA(db)}`, method: "POST", form: { intent: "save" }, expect: everyone(410) },
  { route: "tanggapan.$token.tanda-terima[.pdf].ts", path: (db) => `/tanggapan/${tokenOfA(db)}/tanda-terima.pdf`, expect: everyone(404) },
  { route: "rapat.$id_.tanggapan.tsx", path: (db) => `/rapat/${meetingOfA(db).id}/tanggapan`, expect: recordOfA(200) },
  { route: "rapat.$id_.tanggapan.tsx", path: (db) => `/rapat/${meetingOfA(db).id}/tanggapan`, method: "POST", form: { intent: "open" }, expect: recordOfA(400) },
  { route: "rapat.$id.tanggapan[.csv].ts", path: (db) => `/rapat/${meetingOfA(db).id}/tanggapan.csv`, expect: recordOfA(200) },
];
