import { and, asc, eq } from "drizzle-orm";
import { memberships, offices, users, type Role } from "../../db/schema";
import { db } from "../db.server";

export function findUserByEmail(email: string) {
  return db().select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

/** The membership a fresh session starts in: staff roles before public ones. */
const ROLE_PRIORITY: Role[] = ["secretariat", "commissioner", "admin", "participant", "visitor"];

export function activeMembershipsOf(userId: number) {
  const rows = db()
    .select({ membership: memberships, office: offices })
    .from(memberships)
    .innerJoin(offices, eq(offices.id, memberships.officeId))
    .where(and(eq(memberships.userId, userId), eq(memberships.isActive, true)))
    .orderBy(asc(memberships.id))
    .all();
  return rows.sort((a, b) => ROLE_PRIORITY.indexOf(a.membership.role) - ROLE_PRIORITY.indexOf(b.membership.role));
}

export function markSignedIn(userId: number) {
  db().update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, userId)).run();
}
