import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { appFetch } from "../helpers/app";
import { useTestDatabase } from "../helpers/db";
import { cookieFor } from "../helpers/http";
import { ROOT } from "../helpers/paths";
import { PERSONAS, type Persona, type RouteCase } from "./guard-matrix/types";

const caseFiles = fs
  .readdirSync(path.join(ROOT, "tests/integration/guard-matrix"))
  .filter((f) => f.endsWith(".ts") && f !== "types.ts");
const cases: RouteCase[] = [];
for (const f of caseFiles) {
  const mod = (await import(`./guard-matrix/${f}`)) as { cases: RouteCase[] };
  cases.push(...mod.cases);
}

const routeFiles = fs.readdirSync(path.join(ROOT, "app/routes")).filter((f) => /\.tsx?$/.test(f));

describe("guard matrix", () => {
  beforeAll(() => {
    useTestDatabase();
  });

  it("has an entry for every route file", () => {
    const covered = new Set(cases.map((c) => c.route));
    const missing = routeFiles.filter((f) => !covered.has(f));
    expect(missing, "route files without a guard-matrix entry").toEqual([]);
    const unknown = [...covered].filter((r) => !routeFiles.includes(r));
    expect(unknown, "guard-matrix entries for route files that do not exist").toEqual([]);
  });

  it("every loader and action goes through the guard", () => {
    for (const f of routeFiles) {
      const source = fs.readFileSync(path.join(ROOT, "app/routes", f), "utf8");
      const exportsData = /export (async )?function (loader|action)\b/.test(source);
      if (exportsData) expect(source, `${f} must call guard()`).toMatch(/\bguard(Token)?\(/);
    }
  });

  for (const c of cases) {
    const method = c.method ?? "GET";
    it(`${method} ${typeof c.path === "string" ? c.path : c.route}`, async () => {
      const url = typeof c.path === "string" ? c.path : c.path(db());
      const got: Record<string, number> = {};
      for (const persona of Object.keys(PERSONAS) as Persona[]) {
        // A fresh session per request: a case may end the session (sign-out) or change data.
        const email = PERSONAS[persona];
        const response = await appFetch(url, { method, cookie: email ? cookieFor(email) : undefined, form: c.form });
        got[persona] = response.status;
      }
      expect(got).toEqual(c.expect);
    });
  }
});
