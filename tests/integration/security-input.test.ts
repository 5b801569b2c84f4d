/**
 * Hostile values in every form field and query parameter of every route.
 *
 * The routes come from the guard matrix (every route file has a case there). For each, the test
 * signs in as a persona the matrix lets in, reads the page, finds every form and link on it, and
 * sends each field (and each query parameter) again with SQL metacharacters, LIKE wildcards, NUL,
 * emoji and a 100 000-character value, one field at a time and the other fields as the page filled
 * them (empty ones given a plausible value). It asserts: never a 5xx, never a stack trace or SQL
 * error text, a value that reaches the database is stored literally (never cut or mangled), and the
 * database is intact afterwards. Numeric route parameters get path tricks too.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeLinkToken } from "../../app/auth/link-token.server";
import { db } from "../../app/db.server";
import { agendaItems, feedbackWindows, invitations, meetings, offices } from "../../db/schema";
import { appHandler } from "../helpers/app";
import { useTestDatabase as installTestDatabase } from "../helpers/db";
import { BASE, cookieFor } from "../helpers/http";
import { ROOT } from "../helpers/paths";
import { PERSONAS, type Persona, type RouteCase } from "./guard-matrix/types";

const caseFiles = fs.readdirSync(path.join(ROOT, "tests/integration/guard-matrix")).filter((f) => f.endsWith(".ts") && f !== "types.ts");
const matrix: RouteCase[] = [];
for (const f of caseFiles) matrix.push(...((await import(`./guard-matrix/${f}`)) as { cases: RouteCase[] }).cases);

/** The hostile payloads; each is sent behind a unique marker so that it can be found in the database. */
const PAYLOADS: [string, string][] = [
  ["sql-or", "' OR 1=1 --"],
  ["sql-drop", '"; DROP TABLE users; --'],
  ["percent", "%"],
  ["underscore", "_"],
  ["nul", "a\u0000b"],
  ["emoji", "🗳️ Pemilu 👩🏽‍⚖️"],
  ["long", "x".repeat(100_000)],
];

/** Text that must never reach a visitor: stack frames, SQL engine errors, source paths. */
const LEAK = /SqliteError|SQLITE_[A-Z]+|no such (table|column)|syntax error|near "[^"]*": |\bat [\w.<>$]+ \(|node_modules|\.tsx?:\d+:\d+|DrizzleError/;

const ORDER: Persona[] = ["secretariatA", "commissionerA", "admin", "participantA", "visitor", "anonymous"];

type Field = { name: string; value: string; type: string; options: string[] };
type FormInfo = { method: "GET" | "POST"; action: string; multipart: boolean; fields: Field[] };

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]) : null;
};

/** Forms of a server-rendered page (React writes regular, double-quoted markup; forms never nest). */
function formsOf(html: string, pagePath: string): FormInfo[] {
  const forms: FormInfo[] = [];
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const tag = m[1];
    const body = m[2];
    const fields: Field[] = [];
    for (const i of body.matchAll(/<input\b([^>]*)\/?>/g)) {
      const name = attr(i[1], "name");
      const type = attr(i[1], "type") ?? "text";
      if (!name || ["submit", "button", "reset", "image"].includes(type)) continue;
      if ((type === "checkbox" || type === "radio") && !/\schecked=""/.test(i[1])) {
        if (!fields.some((f) => f.name === name)) fields.push({ name, value: "", type, options: [attr(i[1], "value") ?? "on"] });
        continue;
      }
      fields.push({ name, value: attr(i[1], "value") ?? "", type, options: [] });
    }
    for (const t of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
      const name = attr(t[1], "name");
      if (name) fields.push({ name, value: decode(t[2]), type: "textarea", options: [] });
    }
    for (const s of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const name = attr(s[1], "name");
      if (!name) continue;
      const options = [...s[2].matchAll(/<option\b([^>]*)>/g)].map((o) => ({ value: attr(o[1], "value") ?? "", selected: /\sselected=""/.test(o[1]) }));
      const chosen = options.find((o) => o.selected) ?? options.find((o) => o.value !== "") ?? options[0];
      fields.push({ name, value: chosen?.value ?? "", type: "select", options: options.map((o) => o.value) });
    }
    const method = (attr(tag, "method") ?? "get").toUpperCase() === "POST" ? "POST" : "GET";
    const action = attr(tag, "action") ?? pagePath;
    const multipart = (attr(tag, "enctype") ?? "").includes("multipart");
    // A form whose submit buttons carry a name sends that button's value: one form per button, as a browser would.
    const buttons = [...body.matchAll(/<button\b([^>]*)>/g)].map((b) => ({ name: attr(b[1], "name"), value: attr(b[1], "value") ?? "" })).filter((b) => b.name);
    if (buttons.length) for (const b of buttons) forms.push({ method, action, multipart, fields: [...fields, { name: b.name!, value: b.value, type: "hidden", options: [] }] });
    else forms.push({ method, action, multipart, fields });
  }
  return forms;
}

