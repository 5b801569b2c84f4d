import { eq } from "drizzle-orm";
import type { DB } from "../../../app/db.server";
import { offices, publications } from "../../../db/schema";
import { minutesOfA } from "./minutes";
import { everyone, only, type RouteCase } from "./types";

/** The seeded, sealed berita acara of office A (Jepara): public by its code. */
const codeOfA = (db: DB) => {
  const jepara = db.select().from(offices).where(eq(offices.code, "33.20")).get()!;
  return db.select().from(publications).where(eq(publications.officeId, jepara.id)).get()!.code;
};
const signerOfA = (ok: number) => only(ok, ["commissionerA"]);

export const cases: RouteCase[] = [
  // Public: the register, the verification pages and the published files.
  { route: "berita-acara._index.tsx", path: "/berita-acara", expect: everyone(200) },
  { route: "berita-acara._index.tsx", path: "/berita-acara?kantor=33.20&periksa=1", expect: everyone(200) },
  { route: "berita-acara._index.tsx", path: "/berita-acara?kantor=%27%22%3E", expect: everyone(200) },
  { route: "verifikasi._index.tsx", path: "/verifikasi", expect: everyone(200) },
  { route: "verifikasi._index.tsx", path: "/verifikasi?kode=abc", expect: everyone(302) },
  { route: "verifikasi.$code.tsx", path: (db) => `/verifikasi/${codeOfA(db)}`, expect: everyone(200) },
  { route: "verifikasi.$code.tsx", path: "/verifikasi/AAAAAAAAAAAAAAAAAAAA", expect: everyone(404) },
  { route: "verifikasi.$code.tsx", path: "/verifikasi/..%2F..%2Fetc", expect: everyone(404) },
  { route: "verifikasi.$code.tsx", path: (db) => `/verifikasi/${codeOfA(db)}`, method: "POST", form: { berkas: "" }, expect: everyone(400) },
  { route: "verifikasi.$code[.pdf].ts", path: (db) => `/verifikasi/${codeOfA(db)}.pdf`, expect: everyone(200) },
  { route: "verifikasi.$code[.pdf].ts", path: "/verifikasi/AAAAAAAAAAAAAAAAAAAA.pdf", expect: everyone(404) },
  // Signing: only the office's commissioners; a draft answers a page saying it is not open.
  { route: "berita-acara.$id_.tanda-tangan.tsx", path: (db) => `/berita-acara/${minutesOfA(db).id}/tanda-tangan`, expect: signerOfA(200) },
  { route: "berita-acara.$id_.tanda-tangan.tsx", path: "/berita-acara/99999999/tanda-tangan", expect: signerOfA(404) },
  { route: "berita-acara.$id_.tanda-tangan.tsx", path: (db) => `/berita-acara/${minutesOfA(db).id}/tanda-tangan`, method: "POST", form: { intent: "x" }, expect: signerOfA(400) },
  { route: "berita-acara.$id_.tanda-tangan.tsx", path: (db) => `/berita-acara/${minutesOfA(db).id}/tanda-tangan`, method: "POST", form: { intent: "sign", password: "x" }, expect: signerOfA(409) },
];
