/**
 * Demo meetings: each demo office keeps a monthly internal pleno and a quarterly coordination
 * meeting for 2021–2024 (the 2021 practice) and the quarterly open pleno of PKPU 1/2025 from 2025.
 * Past meetings were held with attendance, agendas and decisions; the next ones are scheduled.
 * Deterministic apart from "now", which decides what is past.
 */
import { and, asc, eq, inArray, lt } from "drizzle-orm";
import type { DB } from "../app/db.server";
import type { ZoneName } from "../app/domain/format";
import { periodInWords } from "../app/domain/periods";
import { generateYear } from "../app/models/meeting.server";
import {
  agendaItems,
  commissionerAttendance,
  invitations,
  meetingDecisions,
  meetings,
  meetingSeries,
  memberships,
  offices,
  stakeholderContacts,
  stakeholders,
  type MeetingKind,
} from "./schema";

type SeriesSpec = { kind: MeetingKind; title: string; dayRule: object; years: number[]; dueDaysAfterEnd: number; time: string };

const SERIES: SeriesSpec[] = [
  {
    kind: "internal_monthly",
    title: "Rapat Pleno Penetapan Daftar Pemilih Berkelanjutan",
    dayRule: { type: "days_after_end", days: 3, weekdaysOnly: true },
    years: [2021, 2022, 2023, 2024],
    dueDaysAfterEnd: 10,
    time: "09:00",
  },
  {
    kind: "coordination_quarterly",
    title: "Rapat Koordinasi Pemutakhiran Data Pemilih Berkelanjutan",
    dayRule: { type: "nth_weekday", n: 2, weekday: 3 },
    years: [2021, 2022, 2023, 2024],
    dueDaysAfterEnd: 0,
    time: "10:00",
  },
  {
    kind: "open_quarterly",
    title: "Rapat Pleno Terbuka Rekapitulasi Daftar Pemilih Berkelanjutan",
    dayRule: { type: "days_after_end", days: 7, weekdaysOnly: true },
    years: [2025, 2026],
    dueDaysAfterEnd: 14,
    time: "09:00",
  },
];

export function seedMeetings(database: DB, officeCodes: string[], now = new Date()) {
  for (const [officeIndex, code] of officeCodes.entries()) {
    const office = database.select().from(offices).where(eq(offices.code, code)).get()!;
    const place = `Aula ${office.name}`;
    const commission = database
      .select()
      .from(memberships)
      .where(and(eq(memberships.officeId, office.id), eq(memberships.role, "commissioner")))
      .orderBy(asc(memberships.id))
      .all();
    const ketua = commission.find((c) => c.position === "ketua");
    const partners = database
      .select()
      .from(stakeholders)
      .where(and(eq(stakeholders.officeId, office.id), inArray(stakeholders.type, ["bawaslu", "dukcapil", "dinas_pemakaman", "dinas_pendidikan", "kua_kemenag", "partai_politik"])))
      .orderBy(asc(stakeholders.id))
      .all();
    const contactOf = (stakeholderId: number) =>
      database.select({ id: stakeholderContacts.id }).from(stakeholderContacts).where(eq(stakeholderContacts.stakeholderId, stakeholderId)).get()?.id ?? null;

    for (const spec of SERIES) {
      const series = database
        .insert(meetingSeries)
        .values({
          officeId: office.id,
          kind: spec.kind,
          title: spec.title,
          dayRule: spec.dayRule,
          defaultTime: spec.time,
          durationMinutes: 180,
          defaultPlace: place,
          dueDaysAfterEnd: spec.dueDaysAfterEnd,
        })
        .returning()
        .get();
      for (const year of spec.years) generateYear({ id: office.id, timeZone: office.timeZone as ZoneName }, series, year, database);
    }

    const past = database
      .select()
      .from(meetings)
      .where(and(eq(meetings.officeId, office.id), lt(meetings.startsAt, now)))
      .orderBy(asc(meetings.startsAt))
      .all();
    database.transaction((tx) => {
      past.forEach((m, i) => {
        // Tangerang has not yet held its latest pleno: the demo shows an overdue meeting.
        const notHeld = code === "36.03" && i === past.length - 1;
        if (notHeld) return;
        tx.update(meetings).set({ status: "selesai", heldAt: m.endsAt, chairMembershipId: ketua?.id ?? null }).where(eq(meetings.id, m.id)).run();
        commission.forEach((c, k) => {
          const away = (i + officeIndex + k) % 11 === 0;
          tx.insert(commissionerAttendance)
            .values({ meetingId: m.id, membershipId: c.id, status: away ? "dinas_luar" : "hadir", note: away ? "Bimbingan teknis di KPU Provinsi" : "" })
            .run();
        });
        const items = tx.select().from(agendaItems).where(eq(agendaItems.meetingId, m.id)).all();
        for (const item of items) tx.update(agendaItems).set({ outcome: "selesai" }).where(eq(agendaItems.id, item.id)).run();
        tx.insert(meetingDecisions)
          .values({
            meetingId: m.id,
            position: 1,
            text:
              m.kind === "coordination_quarterly"
                ? `Pemangku kepentingan menyerahkan data pendukung pemutakhiran ${periodInWords(m.period)}; tindak lanjut dibahas pada rapat pleno berikutnya.`
                : `Menetapkan rekapitulasi Daftar Pemilih Berkelanjutan ${periodInWords(m.period)}.`,
          })
          .run();
        if (m.kind !== "internal_monthly") {
          for (const [j, org] of partners.slice(0, 4).entries()) {
            tx.insert(invitations)
              .values({ meetingId: m.id, stakeholderId: org.id, contactId: contactOf(org.id), present: (i + j) % 7 !== 0, attendeeName: (i + j) % 7 !== 0 ? "Perwakilan" : "" })
              .run();
          }
        }
      });
    });
    // The last held pleno left one item unfinished, so the next one proposes it as a carry-over.
    const lastHeld = database
      .select()
      .from(meetings)
      .where(and(eq(meetings.officeId, office.id), eq(meetings.status, "selesai"), eq(meetings.kind, "open_quarterly")))
      .orderBy(asc(meetings.startsAt))
      .all()
      .at(-1);
    if (lastHeld) {
      const item = database.select().from(agendaItems).where(and(eq(agendaItems.meetingId, lastHeld.id), eq(agendaItems.title, "Tanggapan peserta"))).get();
      if (item) database.update(agendaItems).set({ outcome: "belum_selesai", notes: "Tanggapan Bawaslu tentang pemilih ganda belum selesai dibahas." }).where(eq(agendaItems.id, item.id)).run();
    }
  }
}
