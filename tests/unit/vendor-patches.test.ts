import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { describe, expect, it } from "vitest";
import { meetings } from "../../db/schema";

// app/vendor-patches (applied by npm install): @remix-run/router no longer flattens the route tree
// and compiles every path pattern again on each request, and drizzle writes a whole-number LIMIT
// into the SQL instead of binding it (docs/decisions/0014-vendor-patches.md); the server render of
// @remix-run/react and react-router-dom builds its route tree once per build, not per page
// (docs/decisions/0018-server-render-routes.md); react-dom's renderToString can hand its markup over
// in pieces (docs/decisions/0019-page-bytes-in-pieces.md).
const require = createRequire(import.meta.url);
const routerFile = require.resolve("@remix-run/router");
const router = require(routerFile) as typeof import("@remix-run/router");

describe("the route-matching patch of @remix-run/router", () => {
  it("is applied by npm install (postinstall)", () => {
    expect(fs.readFileSync(routerFile, "utf8")).toContain("Pleno patch");
  });

  it("still matches as before: params per URL, static before dynamic, case-insensitive", () => {
    const routes = [
      { id: "root", path: "/", children: [
        { id: "rapat", path: "rapat/:id" },
        { id: "rapat-baru", path: "rapat/baru" },
        { id: "ba", path: "berita-acara/:id/versi/:v" },
        { id: "splat", path: "*" },
      ] },
    ];
    for (let round = 0; round < 2; round++) {
      expect(router.matchRoutes(routes, "/rapat/12")!.at(-1)!.params).toEqual({ id: "12" });
      expect(router.matchRoutes(routes, "/rapat/99")!.at(-1)!.params).toEqual({ id: "99" });
      expect(router.matchRoutes(routes, "/rapat/baru")!.at(-1)!.route.id).toBe("rapat-baru");
      expect(router.matchRoutes(routes, "/RAPAT/7")!.at(-1)!.params).toEqual({ id: "7" });
      expect(router.matchRoutes(routes, "/berita-acara/3/versi/2")!.at(-1)!.params).toEqual({ id: "3", v: "2" });
      expect(router.matchRoutes(routes, "/tidak/ada")!.at(-1)!.route.id).toBe("splat");
    }
    // Case-sensitivity and end are part of a compiled pattern's identity.
    expect(router.matchPath({ path: "/Papan", caseSensitive: true }, "/papan")).toBeNull();
    expect(router.matchPath({ path: "/Papan", caseSensitive: false }, "/papan")).not.toBeNull();
    expect(router.matchPath({ path: "/papan", end: false }, "/papan/kantor")).not.toBeNull();
    expect(router.matchPath({ path: "/papan", end: true }, "/papan/kantor")).toBeNull();
  });
});

describe("the server-render route patches of @remix-run/react and react-router-dom", () => {
  const remixServerFile = require.resolve("@remix-run/react/dist/server.js");
  const routerServerFile = require.resolve("react-router-dom/server.js");
  const { createStaticRouter } = require(routerServerFile) as typeof import("react-router-dom/server");

  it("are applied by npm install (postinstall)", () => {
    expect(fs.readFileSync(remixServerFile, "utf8")).toContain("Pleno patch");
    expect(fs.readFileSync(routerServerFile, "utf8")).toContain("Pleno patch");
  });

  it("share the data routes of one route tree between renders, each with its own request's state", () => {
    const routes = [{ id: "root", path: "/", children: [{ id: "rapat", path: "rapat/:id" }, { id: "papan", path: "papan" }] }];
    const contextFor = (pathname: string, matches: { id: string; params: Record<string, string> }[]) =>
      ({
        basename: "/",
        location: { pathname, search: "", hash: "", state: null, key: "default" },
        matches: matches.map((m) => ({ params: m.params, pathname, pathnameBase: pathname, route: { id: m.id } })),
        loaderData: { [matches.at(-1)!.id]: { page: pathname } },
        actionData: null,
        errors: null,
        statusCode: 200,
        loaderHeaders: {},
        actionHeaders: {},
        activeDeferreds: null,
      }) as unknown as Parameters<typeof createStaticRouter>[1];
    const first = createStaticRouter(routes, contextFor("/rapat/7", [{ id: "root", params: {} }, { id: "rapat", params: { id: "7" } }]));
    const second = createStaticRouter(routes, contextFor("/papan", [{ id: "root", params: {} }, { id: "papan", params: {} }]));
    expect(second.routes).toBe(first.routes);
    expect(first.state.location.pathname).toBe("/rapat/7");
    expect(first.state.matches.map((m) => [m.route.id, m.params])).toEqual([["root", {}], ["rapat", { id: "7" }]]);
    expect(first.state.loaderData).toEqual({ rapat: { page: "/rapat/7" } });
    expect(second.state.location.pathname).toBe("/papan");
    expect(second.state.matches.map((m) => m.route.id)).toEqual(["root", "papan"]);
    // The matches point at the shared data routes, as before the patch they pointed at fresh ones.
    expect(second.state.matches[1].route).toBe(first.routes[0].children![1]);
    // Another route tree (a new build) gets data routes of its own.
    const rebuilt = createStaticRouter(structuredClone(routes), contextFor("/papan", [{ id: "root", params: {} }, { id: "papan", params: {} }]));
    expect(rebuilt.routes).not.toBe(first.routes);
  });
});

