import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from "vitest";
import { setDatabase, type DB } from "../../app/db.server";
import * as schema from "../../db/schema";
import { appFetch } from "../helpers/app";
import { useTestDatabase } from "../helpers/db";

describe("error pages", () => {
  beforeAll(() => {
    useTestDatabase();
  });

  it("an unknown address answers a friendly 404 page in Bahasa Indonesia", async () => {
    const r = await appFetch("/tidak/ada/sama/sekali");
    expect(r.status).toBe(404);
    const html = await r.text();
    expect(html).toContain("Halaman tidak ditemukan");
    expect(html).toContain('lang="id"');
  });

  describe("an unexpected failure", () => {
    let errors: MockInstance<typeof process.stderr.write>;
    beforeAll(() => {
      // A database without tables: every query fails, as a broken disk would make it.
      setDatabase(drizzle(new Database(":memory:"), { schema }) as DB);
      errors = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    });
    afterAll(() => {
      errors.mockRestore();
      useTestDatabase();
    });

    it("answers 500 with the request id and no stack trace; the stack goes to the log", async () => {
      const r = await appFetch("/dasbor", { cookie: "pleno_sid=abc" });
      expect(r.status).toBe(500);
      const html = await r.text();
      expect(html).toContain("Terjadi kesalahan pada server");
      expect(html).toContain("Kode permintaan");
      expect(html).toContain("test"); // the request id the test context carries
      expect(html).not.toMatch(/no such table|at \w+ \(|\.ts:\d+/);
      const logged = errors.mock.calls.map((c: unknown[]) => String(c[0])).join("");
      expect(logged).toMatch(/"level":"error"/);
      expect(logged).toMatch(/no such table/);
      expect(logged).toMatch(/"requestId":"test"/);
    });
  });
});
