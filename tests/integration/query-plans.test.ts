import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { loader as dashboardLoader } from "../../app/routes/dasbor";
import { loader as meetingLoader } from "../../app/routes/rapat.$id";
import { officeByCode } from "../../db/factories";
import { useTestDatabase } from "../helpers/db";
import { call, cookieFor } from "../helpers/http";

// The pages a secretariat opens most run each of their queries on an index: no table scan.
// (Sorting the few rows a meeting has in a temporary B-tree is fine.) The SQL is taken from
// what the loaders really prepare.
const prepared: string[] = [];
let heldMeeting: number;
let cookie: string;
beforeAll(() => {
  useTestDatabase();
  const client = db().$client;
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    prepared.push(source);
    return prepare(source);
  }) as typeof client.prepare;
  cookie = cookieFor("sekretariat1.jepara@pleno.demo");
  const office = officeByCode(db(), "33.20");
  heldMeeting = (
    client.prepare("select id from meetings where office_id = ? and kind = 'open_quarterly' and status = 'selesai' order by starts_at desc limit 1").get(office.id) as {
      id: number;
    }
  ).id;
});

/** Tables so small (one row per office or fewer) that reading them whole is cheaper than an index. */
const SMALL = new Set(["office_settings"]);

function planOf(source: string) {
  const params = (source.match(/\?/g) ?? []).length;
  return (db()
    .$client.prepare(`explain query plan ${source}`)
    .all(...Array.from({ length: params }, () => 1)) as { detail: string }[]).map((r) => r.detail);
}

function planProblems(sources: string[]) {
  const problems: string[] = [];
  for (const source of new Set(sources)) {
    if (!/^\s*select/i.test(source)) continue;
    for (const detail of planOf(source)) {
      const scan = /^SCAN (\w+)(?! USING (COVERING )?INDEX)/.exec(detail);
      if (scan && !SMALL.has(scan[1]) && !/^SCAN (CONSTANT ROW|json_each)/.test(detail)) problems.push(`${detail} ← ${source}`);
    }
  }
  return problems;
}

describe("query plans of the busiest pages", () => {
  it("the meeting page reads every table through an index", async () => {
    prepared.length = 0;
    const response = await call(meetingLoader, `/rapat/${heldMeeting}`, { cookie, params: { id: String(heldMeeting) } });
    expect(response.status).toBe(200);
    expect(prepared.length).toBeGreaterThan(8);
    expect(planProblems(prepared)).toEqual([]);
    // The recap linked to the meeting is found by the meeting, not among all the office's recaps.
    const recap = prepared.find((s) => /from "recaps" where .*"recaps"\."meeting_id" = \?/.test(s))!;
    expect(recap).toBeDefined();
    expect(planOf(recap).join("\n")).toMatch(/USING INDEX recaps_meeting_idx/);
  });

  it("the dashboard reads every table through an index", async () => {
    prepared.length = 0;
    const response = await call(dashboardLoader, "/dasbor", { cookie });
    expect(response.status).toBe(200);
    expect(prepared.length).toBeGreaterThan(3);
    expect(planProblems(prepared)).toEqual([]);
  });
});
