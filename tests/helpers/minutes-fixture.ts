/**
 * The largest berita acara the demo offices can produce, for the lampiran test, the benchmark and a
 * look at the pages: the recap of a DPB pleno also kept per desa (each kecamatan row split over its
 * desa/kelurahan so the sums agree), and feedback points from the invited organisations, answered.
 */
import type { DB } from "../../app/db.server";
import { FEEDBACK_CATEGORIES, FOLLOW_UP_STATUSES } from "../../app/domain/enums";
import type { RecapRow } from "../../app/domain/recap";
import { insertRows } from "../../app/models/recap.server";
import { split } from "../../db/seed-recap";

type Row = {
  area_code: string; previous_l: number; previous_p: number; new_voters_l: number; new_voters_p: number;
  tms_l: number; tms_p: number; corrections_l: number; corrections_p: number;
};

/** Adds a desa-level recap to the meeting, from its kecamatan recap; returns the number of desa rows. */
export function addVillageRecap(database: DB, meetingId: number): number {
  const c = database.$client;
  const recap = c
    .prepare("select * from recaps where meeting_id = ? and level = 'kecamatan' order by version desc limit 1")
    .get(meetingId) as { id: number; office_id: number; period: string; period_end: number; status: string; determined_at: number | null };
  const rows = c.prepare("select * from recap_rows where recap_id = ? order by area_code").all(recap.id) as Row[];
  const out: RecapRow[] = [];
  for (const r of rows) {
    const villages = c.prepare("select code from areas where parent_code = ? and level = 'village' order by code").all(r.area_code) as { code: string }[];
    const weights = villages.map((_, i) => 3 + ((i * 7) % 5));
    const parts = (total: number) => split(total, weights);
    const cols = {
      pl: parts(r.previous_l), pp: parts(r.previous_p), nl: parts(r.new_voters_l), np: parts(r.new_voters_p),
      tl: parts(r.tms_l), tp: parts(r.tms_p), cl: parts(r.corrections_l), cp: parts(r.corrections_p),
    };
    villages.forEach((v, i) =>
      out.push({
        areaCode: v.code,
        previous: { l: cols.pl[i], p: cols.pp[i] },
        newVoters: { l: cols.nl[i], p: cols.np[i] },
        tms: { "1": { l: cols.tl[i], p: cols.tp[i] } },
        corrections: { l: cols.cl[i], p: cols.cp[i] },
      }),
    );
  }
  const { id } = c
    .prepare(
      `insert into recaps (office_id, period, period_end, meeting_id, level, status, version, determined_at)
       values (?, ?, ?, ?, 'desa', ?, 1, ?) returning id`,
    )
    .get(recap.office_id, recap.period, recap.period_end, meetingId, recap.status, recap.determined_at) as { id: number };
  insertRows(database, id, out);
  return out.length;
}

/** Gives each invited organisation a submission, spreading `points` feedback points over them; most answered. */
export function addFeedbackPoints(database: DB, meetingId: number, points: number) {
  const c = database.$client;
  const invitations = c.prepare("select i.id, s.name from invitations i join stakeholders s on s.id = i.stakeholder_id where i.meeting_id = ? order by i.id").all(meetingId) as { id: number; name: string }[];
  const districts = c
    .prepare("select a.code, a.name from areas a join meetings m on m.id = ? join offices o on o.id = m.office_id where a.level = 'district' and a.code like o.code || '.%' order by a.code")
    .all(meetingId) as { code: string; name: string }[];
  const submissionOf = new Map<number, number>();
  for (const inv of invitations) {
    const existing = c.prepare("select id from feedback_submissions where invitation_id = ?").get(inv.id) as { id: number } | undefined;
    const id =
      existing?.id ??
      (c
        .prepare("insert into feedback_submissions (invitation_id, reference, responder_name, responder_position, stance) values (?, ?, ?, ?, 'setuju_dengan_catatan') returning id")
        .get(inv.id, `TGP-FIXTURE-${inv.id}`, "Perwakilan", "Kepala Bidang") as { id: number }).id;
    submissionOf.set(inv.id, id);
  }
  const insert = c.prepare(
    `insert into feedback_points (submission_id, position, category, district_code, voters, description, answer, follow_up_status, division)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let k = 0; k < points; k++) {
    const inv = invitations[k % invitations.length];
    const district = districts[(k * 5) % districts.length];
    const category = FEEDBACK_CATEGORIES[k % FEEDBACK_CATEGORIES.length];
    const answered = k % 6 !== 5;
    insert.run(
      submissionOf.get(inv.id),
      Math.floor(k / invitations.length) + 1,
      category,
      district.code,
      12 + ((k * 37) % 480),
      `Temuan ${inv.name} di Kecamatan ${district.name}: ${12 + ((k * 37) % 480)} pemilih perlu dicek ulang melalui coklit terbatas bersama PPS dan perangkat desa setempat (butir ${k + 1}).`,
      answered ? `Ditindaklanjuti dengan coklit terbatas oleh PPS Kecamatan ${district.name}; hasilnya dimuat dalam rekapitulasi periode berikutnya.` : null,
      answered ? FOLLOW_UP_STATUSES[k % FOLLOW_UP_STATUSES.length] : null,
      answered ? "Divisi Perencanaan, Data dan Informasi" : null,
    );
  }
}