/** A plausible value for an empty field, so that the hostile one is the only thing wrong. */
function plausible(f: Field): string {
  if (f.value !== "") return f.value;
  if (f.type === "checkbox" || f.type === "radio") return f.options[0] ?? "on";
  if (f.type === "select") return f.options.find((o) => o !== "") ?? "";
  if (f.type === "date") return "2026-12-10";
  if (f.type === "time") return "09:00";
  if (f.type === "month") return "2026-12";
  if (f.type === "number") return "1";
  if (f.type === "email") return `uji-${randomUUID().slice(0, 8)}@contoh.go.id`;
  if (f.type === "tel") return "+6281234567890";
  if (f.type === "url") return "https://contoh.go.id";
  if (f.type === "password") return "Sandi-Uji-Panjang-2026";
  if (f.type === "file") return "";
  return "Nilai uji";
}

let sequence = 0;
const marker = () => `zq${String(++sequence).padStart(6, "0")}q`;

async function send(url: string, persona: Persona, method: "GET" | "POST", fields?: [string, string | File][], multipart = false) {
  const email = PERSONAS[persona];
  const headers = new Headers({ Host: new URL(BASE).host });
  if (email) headers.set("Cookie", cookieFor(email));
  let body: FormData | URLSearchParams | undefined;
  if (method === "POST") {
    headers.set("Origin", BASE);
    if (multipart) {
      body = new FormData();
      for (const [k, v] of fields ?? []) body.append(k, v);
    } else {
      body = new URLSearchParams();
      for (const [k, v] of fields ?? []) body.append(k, typeof v === "string" ? v : v.name);
    }
  }
  const request = new Request(`${BASE}${url}`, { method, headers, body, redirect: "manual" });
  const response = await (await appHandler())(request, { requestId: "fuzz", ip: `10.${sequence % 250}.0.1`, nonce: "n" });
  const text = await response.text();
  return { status: response.status, text, type: response.headers.get("Content-Type") ?? "" };
}

