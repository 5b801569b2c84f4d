/**
 * Cross-site POSTs are refused on every route that has an action, through the real HTTP server and
 * before anything is written: a foreign Origin, a look-alike host, the opaque "null" Origin, and a
 * browser's Sec-Fetch-Site: cross-site without Origin. Each gets the 403 page in Bahasa Indonesia.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, openDatabase, setDatabase } from "../../app/db.server";
import { cookieFor } from "../helpers/http";
import { ROOT } from "../helpers/paths";
import { startServer, type RunningServer } from "../helpers/server";
import { PERSONAS, type Persona, type RouteCase } from "./guard-matrix/types";

const caseFiles = fs.readdirSync(path.join(ROOT, "tests/integration/guard-matrix")).filter((f) => f.endsWith(".ts") && f !== "types.ts");
const matrix: RouteCase[] = [];
for (const f of caseFiles) matrix.push(...((await import(`./guard-matrix/${f}`)) as { cases: RouteCase[] }).cases);

const actionRoutes = fs
  .readdirSync(path.join(ROOT, "app/routes"))
  .filter((f) => /\.tsx?$/.test(f) && /export (async )?function action\b/.test(fs.readFileSync(path.join(ROOT, "app/routes", f), "utf8")));

const ORDER: Persona[] = ["secretariatA", "commissionerA", "admin", "participantA", "visitor", "anonymous"];

/** For each action route: a path for office A's record, a persona the route lets in, and a form. */
function targetOf(route: string) {
  const cases = matrix.filter((c) => c.route === route);
  const post = cases.find((c) => c.method === "POST");
  const chosen = post ?? cases[0];
  const persona = ORDER.find((p) => ![302, 403, 404].includes(chosen.expect[p])) ?? "anonymous";
  return { path: typeof chosen.path === "string" ? chosen.path : chosen.path(db()), persona, form: post?.form ?? { intent: "save" } };
}

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
  // Sessions are made in the server's own database file.
  setDatabase(openDatabase(server.dbFile));
});
afterAll(async () => {
  db().$client.close();
  setDatabase(undefined);
  await server?.stop();
});

/** Changes whenever another connection (the server) commits to the database file. */
const dataVersion = () => db().$client.pragma("data_version", { simple: true }) as number;

const HOSTILE: Record<string, string>[] = [
  { Origin: "https://evil.example" },
  { Origin: "null" },
  { Origin: "http://127.0.0.1.evil.example" },
  { "Sec-Fetch-Site": "cross-site" },
];

describe("cross-site POST through the HTTP server", () => {
  it("finds the action routes", () => {
    expect(actionRoutes.length).toBeGreaterThan(10);
  });

  for (const route of actionRoutes) {
    it(`is refused on ${route}`, async () => {
      const target = targetOf(route);
      const email = PERSONAS[target.persona];
      for (const headers of HOSTILE) {
        const before = dataVersion();
        const r = await fetch(`${server.url}${target.path}`, {
          method: "POST",
          body: new URLSearchParams(target.form),
          headers: { ...headers, ...(email ? { Cookie: cookieFor(email) } : {}) },
          redirect: "manual",
        });
        const label = `${route} ${JSON.stringify(headers)}`;
        expect(r.status, label).toBe(403);
        expect(await r.text(), label).toContain("Formulir ini dikirim dari situs lain");
        expect(dataVersion(), `${label} wrote to the database`).toBe(before);
      }
    });
  }

  it("the same POST from the site itself is not refused as cross-site", async () => {
    const target = targetOf("rapat.$id.tsx");
    const r = await fetch(`${server.url}${target.path}`, {
      method: "POST",
      body: new URLSearchParams(target.form),
      headers: { Origin: server.url, Cookie: cookieFor(PERSONAS.secretariatA!) },
      redirect: "manual",
    });
    expect(r.status).toBe(400); // the form's own validation, not the Origin check
  });
});
