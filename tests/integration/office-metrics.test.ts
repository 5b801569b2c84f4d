import { beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../app/db.server";
import { lagScore, progressByOffice } from "../../app/models/metric.server";
import { computeOfficeMetrics, quarterOf, refreshOfficeMetrics } from "../../app/models/office-metrics.server";
import { officeByCode } from "../../db/factories";
import { useTestDatabase } from "../helpers/db";

/**
 * The board's computed figures, from small hand-made data on an office that has none of its own
 * (KPU Kabupaten Banyumas, 33.02): every number below is worked out by hand in the comments.
 */
let database: DB;
let officeId: number;

const at = (iso: string) => new Date(iso).getTime();

beforeAll(() => {
  database = useTestDatabase().db;
  officeId = officeByCode(database, "33.02").id;
  const c = database.$client;
  const run = (sqlText: string, ...args: unknown[]) => Number(c.prepare(sqlText).run(...args).lastInsertRowid);

  run("insert into tms_categories (office_id, code, label, legal_basis, sort_order) values (?, '1', 'Meninggal', 'meninggal', 1)", officeId);
  run("insert into tms_categories (office_id, code, label, legal_basis, sort_order) values (?, '2', 'Ganda', 'ganda', 2)", officeId);

  // 2025-Q2 determined twice (version 2 corrects version 1) plus a draft that must be ignored.
  const recap = (period: string, version: number, status: string) =>
    run("insert into recaps (office_id, period, period_end, level, status, version) values (?, ?, 202506, 'kecamatan', ?, ?)", officeId, period, status, version);
  const row = (recapId: number, area: string, prev: [number, number], nv: [number, number], tms: [number, number], ganda: number) =>
    run(
      `insert into recap_rows (recap_id, area_code, previous_l, previous_p, new_voters_l, new_voters_p, tms_l, tms_p, tms_detail,
        corrections_l, corrections_p, dpb_l, dpb_p) values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0, ?, ?)`,
      recapId, area, prev[0], prev[1], nv[0], nv[1], tms[0], tms[1],
      JSON.stringify({ "1": [tms[0] - ganda, tms[1]], "2": [ganda, 0] }),
      prev[0] + nv[0] - tms[0], prev[1] + nv[1] - tms[1],
    );
  const v1 = recap("2025-Q2", 1, "ditetapkan");
  row(v1, "33.02.01", [5000, 5000], [100, 100], [50, 50], 10);
  const v2 = recap("2025-Q2", 2, "ditetapkan");
  // previous 10 000 + 10 000 = 20 000; new 300 + 100 = 400; TMS 100 + 100 = 200 (ganda 40 + 20 = 60);
  // DPB 20 200.
  row(v2, "33.02.01", [5000, 5000], [200, 100], [60, 40], 40);
  row(v2, "33.02.02", [5000, 5000], [100, 0], [40, 60], 20);
  // Monthly determinations of 2024-07..09 roll up into 2024-Q3; 2024-10 alone makes no Q4 figure.
  row(recap("2024-07", 1, "ditetapkan"), "33.02.01", [1000, 1000], [10, 10], [5, 5], 2);
  row(recap("2024-08", 1, "ditetapkan"), "33.02.01", [1010, 1010], [20, 0], [0, 10], 0);
  row(recap("2024-09", 1, "ditetapkan"), "33.02.01", [1030, 1000], [0, 0], [10, 0], 4);
  row(recap("2024-10", 1, "ditetapkan"), "33.02.01", [1020, 1000], [0, 0], [0, 0], 0);
  const draft = recap("2025-Q3", 1, "draf");
  row(draft, "33.02.01", [1, 1], [1, 1], [1, 1], 1);

  // Statutory meetings of 2025-Q3 (due dates in the quarter): on time, late, not held but overdue,
  // and not yet due → timeliness 2 of 4. An ad-hoc meeting never counts.
  const meeting = (kind: string, due: string, heldIso: string | null, status = heldIso ? "selesai" : "dijadwalkan") =>
    run(
      `insert into meetings (office_id, kind, period, title, starts_at, ends_at, status, due_date, held_at)
       values (?, ?, ?, 'Rapat uji', ?, ?, ?, ?, ?)`,
      officeId, kind, due.slice(0, 7), at(`${due}T02:00:00Z`), at(`${due}T04:00:00Z`), status, due, heldIso ? at(heldIso) : null,
    );
  const onTime = meeting("internal_monthly", "2025-07-10", "2025-07-09T03:00:00Z");
  // Held at 23:30 WIB on the due date = 16:30Z: still on time (the due date ends at midnight office time).
  meeting("internal_monthly", "2025-08-10", "2025-08-10T16:30:00Z");
  meeting("internal_monthly", "2025-09-10", "2025-09-12T03:00:00Z"); // late
  meeting("open_quarterly", "2025-09-20", null); // overdue, not held
  meeting("other", "2025-09-25", null); // ad hoc: ignored
  meeting("internal_monthly", "2025-10-10", null, "dijadwalkan"); // Q4, not yet due at asOf

  // Feedback on the on-time meeting: 3 points, 2 answered.
  const org = run("insert into stakeholders (office_id, name, type) values (?, 'Bawaslu Banyumas', 'bawaslu')", officeId);
  const org2 = run("insert into stakeholders (office_id, name, type) values (?, 'Disdukcapil Banyumas', 'dukcapil')", officeId);
  const inv = run("insert into invitations (meeting_id, stakeholder_id) values (?, ?)", onTime, org);
  const sub = run(
    "insert into feedback_submissions (invitation_id, reference, responder_name, responder_position, stance) values (?, 'TGP-UJI-1', 'A', 'B', 'setuju')",
    inv,
  );
  const point = (pos: number, answered: boolean) =>
    run(
      `insert into feedback_points (submission_id, position, category, district_code, voters, description, answer, answered_at)
       values (?, ?, 'ganda', '33.02.01', 3, 'uji', ?, ?)`,
      sub, pos, answered ? "Dijawab" : null, answered ? Date.now() : null,
    );
  point(1, true);
  point(2, true);
  point(3, false);

  // Deliveries: Q3 from two organisations (one twice), Q4 from one.
  const delivery = (stakeholder: number, on: string) =>
    run(
      "insert into data_deliveries (office_id, period, stakeholder_id, kind, record_count, received_on) values (?, ?, ?, 'data_kematian', 10, ?)",
      officeId, on.slice(0, 7), stakeholder, on,
    );
  delivery(org, "2025-07-02");
  delivery(org, "2025-08-02");
  delivery(org2, "2025-09-30");
  delivery(org2, "2025-10-01");
});

describe("figures computed from an office's own data", () => {
  const asOf = new Date("2025-10-05T00:00:00Z");

  it("takes the latest determined recap version and ignores drafts", () => {
    const m = computeOfficeMetrics(officeId, asOf);
    const q2 = m.get("2025-Q2")!;
    expect(q2.dpb).toBe(20_200);
    expect(q2.new_voter_rate).toBeCloseTo(400 / 20_000, 10);
    expect(q2.tms_rate).toBeCloseTo(200 / 20_000, 10);
    expect(q2.duplicate_rate).toBeCloseTo(60 / 20_200, 10);
    expect(m.get("2025-Q3")?.dpb).toBeUndefined();
  });

  it("rolls monthly determinations up into their quarter", () => {
    const m = computeOfficeMetrics(officeId, asOf);
    // previous of July 2 000; new 20 + 20 + 0 = 40; TMS 10 + 10 + 10 = 30; ganda 2 + 0 + 4 = 6; DPB of September 2 020.
    expect(m.get("2024-Q3")).toMatchObject({ dpb: 2_020 });
    expect(m.get("2024-Q3")!.new_voter_rate).toBeCloseTo(40 / 2_000, 10);
    expect(m.get("2024-Q3")!.tms_rate).toBeCloseTo(30 / 2_000, 10);
    expect(m.get("2024-Q3")!.duplicate_rate).toBeCloseTo(6 / 2_020, 10);
    expect(m.get("2024-Q4")).toBeUndefined();
    expect([...m.keys()].every((p) => /^\d{4}-Q[1-4]$/.test(p))).toBe(true);
  });

  it("counts statutory meetings held by the end of their due date in office time", () => {
    const q3 = computeOfficeMetrics(officeId, asOf).get("2025-Q3")!;
    expect(q3.timeliness).toBeCloseTo(2 / 4, 10);
    // In Q4 the one meeting is not yet due: no figure rather than 0 %.
    expect(computeOfficeMetrics(officeId, asOf).get("2025-Q4")?.timeliness ?? null).toBeNull();
  });

  it("shares of answered feedback points and distinct delivering organisations per quarter", () => {
    const m = computeOfficeMetrics(officeId, asOf);
    expect(m.get("2025-Q3")!.feedback_answered).toBeCloseTo(2 / 3, 10);
    expect(m.get("2025-Q3")!.data_partners_per_quarter).toBe(2);
    expect(m.get("2025-Q4")!.data_partners_per_quarter).toBe(1);
  });

  it("stores the figures as computed and drops figures whose data is gone", () => {
    refreshOfficeMetrics(officeId, asOf);
    const stored = () =>
      database.$client
        .prepare("select period, metric, value, source from office_metrics where office_id = ? and origin = 'computed' order by period, metric")
        .all(officeId) as { period: string; metric: string; value: number; source: string }[];
    expect(stored().find((r) => r.period === "2025-Q2" && r.metric === "dpb")?.value).toBe(20_200);
    expect(stored().every((r) => r.source === "Dihitung Pleno dari data kantor")).toBe(true);
    database.$client.prepare("delete from data_deliveries where office_id = ? and received_on >= '2025-10-01'").run(officeId);
    refreshOfficeMetrics(officeId, asOf);
    expect(stored().some((r) => r.period === "2025-Q4" && r.metric === "data_partners_per_quarter")).toBe(false);
  });

  it("names quarters from dates", () => {
    expect(quarterOf("2025-01-01")).toBe("2025-Q1");
    expect(quarterOf("2025-06-30")).toBe("2025-Q2");
    expect(quarterOf("2025-12-31")).toBe("2025-Q4");
  });
});

describe("progress monitor", () => {
  it("marks each statutory meeting of the last twelve months and the held DPB periods without a determined recap", () => {
    const p = progressByOffice([officeId], new Date("2025-10-05T00:00:00Z")).get(officeId)!;
    expect(p.meetings.map((m) => `${m.period}:${m.state}`)).toEqual(["2025-09:belum", "2025-09:terlambat", "2025-08:tepat", "2025-07:tepat"]);
    expect([p.onTime, p.due, p.held]).toEqual([2, 4, 3]);
    expect(p.undetermined).toEqual(["2025-09", "2025-08", "2025-07"]);
    expect(p.draftRecaps).toBe(1);
    // 2 late × 3 + 3 undetermined × 2 + 1 draft (+ unsealed berita acara once sealing exists).
    expect(lagScore(p)).toBe(13 + (p.sealed === null ? 0 : p.held - p.sealed));
    expect(lagScore(null)).toBe(-1);
  });
});

describe("the demo offices' own figures after seeding", () => {
  it("Jepara's computed DPB of 2025-Q2 is the published 928,809", () => {
    const jepara = officeByCode(database, "33.20").id;
    const row = database.$client
      .prepare("select value from office_metrics where office_id = ? and period = '2025-Q2' and metric = 'dpb' and origin = 'computed'")
      .get(jepara) as { value: number } | undefined;
    expect(row?.value).toBe(928_809);
  });
});
