import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { readSnapshot } from "../../app/db.server";
import { loader as meetingLoader } from "../../app/routes/rapat.$id";
import { officeByCode } from "../../db/factories";
import { useTestDatabase } from "../helpers/db";
import { call, cookieFor } from "../helpers/http";

describe("readSnapshot: a loader's reads see one state of the database", () => {
  // The app's database for these tests: readSnapshot works on the app's connection.
  const { db, file } = useTestDatabase();
  const nameOfFirstOffice = () => db.$client.prepare("select name from offices where id = (select min(id) from offices)").pluck().get() as string;

  it("does not see what another process commits while it reads, and sees it afterwards", () => {
    const before = nameOfFirstOffice();
    const other = new Database(file);
    try {
      const seen = readSnapshot(() => {
        const first = nameOfFirstOffice();
        other.prepare("update offices set name = 'Diubah proses lain' where id = (select min(id) from offices)").run();
        return [first, nameOfFirstOffice()];
      });
      expect(seen).toEqual([before, before]);
      expect(nameOfFirstOffice()).toBe("Diubah proses lain");
    } finally {
      other.prepare("update offices set name = ? where id = (select min(id) from offices)").run(before);
      other.close();
    }
  });

  it("leaves no transaction open, also when the reads throw", () => {
    expect(() =>
      readSnapshot(() => {
        nameOfFirstOffice();
        throw new Response(null, { status: 404 });
      }),
    ).toThrow();
    expect(db.$client.inTransaction).toBe(false);
    expect(readSnapshot(() => nameOfFirstOffice())).toBe(nameOfFirstOffice());
    expect(db.$client.inTransaction).toBe(false);
  });

  it("refuses a write and undoes it", () => {
    const before = nameOfFirstOffice();
    expect(() =>
      readSnapshot(() => {
        db.$client.prepare("update offices set name = 'Tidak boleh' where id = (select min(id) from offices)").run();
      }),
    ).toThrow(/wrote to the database/);
    expect(nameOfFirstOffice()).toBe(before);
    expect(db.$client.inTransaction).toBe(false);
  });

  it("runs inside a transaction that is already open", () => {
    const result = db.$client.transaction(() => {
      db.$client.prepare("update offices set name = name || ' (uji)' where id = (select min(id) from offices)").run();
      return readSnapshot(() => nameOfFirstOffice());
    })();
    expect(result).toMatch(/ \(uji\)$/);
    db.$client.prepare("update offices set name = replace(name, ' (uji)', '') where id = (select min(id) from offices)").run();
  });

  it("serves the meeting page's loader, with no transaction left behind", async () => {
    const office = officeByCode(db, "33.20");
    const id = (db.$client.prepare("select id from meetings where office_id = ? order by starts_at desc limit 1").get(office.id) as { id: number }).id;
    const cookie = cookieFor("sekretariat1.jepara@pleno.demo");
    const res = await call(meetingLoader, `/rapat/${id}`, { cookie, params: { id: String(id) } });
    expect(res.status).toBe(200);
    expect(db.$client.inTransaction).toBe(false);
  });
});
