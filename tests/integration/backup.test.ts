import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { backupDatabase } from "../../db/backup";
import { restoreDatabase } from "../../db/restore";
import { DEMO_PASSWORD } from "../../db/seed";
import { TMP } from "../helpers/paths";
import { startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server?.stop();
});

async function signInOnce(i: number) {
  const body = new URLSearchParams({ email: `ketua.jepara@pleno.demo`, password: i % 2 ? DEMO_PASSWORD : "salah" });
  return fetch(`${server.url}/masuk`, { method: "POST", body, redirect: "manual", headers: { Origin: server.url } });
}

describe("online backup and restore", () => {
  it("copies the database while the server is writing, and the copy restores", async () => {
    const target = path.join(TMP, `backup-${Date.now()}.db`);
    const load = Promise.all(Array.from({ length: 40 }, (_, i) => signInOnce(i)));
    await backupDatabase(server.dbFile, target);
    const responses = await load;
    expect(responses.every((r) => r.status === 302 || r.status === 400 || r.status === 429)).toBe(true);

    const copy = new Database(target, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    const users = copy.prepare("select count(*) as n from users").get() as { n: number };
    expect(users.n).toBeGreaterThan(30);
    copy.close();

    const restored = path.join(TMP, `restored-${Date.now()}.db`);
    fs.writeFileSync(restored, "not a database");
    const { kept } = restoreDatabase(target, restored);
    expect(kept && fs.existsSync(kept)).toBeTruthy();
    const back = new Database(restored, { readonly: true });
    expect((back.prepare("select count(*) as n from offices").get() as { n: number }).n).toBe(553);
    back.close();
  });

  it("refuses to restore a file that is not a Pleno backup", () => {
    const bogus = path.join(TMP, `bogus-${Date.now()}.db`);
    new Database(bogus).close();
    expect(() => restoreDatabase(bogus, path.join(TMP, "never.db"))).toThrow();
    expect(fs.existsSync(path.join(TMP, "never.db"))).toBe(false);
  });
});
