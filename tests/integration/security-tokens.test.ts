/**
 * Token guessing on /tanggapan (and code guessing on /verifikasi): random and forged tokens of every shape get the same friendly page,
 * which names no office, organisation or meeting; the per-address limit then answers 429; other
 * addresses (behind the trusted proxy) are not punished for one guesser.
 */
import { randomBytes } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLinkToken } from "../../app/auth/link-token.server";
import { DEMO_SECRET } from "../helpers/load";
import { startServer, type RunningServer } from "../helpers/server";

const LIMIT = 60;

let server: RunningServer;
let names: string[];
let real: { id: number; version: number };
beforeAll(async () => {
  server = await startServer({ TOKEN_RATE_LIMIT: String(LIMIT), TRUST_PROXY: "loopback" });
  const db = new Database(server.dbFile, { readonly: true });
  // Everything a leak could name: organisations, offices that have meetings, meeting titles.
  names = [
    ...(db.prepare("select distinct s.name from stakeholders s join invitations i on i.stakeholder_id = s.id").all() as { name: string }[]).map((r) => r.name),
    ...(db.prepare("select distinct o.name from offices o join meetings m on m.office_id = o.id").all() as { name: string }[]).map((r) => r.name),
    ...(db.prepare("select distinct title from meetings").all() as { title: string }[]).map((r) => r.title),
  ];
  const inv = db.prepare("select id, link_version from invitations order by id limit 1").get() as { id: number; link_version: number };
  real = { id: inv.id, version: inv.link_version };
  db.close();
});
afterAll(async () => {
  await server?.stop();
});

/** The page without what differs per response (request id, nonce). */
const normalise = (html: string) => html.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "ID").replace(/nonce="[^"]*"/g, 'nonce=""');

function guesses(): string[] {
  const b64 = () => randomBytes(32).toString("base64url");
  const list = [
    // Right shape, wrong MAC, for real and unknown invitation ids.
    `${real.id.toString(36)}.${real.version.toString(36)}.${b64()}`,
    `${(real.id + 1).toString(36)}.1.${b64()}`,
    `zzzzzz.1.${b64()}`,
    // An old (revoked) version of a real invitation, signed correctly.
    real.version > 1 ? makeLinkToken("feedback", real.id, real.version - 1, DEMO_SECRET) : makeLinkToken("feedback", real.id, real.version + 7, DEMO_SECRET),
    // Signed for an invitation that does not exist.
    makeLinkToken("feedback", 99_999_999, 1, DEMO_SECRET),
    // Wrong shapes.
    "a",
    b64(),
    "1.1.",
    "1.1.' OR 1=1 --",
    "..%2F..%2Fetc%2Fpasswd",
    "%00",
    "x".repeat(5000),
  ];
  while (list.length < LIMIT - 5) list.push(`${randomBytes(4).toString("hex")}.${randomBytes(1).toString("hex")}.${b64()}`);
  return list;
}