/** Text columns of every table the forms can write (not the reference areas, not sessions). */
function textColumns() {
  const client = db().$client;
  const tables = (client.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%'").all() as { name: string }[])
    .map((t) => t.name)
    .filter((t) => !["areas", "sessions", "__drizzle_migrations", "sign_in_throttle"].includes(t));
  return tables
    .map((t) => ({ table: t, columns: (client.prepare(`select name, type from pragma_table_info('${t}')`).all() as { name: string; type: string }[]).filter((c) => /text/i.test(c.type) || c.type === "").map((c) => c.name) }))
    .filter((t) => t.columns.length > 0);
}

/** Cells that hold the marker; each must contain the whole value as it was sent. */
function mangledCells(columns: ReturnType<typeof textColumns>, mark: string, value: string): string[] {
  const client = db().$client;
  const bad: string[] = [];
  let seen = false;
  for (const { table, columns: cols } of columns) {
    const where = cols.map((c) => `instr("${c}", ?) > 0`).join(" or ");
    const rows = client.prepare(`select ${cols.map((c) => `"${c}"`).join(", ")} from "${table}" where ${where}`).all(...cols.map(() => mark)) as Record<string, unknown>[];
    for (const row of rows) {
      for (const c of cols) {
        const cell = row[c];
        if (typeof cell !== "string" || !cell.includes(mark)) continue;
        seen = true;
        if (cell.includes(value) || JSON.stringify(cell).includes(JSON.stringify(value).slice(1, -1))) continue;
        bad.push(`${table}.${c} holds ${JSON.stringify(cell.slice(0, 80))}… (${cell.length} chars) instead of the ${value.length}-char value`);
      }
    }
  }
  if (seen) storedLiterally.add(value.slice(mark.length) === "x".repeat(100_000) ? "long" : value.slice(mark.length));
  if (seen) stored++;
  return bad;
}

function dbState() {
  const client = db().$client;
  return {
    integrity: (client.prepare("pragma integrity_check").all() as { integrity_check: string }[]).map((r) => r.integrity_check),
    foreignKeys: client.prepare("pragma foreign_key_check").all().length,
    tables: (client.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((t) => t.name),
    users: (client.prepare("select count(*) n from users").get() as { n: number }).n,
    offices: (client.prepare("select count(*) n from offices").get() as { n: number }).n,
  };
}

/** One page to attack: its route file, a path for office A's record, and who may open it. */
type Target = { route: string; path: string; persona: Persona; method: "GET" | "POST"; form?: Record<string, string> };

function targets(): Target[] {
  const seen = new Set<string>();
  const list: Target[] = [];
  for (const c of matrix) {
    const url = typeof c.path === "string" ? c.path : c.path(db());
    const method = c.method ?? "GET";
    // Someone the route lets in: a 200 first, else any answer but "not yours" or "sign in first".
    const persona =
      ORDER.find((p) => c.expect[p] === 200) ??
      ORDER.find((p) => c.expect[p] < 500 && ![403, 404].includes(c.expect[p]) && !(p === "anonymous" && c.expect[p] === 302)) ??
      // A route that answers "not found" to everyone still gets its parameters attacked.
      ORDER.find((p) => c.expect[p] === 404);
    if (!persona) continue;
    const key = `${method} ${c.route} ${url.split("?")[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    list.push({ route: c.route, path: url, persona, method, form: c.form });
  }
  // A meeting still to be held shows its edit forms, and a feedback form with an open window.
  const jepara = db().select().from(offices).where(eq(offices.code, "33.20")).get()!;
  const upcoming = db()
    .select()
    .from(meetings)
    .where(and(eq(meetings.officeId, jepara.id), eq(meetings.status, "dijadwalkan")))
    .orderBy(asc(meetings.startsAt))
    .get()!;
  list.push({ route: "rapat.$id.tsx", path: `/rapat/${upcoming.id}`, persona: "secretariatA", method: "GET" });
  // Its edit forms are drawn on request: the details, one agenda item, and the invitation picker.
  const firstItem = db().select().from(agendaItems).where(eq(agendaItems.meetingId, upcoming.id)).orderBy(asc(agendaItems.position)).get();
  for (const query of ["ubah=rincian", "undang=1", ...(firstItem ? [`ubah=${firstItem.id}`] : [])])
    list.push({ route: "rapat.$id.tsx", path: `/rapat/${upcoming.id}?${query}`, persona: "secretariatA", method: "GET" });
  const invitation = db().select().from(invitations).where(eq(invitations.meetingId, upcoming.id)).get();
  if (invitation) {
    db().insert(feedbackWindows).values({ meetingId: upcoming.id, deadline: new Date(Date.now() + 86_400_000), showRecap: true }).onConflictDoNothing().run();
    list.push({ route: "tanggapan.$token.tsx", path: `/tanggapan/${makeLinkToken("feedback", invitation.id, invitation.linkVersion)}`, persona: "anonymous", method: "GET" });
  }
  return list;
}

/** Path tricks for a numeric route parameter. */
const PATH_TRICKS = ["0", "-1", "99999999999999999999999", "1%20OR%201%3D1", "1%3BDROP%20TABLE%20users", "..%2F..%2Fetc%2Fpasswd", "%2e%2e", "%2Fetc%2Fpasswd", "1.5", "%EF%BC%91", "1e3", "0x10"];

let columns: ReturnType<typeof textColumns>;
let before: ReturnType<typeof dbState>;
let sent = 0;
/** Hostile values that reached the database (and were found there whole), and which payloads did. */
let stored = 0;
const storedLiterally = new Set<string>();

// The targets are computed while the tests are collected, so the database is set up at once.
installTestDatabase();

beforeAll(() => {
  columns = textColumns();
  before = dbState();
});

afterAll(() => {
  // Printed for the report: how many hostile requests the suite sent.
  console.log(`security-input: ${sent} hostile requests, ${stored} stored literally (payloads: ${storedLiterally.size})`);
});

describe("hostile values in every form field and query parameter", () => {
  const list = targets();

  it("covers every route file of the guard matrix", () => {
    const routes = new Set(list.map((t) => t.route));
    const files = fs.readdirSync(path.join(ROOT, "app/routes")).filter((f) => /\.tsx?$/.test(f));
    expect(files.filter((f) => !routes.has(f))).toEqual([]);
  });

  for (const target of list) {
    it(`${target.method} ${target.route} as ${target.persona}`, { timeout: 300_000 }, async () => {
      const found: string[] = [];
      const check = (label: string, r: { status: number; text: string }, mark?: string, value?: string) => {
        sent++;
        if (r.status >= 500) found.push(`${label}: status ${r.status}`);
        if (LEAK.test(r.text)) found.push(`${label}: leaks ${LEAK.exec(r.text)![0]}`);
        if (mark && value) for (const m of mangledCells(columns, mark, value)) found.push(`${label}: ${m}`);
      };

      // Numeric route parameters: path tricks answer 400/404, never more.
      const segments = target.path.split("?")[0].split("/");
      const pathTricks: string[] = [];
      segments.forEach((segment, i) => {
        const numeric = /^(\d+)(\.(pdf|ics|csv))?$/.exec(segment);
        if (!numeric) return;
        for (const trick of PATH_TRICKS) pathTricks.push(segments.map((s, j) => (j === i ? `${trick}${numeric[2] ?? ""}` : s)).join("/"));
      });
      for (const url of pathTricks) {
        const r = await send(url, target.persona, "GET");
        check(`GET ${url}`, r);
        // A tricked segment the URL parser normalises away ("%2e%2e") leads to another page; that is no answer about the record.
        const normalised = new URL(url, BASE).pathname !== url.split("?")[0];
        if (r.status === 200 && !normalised) found.push(`GET ${url}: answered 200 to a tricked parameter`);
      }

      if (target.method === "POST") {
        // A POST-only case: its own fields, each one hostile in turn.
        const base = Object.entries(target.form ?? {});
        for (const [name] of base.length ? base : [["intent", ""] as [string, string]]) {
          for (const [label, payload] of PAYLOADS) {
            const mark = marker();
            const value = `${mark}${payload}`;
            const fields = (base.length ? base : [["intent", ""]]).map(([k, v]) => [k, k === name ? value : v] as [string, string]);
            check(`POST ${target.path} ${name}=${label}`, await send(target.path, target.persona, "POST", fields), mark, value);
          }
        }
        expect(found).toEqual([]);
        return;
      }

      const page = await send(target.path, target.persona, "GET");
      check(`GET ${target.path}`, page);
      const pagePath = target.path.split("?")[0];
      const isHtml = page.type.includes("text/html");

      // Query parameters: those the page's links and GET forms use, plus the ones already in the path.
      const params = new Set<string>(new URL(target.path, BASE).searchParams.keys());
      const forms = isHtml ? formsOf(page.text, pagePath) : [];
      if (isHtml) {
        for (const m of page.text.matchAll(/href="([^"]*\?[^"#]*)"/g)) {
          const u = new URL(decode(m[1]), `${BASE}${pagePath}`);
          if (u.pathname === pagePath) for (const k of u.searchParams.keys()) params.add(k);
        }
        for (const f of forms) if (f.method === "GET" && new URL(f.action, `${BASE}${pagePath}`).pathname === pagePath) for (const fl of f.fields) params.add(fl.name);
      }
      for (const p of ["q", "page", "halaman"]) params.add(p);
      for (const name of params) {
        for (const [label, payload] of PAYLOADS) {
          const u = new URL(target.path, BASE);
          u.searchParams.set(name, `${marker()}${payload}`);
          check(`GET ${pagePath}?${name}=${label}`, await send(`${u.pathname}${u.search}`, target.persona, "GET"));
        }
      }

      // Every POST form on the page, one field at a time.
      const postForms = new Map<string, FormInfo>();
      for (const f of forms) {
        if (f.method !== "POST") continue;
        const key = `${f.action} ${f.fields.map((x) => `${x.name}${x.name === "intent" ? `=${x.value}` : ""}`).join(",")}`;
        if (!postForms.has(key)) postForms.set(key, f);
      }
      for (const form of postForms.values()) {
        const action = new URL(form.action, `${BASE}${pagePath}`);
        const url = `${action.pathname}${action.search}`;
        if (/^\/keluar/.test(action.pathname)) continue; // sign-out takes no input
        const base = form.fields.map((f) => [f.name, plausible(f), f.type] as const);
        for (const [i, field] of form.fields.entries()) {
          for (const [label, payload] of PAYLOADS) {
            const mark = marker();
            const value = `${mark}${payload}`;
            const fields: [string, string | File][] = base.map(([name, v, type], j) => {
              if (type === "file") {
                // Path tricks in the uploaded file's name; the content is a small CSV.
                const fileName = j === i ? `../../${value.slice(0, 200)}/../../etc/passwd.csv` : "data.csv";
                return [name, new File(["nama,jenis\nOrganisasi Uji,lainnya\n"], fileName, { type: "text/csv" })];
              }
              return [name, j === i ? value : v];
            });
            const r = await send(url, target.persona, "POST", fields, form.multipart);
            check(`POST ${url} [${form.fields.find((f) => f.name === "intent")?.value ?? "-"}] ${field.name}=${label} → ${r.status}`, r, mark, value);
          }
        }
      }
      expect(found).toEqual([]);
    });
  }

  it("leaves the database intact", () => {
    const after = dbState();
    expect(after.integrity).toEqual(["ok"]);
    expect(after.foreignKeys).toBe(0);
    expect(after.tables).toEqual(before.tables);
    expect(after.users).toBeGreaterThanOrEqual(before.users);
    expect(after.offices).toBe(before.offices);
    expect(sent).toBeGreaterThan(1000);
    // The suite reaches the database with every payload, not only refusals.
    expect(stored).toBeGreaterThan(50);
    // Every short payload was stored somewhere, whole (the 100 000 characters are refused everywhere or stored whole).
    expect(PAYLOADS.filter(([label, payload]) => label !== "long" && !storedLiterally.has(payload)).map(([label]) => label)).toEqual([]);
  });

  it("wrote no file outside the data directory for tricked upload names", () => {
    for (const p of ["etc/passwd.csv", "../etc/passwd.csv", "../../etc/passwd.csv"]) {
      expect(fs.existsSync(path.resolve(process.env.DATA_DIR ?? "data", p))).toBe(false);
    }
    expect(fs.existsSync(path.join(ROOT, "etc"))).toBe(false);
  });
});
