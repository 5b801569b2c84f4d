import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { derived } from "../../app/lib/derived-cache.server";
import { useTestDatabase } from "../helpers/db";

describe("derived figures are cached until the database changes", () => {
  const { db, file } = useTestDatabase();
  let computed = 0;
  const read = () => derived("count-offices", () => (computed++, db.$client.prepare("select count(*) n from offices").get()), db);

  it("computes once while nothing changes", () => {
    read();
    read();
    expect(computed).toBe(1);
  });

  it("recomputes after a write through the same connection", () => {
    db.$client.prepare("update offices set name = name where id = (select min(id) from offices)").run();
    read();
    expect(computed).toBe(2);
    read();
    expect(computed).toBe(2);
  });

  it("recomputes after another process commits", () => {
    const other = new Database(file);
    other.prepare("update offices set name = name || '' where id = (select min(id) from offices)").run();
    other.close();
    read();
    expect(computed).toBe(3);
  });
});