describe("the LIMIT patch of drizzle", () => {
  const d = drizzle(new Database(":memory:"));

  it("writes a whole-number limit into the SQL, so SQLite does not compile the statement again at every call", () => {
    const q = d.select().from(meetings).where(sql`${meetings.id} = ${7}`).limit(1).offset(20).toSQL();
    expect(q.sql).toMatch(/ limit 1 offset \?$/);
    expect(q.params).toEqual([7, 20]);
  });

  it("binds anything else as before: a placeholder, and nothing odd gets into the SQL", () => {
    const q = d.select().from(meetings).limit(sql.placeholder("n")).toSQL();
    expect(q.sql).toMatch(/ limit \?$/);
    const fraction = d.select().from(meetings).limit(1.5).toSQL();
    expect(fraction.sql).toMatch(/ limit \?$/);
    expect(fraction.params).toEqual([1.5]);
  });
});

describe("the markup-in-pieces patch of react-dom", () => {
  // Both builds: the production one serves Pleno, the development one runs under the tests.
  const builds = ["production.min", "development"].map((build) => {
    const file = path.join(path.dirname(require.resolve("react-dom/package.json")), `cjs/react-dom-server-legacy.node.${build}.js`);
    return { build, file, server: require(file) as typeof import("react-dom/server") };
  });
  const { createElement } = require("react") as typeof import("react");
  // About 90,000 characters, with characters beyond Latin-1 and text that must be escaped.
  const page = createElement(
    "ol",
    null,
    Array.from({ length: 1500 }, (_, i) =>
      createElement("li", { key: i, "data-i": i }, `Butir ${i} — Rp${i * 1000} ≤ <b>& "kutip"</b> 🗳️`),
    ),
  );

  for (const { build, file, server } of builds) {
    it(`is applied to the ${build} build`, () => {
      expect(fs.readFileSync(file, "utf8")).toContain("Pleno patch");
    });

    it(`hands the ${build} markup over in pieces that add up to the whole`, () => {
      const whole = server.renderToString(page);
      expect(whole.length).toBeGreaterThan(80_000);
      const pieces: string[] = [];
      const rest = server.renderToString(page, { plenoPieces: pieces } as never);
      expect(pieces.length).toBeGreaterThanOrEqual(4);
      for (const piece of pieces) {
        expect(piece.length).toBeGreaterThanOrEqual(16_384);
        expect(piece.length).toBeLessThan(17_000);
      }
      expect(rest.length).toBeLessThan(16_384);
      expect(pieces.join("") + rest).toBe(whole);
      // Without the option nothing changes, and a small page stays one string.
      const none: string[] = [];
      expect(server.renderToString(createElement("p", null, "Rapat — selesai"), { plenoPieces: none } as never)).toBe(
        "<p>Rapat — selesai</p>",
      );
      expect(none).toEqual([]);
    });
  }
});
