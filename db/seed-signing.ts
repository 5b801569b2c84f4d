/**
 * Demo data: the latest held coordination meeting of each demo office has a berita acara signed
 * by the commissioners present and sealed, so the public register and /verifikasi are not empty.
 */
import { and, asc, desc, eq } from "drizzle-orm";
import type { Actor } from "../app/auth/guard.server";
import { setDatabase, type DB } from "../app/db.server";
import { frozenVersion, sealMinutes, signaturesOf } from "../app/models/signing.server";
import { reserveNumber } from "../app/models/register.server";
import { meetings, memberships, minutes, minutesSignatures, minutesVersions, offices, users } from "./schema";

function actorOf(database: DB, officeId: number, role: "secretariat"): Actor {
  const row = database
    .select({ user: users, membership: memberships, office: offices })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .innerJoin(offices, eq(offices.id, memberships.officeId))
    .where(and(eq(memberships.officeId, officeId), eq(memberships.role, role)))
    .orderBy(asc(memberships.id))
    .get()!;
  return {
    sessionIdHash: "seed",
    user: { id: row.user.id, name: row.user.name, email: row.user.email },
    membership: { ...row.membership },
    office: { ...row.office },
  };
}

export async function seedSigning(database: DB, officeCodes: string[]) {
  const previous = (globalThis as { __plenoDb?: DB }).__plenoDb;
  setDatabase(database);
  try {
    for (const code of officeCodes) {
      const office = database.select().from(offices).where(eq(offices.code, code)).get()!;
      const meeting = database
        .select()
        .from(meetings)
        .where(and(eq(meetings.officeId, office.id), eq(meetings.kind, "coordination_quarterly"), eq(meetings.status, "selesai")))
        .orderBy(desc(meetings.startsAt))
        .get();
      if (!meeting) continue;
      const actor = actorOf(database, office.id, "secretariat");
      const submittedAt = new Date(meeting.endsAt.getTime() + 86_400_000);
      const row = database.insert(minutes).values({ officeId: office.id, meetingId: meeting.id, createdBy: actor.user.id }).returning().get();
      const reserved = reserveNumber({ officeId: office.id, docType: "BA", issuedAt: submittedAt, documentRef: `minutes:${row.id}`, userId: actor.user.id }, database);
      database
        .insert(minutesVersions)
        .values({ minutesId: row.id, version: 1, notes: "Rapat berjalan tertib; seluruh pemangku kepentingan yang hadir menerima hasil pembahasan.", savedBy: actor.user.id })
        .run();
      const m = database
        .update(minutes)
        .set({ numberId: reserved.id, number: reserved.number, status: "diajukan", submittedAt, submittedBy: actor.user.id })
        .where(eq(minutes.id, row.id))
        .returning()
        .get();
      const frozen = frozenVersion(actor, m);
      for (const [i, s] of signaturesOf(actor, m).entries()) {
        database
          .update(minutesSignatures)
          .set({ status: "ditandatangani", contentSha256: frozen.sha256, decidedAt: new Date(submittedAt.getTime() + (i + 1) * 3_600_000), ip: "data demo", userAgent: "data demo Pleno", viewedAt: submittedAt })
          .where(eq(minutesSignatures.id, s.id))
          .run();
      }
      const sealed = await sealMinutes(actor, m.id);
      if (!sealed.ok) throw new Error(`demo seal of ${code} failed: ${sealed.reason}`);
    }
  } finally {
    setDatabase(previous);
  }
}
