import { and, count, eq, sql } from "drizzle-orm";
import { memberships, offices, stakeholders, users } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { db, preparedQuery } from "../db.server";
import { periodInWords } from "../domain/periods";
import { formatShortDateTime } from "../domain/format";
import { unansweredCount } from "./feedback.server";
import { meetingCounts } from "./meeting.server";
import { adminScope, commissionersOf } from "./office.server";
import { awaitingSignature, minutesInSigning } from "./signing.server";
import { draftRecapCount } from "./recap.server";
import { stakeholderCounts } from "./stakeholder.server";
import { visitsAwaitingConfirmation } from "./visit.server";

export type Task = { label: string; count: number; href: string };
export type Stat = { label: string; value: number; href?: string };
export type CommissionMember = { name: string; title: string; division: string | null };
export type UpcomingMeeting = { id: number; title: string; period: string; when: string };

function upcomingOf(actor: Actor) {
  const counts = meetingCounts(actor);
  return {
    counts,
    upcoming: counts.upcoming.map((m) => ({
      id: m.id,
      title: m.title,
      period: periodInWords(m.period),
      when: formatShortDateTime(m.startsAt, actor.office.timeZone),
    })) as UpcomingMeeting[],
  };
}

function commissionOf(officeId: number): CommissionMember[] {
  return commissionersOf(officeId).map((c) => ({ name: c.user.name, title: c.membership.title, division: c.membership.division }));
}

const membersByRoleQuery = preparedQuery((database) =>
  database
    .select({ role: memberships.role, n: count() })
    .from(memberships)
    .where(and(eq(memberships.officeId, sql.placeholder("officeId")), eq(memberships.isActive, true)))
    .groupBy(memberships.role)
    .prepare(),
);

function membersByRole(officeId: number) {
  const rows = membersByRoleQuery().all({ officeId });
  return Object.fromEntries(rows.map((r) => [r.role, r.n])) as Partial<Record<string, number>>;
}

/** What each role sees first after signing in: real counts, and what needs their action. */
export function dashboardFor(actor: Actor) {
  const officeId = actor.office.id;
  switch (actor.membership.role) {
    case "secretariat": {
      const s = stakeholderCounts(officeId);
      const roles = membersByRole(officeId);
      const m = upcomingOf(actor);
      const signing = minutesInSigning(actor);
      const tasks: Task[] = [
        { label: "Rapat terlambat (lewat batas waktu, belum selesai)", count: m.counts.overdue, href: "/rapat?status=terlambat" },
        { label: "Poin tanggapan peserta yang belum dijawab", count: unansweredCount(actor), href: "/rapat?waktu=lalu" },
        { label: "Organisasi tanpa kontak aktif", count: s.withoutContact, href: "/pemangku-kepentingan?tanpaKontak=1" },
        { label: "Kontak tanpa nomor WhatsApp", count: s.contactsWithoutWhatsapp, href: "/pemangku-kepentingan" },
        { label: "Rekap DPB masih draf", count: draftRecapCount(officeId), href: "/rekap" },
        { label: "Laporan kunjungan menunggu konfirmasi kantor Anda", count: visitsAwaitingConfirmation(officeId), href: "/kunjungan" },
        { label: "Berita acara menunggu tanda tangan komisioner", count: signing.waiting.length, href: signing.waiting[0] ? `/berita-acara/${signing.waiting[0].id}` : "/rapat" },
        { label: "Berita acara gagal disegel (coba lagi)", count: signing.failed.length, href: signing.failed[0] ? `/berita-acara/${signing.failed[0].id}` : "/rapat" },
      ];
      return {
        kind: "secretariat" as const,
        upcoming: m.upcoming,
        stats: <Stat[]>[
          { label: "Rapat akan datang", value: m.counts.upcomingCount, href: "/rapat?waktu=akan" },
          { label: "Organisasi pemangku kepentingan", value: s.organisations, href: "/pemangku-kepentingan" },
          { label: "Kontak", value: s.contacts, href: "/pemangku-kepentingan" },
          { label: "Komisioner", value: roles.commissioner ?? 0 },
          { label: "Staf sekretariat", value: roles.secretariat ?? 0 },
        ],
        tasks,
        commission: commissionOf(officeId),
      };
    }
    case "commissioner": {
      const s = stakeholderCounts(officeId);
      const awaiting = awaitingSignature(actor);
      const m = upcomingOf(actor);
      return {
        kind: "commissioner" as const,
        upcoming: m.upcoming,
        tasks: [
          { label: "Rapat terlambat di kantor Anda", count: m.counts.overdue, href: "/rapat?status=terlambat" },
          { label: "Berita acara menunggu tanda tangan Anda", count: awaiting.length, href: awaiting[0] ? `/berita-acara/${awaiting[0].id}/tanda-tangan` : "/rapat" },
        ] as Task[],
        awaiting: awaiting.map((a) => ({ href: `/berita-acara/${a.id}/tanda-tangan`, label: `${a.number ?? "Berita acara"} — ${a.title}` })),
        stats: [
          { label: "Rapat akan datang", value: m.counts.upcomingCount, href: "/rapat?waktu=akan" },
          { label: "Organisasi pemangku kepentingan", value: s.organisations },
          { label: "Kontak pemangku kepentingan", value: s.contacts },
        ],
        commission: commissionOf(officeId),
      };
    }
    case "participant": {
      const org = actor.membership.stakeholderId
        ? db().select().from(stakeholders).where(eq(stakeholders.id, actor.membership.stakeholderId)).get()
        : undefined;
      return {
        kind: "participant" as const,
        organisation: org?.name ?? null,
        stats: [] as Stat[],
        tasks: [] as Task[],
        commission: commissionOf(officeId),
      };
    }
    case "admin": {
      const scope = adminScope(actor);
      const officeCount = db().select({ n: count() }).from(offices).where(scope).get()?.n ?? 0;
      const withoutStaff =
        db()
          .select({ n: count() })
          .from(offices)
          .where(
            and(
              scope,
              sql`not exists (select 1 from ${memberships} m where m.office_id = offices.id and m.role = 'secretariat' and m.is_active = 1)`,
            ),
          )
          .get()?.n ?? 0;
      const inactive = db().select({ n: count() }).from(users).where(eq(users.isActive, false)).get()?.n ?? 0;
      const activeUsers = db().select({ n: count() }).from(users).where(eq(users.isActive, true)).get()?.n ?? 0;
      return {
        kind: "admin" as const,
        stats: [
          { label: "Kantor KPU dalam cakupan", value: officeCount, href: "/admin" },
          { label: "Akun aktif", value: activeUsers, href: "/admin/pengguna" },
          { label: "Akun nonaktif", value: inactive, href: "/admin/pengguna?status=nonaktif" },
        ],
        tasks: [{ label: "Kantor tanpa akun sekretariat", count: withoutStaff, href: "/admin?tanpaSekretariat=1" }],
        commission: [] as CommissionMember[],
      };
    }
    default:
      return {
        kind: "visitor" as const,
        stats: [] as Stat[],
        tasks: [] as Task[],
        commission: [] as CommissionMember[],
      };
  }
}
