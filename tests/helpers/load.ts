/**
 * Load that tests and benchmarks put on a running server (tests/helpers/server.ts): feedback
 * links for many organisations, their submissions, sign-ins, and a crash in the middle of writes.
 */
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { makeLinkToken } from "../../app/auth/link-token.server";
import { DEMO_SESSION_SECRET } from "../../app/env.server";
import { DEMO_PASSWORD } from "../../db/seed";
import type { RunningServer } from "./server";

/** The SESSION_SECRET the test server runs with (demo mode's): it signs the feedback links. */
export const DEMO_SECRET = DEMO_SESSION_SECRET;

/** The sign-in form of a demo account posted to a running server. */
function postSignIn(url: string, email: string): Promise<Response> {
  return fetch(`${url}/masuk`, {
    method: "POST",
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    headers: { Origin: url },
    redirect: "manual",
  });
}

/** Signs in to a running server; gives the session cookie (`pleno_sid=…`). */
export async function signInAt(url: string, email: string): Promise<string> {
  const r = await postSignIn(url, email);
  const cookie = r.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in of ${email} failed (${r.status})`);
  return cookie;
}

export type FeedbackLoad = { meetingId: number; district: string; tokens: string[] };

/** `count` new organisations invited to Jepara's next scheduled meeting, its feedback window open: one link each. */
export function inviteForLoad(dbFile: string, count: number, label: string): FeedbackLoad {
  const db = new Database(dbFile);
  try {
    const office = db.prepare("select id from offices where code = '33.20'").get() as { id: number };
    const meeting = db.prepare("select id from meetings where office_id = ? and status = 'dijadwalkan' order by starts_at limit 1").get(office.id) as { id: number };
    db.prepare("insert or replace into feedback_windows (meeting_id, deadline, show_recap) values (?, ?, 1)").run(meeting.id, Date.now() + 86_400_000);
    const district = (db.prepare("select code from areas where parent_code = '33.20' limit 1").get() as { code: string }).code;
    const insertOrg = db.prepare("insert into stakeholders (office_id, name, type) values (?, ?, 'lainnya') returning id");
    const insertInv = db.prepare("insert into invitations (meeting_id, stakeholder_id) values (?, ?) returning id, link_version");
    const tokens: string[] = [];
    db.transaction(() => {
      for (let i = 0; i < count; i++) {
        const org = insertOrg.get(office.id, `Organisasi ${label} ${i}`) as { id: number };
        const inv = insertInv.get(meeting.id, org.id) as { id: number; link_version: number };
        tokens.push(makeLinkToken("feedback", inv.id, inv.link_version, DEMO_SECRET));
      }
    })();
    return { meetingId: meeting.id, district, tokens };
  } finally {
    db.close();
  }
}

/** A valid feedback form: one point in the load's district. */
export function feedbackForm(load: FeedbackLoad, i: number, label: string): string {
  return new URLSearchParams({
    responderName: `Penanggap ${i}`,
    responderPosition: "Staf",
    stance: "setuju",
    "points.0.category": "lainnya",
    "points.0.districtCode": load.district,
    "points.0.voters": "1",
    "points.0.description": `Tanggapan ${label} ${i}`,
  }).toString();
}

/** Posts a feedback form; the status, or 0 when the connection failed. */
export function postFeedback(url: string, token: string, body: string): Promise<number> {
  return fetch(`${url}/tanggapan/${token}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: url },
    body,
  }).then(
    (r) => r.status,
    () => 0,
  );
}

/** Submissions stored for the meeting: all of them, and how many distinct invitations they came from. */
export function storedSubmissions(dbFile: string, meetingId: number): { n: number; d: number } {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db
      .prepare("select count(*) n, count(distinct invitation_id) d from feedback_submissions s join invitations i on i.id = s.invitation_id where i.meeting_id = ?")
      .get(meetingId) as { n: number; d: number };
  } finally {
    db.close();
  }
}

const WRITERS = ["sekretariat1.jepara@pleno.demo", "ketua.cilacap@pleno.demo", "anggota1.jakut@pleno.demo", "admin@pleno.demo"];

/**
 * Four writers sign in again and again (every 302 with a cookie is an acknowledged session row);
 * after 1.5 s the server is killed with SIGKILL. Then the database file is checked: its
 * integrity_check, and the acknowledged sessions it no longer holds.
 */
export async function crashUnderSignIns(server: RunningServer): Promise<{ acknowledged: number; integrity: unknown; missing: string[] }> {
  const acknowledged: string[] = [];
  let stop = false;
  const writers = WRITERS.map(async (email) => {
    while (!stop) {
      try {
        const r = await postSignIn(server.url, email);
        const cookie = r.headers.get("set-cookie");
        if (r.status === 302 && cookie) acknowledged.push(cookie.split(";")[0].split("=")[1]);
      } catch {
        return; // the server is gone
      }
    }
  });
  await new Promise((r) => setTimeout(r, 1500));
  await server.crash();
  stop = true;
  await Promise.all(writers);

  const db = new Database(server.dbFile);
  try {
    const integrity = db.pragma("integrity_check", { simple: true });
    const has = db.prepare("select 1 from sessions where id_hash = ?");
    const missing = acknowledged.filter((raw) => !has.get(createHash("sha256").update(raw).digest("hex")));
    return { acknowledged: acknowledged.length, integrity, missing };
  } finally {
    db.close();
  }
}