describe("token guessing on /tanggapan", () => {
  it("gives every wrong token the same friendly page that names nobody, then 429", async () => {
    const pages = new Map<string, number>();
    const statuses = new Set<number>();
    for (const token of guesses()) {
      const r = await fetch(`${server.url}/tanggapan/${encodeURIComponent(token)}`, { headers: { "X-Forwarded-For": "203.0.113.7" } });
      statuses.add(r.status);
      const html = await r.text();
      for (const name of names) expect(html, `token ${token.slice(0, 40)} leaks ${name}`).not.toContain(name);
      expect(html).not.toMatch(/SqliteError|\bat \w+ \(|node_modules/);
      if (r.status === 404) pages.set(normalise(html), (pages.get(normalise(html)) ?? 0) + 1);
    }
    // One page for all of them (a token too long for a route segment may not even reach the route).
    expect([...statuses].filter((s) => s !== 404)).toEqual([]);
    expect(pages.size, [...pages.keys()].map((p) => p.replace(/<script[\s\S]*$/, "").slice(-600)).join("\n----\n")).toBe(1);
    expect([...pages.keys()][0]).toContain("Tautan formulir tanggapan ini tidak dikenal atau sudah tidak berlaku");

    // The guesser keeps going: the limit holds, with a friendly page and Retry-After.
    const limited: number[] = [];
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${server.url}/tanggapan/${randomBytes(8).toString("hex")}`, { headers: { "X-Forwarded-For": "203.0.113.7" } });
      limited.push(r.status);
      if (r.status === 429) {
        expect(r.headers.get("Retry-After")).toMatch(/^\d+$/);
        expect(await r.text()).toContain("Terlalu banyak permintaan");
      } else await r.text();
    }
    expect(limited.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    // Even the right link waits now for that address: the limit is per address, not per token.
    const right = makeLinkToken("feedback", real.id, real.version, DEMO_SECRET);
    expect((await fetch(`${server.url}/tanggapan/${right}`, { headers: { "X-Forwarded-For": "203.0.113.7" } })).status).toBe(429);

    // Another organisation's address still opens its own link.
    const other = await fetch(`${server.url}/tanggapan/${right}`, { headers: { "X-Forwarded-For": "198.51.100.20" } });
    expect(other.status).toBe(200);
  });

  it("posts to a guessed token are refused the same way and store nothing", async () => {
    const before = new Database(server.dbFile, { readonly: true });
    const count = () => (before.prepare("select count(*) n from feedback_submissions").get() as { n: number }).n;
    const n = count();
    const r = await fetch(`${server.url}/tanggapan/${real.id.toString(36)}.${real.version.toString(36)}.${randomBytes(32).toString("base64url")}`, {
      method: "POST",
      headers: { Origin: server.url, "X-Forwarded-For": "192.0.2.44", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "save", responderName: "Penebak", stance: "setuju" }).toString(),
    });
    expect(r.status).toBe(404);
    expect(await r.text()).toContain("Tautan formulir tanggapan ini tidak dikenal");
    expect(count()).toBe(n);
    before.close();
  });
});

describe("code guessing on /verifikasi", () => {
  it("gives every unknown code the same page that names no document, then 429", async () => {
    const db = new Database(server.dbFile, { readonly: true });
    const published = db.prepare("select code, number, subject from publications").all() as { code: string; number: string; subject: string }[];
    db.close();
    expect(published.length).toBeGreaterThan(0);
    const real = published[0].code;
    const guessesOf = [
      // Right shape: 20 characters of the code alphabet, one letter off a real code, random ones.
      `${real.slice(0, 19)}${real.endsWith("A") ? "B" : "A"}`,
      ...Array.from({ length: LIMIT - 10 }, () => randomBytes(15).toString("base64url")),
      // Wrong shapes.
      "a",
      "' OR 1=1 --",
      "..%2F..%2Fetc%2Fpasswd",
      "%00",
      "x".repeat(3000),
    ];
    const pages = new Set<string>();
    for (const code of guessesOf) {
      const r = await fetch(`${server.url}/verifikasi/${encodeURIComponent(code)}`, { headers: { "X-Forwarded-For": "203.0.113.99" } });
      expect(r.status, code.slice(0, 30)).toBe(404);
      const html = await r.text();
      for (const p of published) {
        expect(html).not.toContain(p.number);
        expect(html).not.toContain(p.code);
      }
      expect(html).not.toMatch(/SqliteError|\bat \w+ \(|node_modules/);
      pages.add(normalise(html).replace(/<script[\s\S]*$/, ""));
    }
    expect(pages.size).toBe(1);
    // The limit holds for this address, and the real code still opens from another one.
    const after: number[] = [];
    for (let i = 0; i < 10; i++) after.push((await fetch(`${server.url}/verifikasi/${randomBytes(15).toString("base64url")}`, { headers: { "X-Forwarded-For": "203.0.113.99" } })).status);
    expect(after.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    expect((await fetch(`${server.url}/verifikasi/${real}`, { headers: { "X-Forwarded-For": "198.51.100.77" } })).status).toBe(200);
  });
});
