import { eq } from "drizzle-orm";
import type { DB } from "../../../app/db.server";
import { offices, users } from "../../../db/schema";
import { everyone, only, signedIn, type RouteCase } from "./types";

const jepara = (db: DB) => db.select().from(offices).where(eq(offices.code, "33.20")).get()!;
const userA = (db: DB) => db.select().from(users).where(eq(users.email, "anggota4.jepara@pleno.demo")).get()!;
const admin = (ok: number) => only(ok, ["admin"]);

export const cases: RouteCase[] = [
  { route: "admin._index.tsx", path: "/admin", expect: admin(200) },
  { route: "admin._index.tsx", path: "/admin?q=%25%27%22&tingkat=x&hal=-3", expect: admin(200) },
  { route: "admin.kantor.$id.tsx", path: (db) => `/admin/kantor/${jepara(db).id}`, expect: admin(200) },
  { route: "admin.kantor.$id.tsx", path: "/admin/kantor/abc", expect: admin(404) },
  { route: "admin.kantor.$id.tsx", path: (db) => `/admin/kantor/${jepara(db).id}`, method: "POST", form: { name: "" }, expect: admin(400) },
  { route: "admin.pengguna._index.tsx", path: "/admin/pengguna", expect: admin(200) },
  { route: "admin.pengguna.$id.tsx", path: (db) => `/admin/pengguna/${userA(db).id}`, expect: admin(200) },
  { route: "admin.pengguna.$id.tsx", path: (db) => `/admin/pengguna/${userA(db).id}`, method: "POST", form: { intent: "x" }, expect: admin(400) },
  { route: "akun.tsx", path: "/akun", expect: signedIn(200) },
  { route: "akun.tsx", path: "/akun", method: "POST", form: { intent: "password" }, expect: signedIn(400) },
  { route: "wilayah.$code.tsx", path: "/wilayah/33.20", expect: everyone(200) },
  { route: "wilayah.$code.tsx", path: "/wilayah/99.99", expect: everyone(404) },
  { route: "wilayah.$code.tsx", path: "/wilayah/..%2F..%2Fetc", expect: everyone(404) },
];
