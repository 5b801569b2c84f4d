/**
 * Creates the first admin of a production deployment (KPU RI office):
 *   PLENO_ADMIN_PASSWORD='…' npm run create-admin -- admin@kpu.go.id "Nama Admin"
 * The password comes from the environment so that it stays out of the shell history.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import type { DB } from "../app/db.server";
import { KPU_RI_CODE } from "../app/domain/offices";
import { createMember, createMembership, officeByCode } from "./factories";
import { users } from "./schema";

export async function createAdmin(database: DB, email: string, name: string, password: string) {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new Error("E-mail tidak valid.");
  if (password.length < 10) throw new Error("Kata sandi minimal 10 karakter.");
  const ri = officeByCode(database, KPU_RI_CODE);
  const existing = database.select().from(users).where(eq(users.email, email.toLowerCase())).get();
  if (existing) {
    createMembership(database, { userId: existing.id, officeId: ri.id, role: "admin", title: "Admin" });
    return existing.id;
  }
  const { user } = await createMember(database, { email, name, password, officeId: ri.id, role: "admin", title: "Admin" });
  return user.id;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const [email, name] = process.argv.slice(2);
  const password = process.env.PLENO_ADMIN_PASSWORD ?? "";
  if (!email || !name) {
    console.error('Pemakaian: PLENO_ADMIN_PASSWORD=… npm run create-admin -- <e-mail> "<nama>"');
    process.exit(1);
  }
  const { db } = await import("../app/db.server");
  const { applyMigrations } = await import("./migrate");
  const { prepareDatabase } = await import("./seed");
  try {
    applyMigrations(db());
    await prepareDatabase(db(), { demo: false });
    await createAdmin(db(), email, name, password);
    console.log(`Admin ${email} siap; masuk di /masuk.`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
