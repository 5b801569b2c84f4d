import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed";
import { startServer, type RunningServer } from "../helpers/server";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

const EMAILS = ["sekretariat1.jepara@pleno.demo", "ketua.cilacap@pleno.demo", "anggota1.jakut@pleno.demo", "admin@pleno.demo"];

describe("a crash in the middle of writes", () => {
  it("leaves an intact database holding every write the server acknowledged", async () => {
    server = await startServer();
    const acknowledged: string[] = [];
    let stop = false;
    // Four writers, each signing in again and again: every 302 with a cookie is an acknowledged
    // session row.
    const writers = EMAILS.map(async (email) => {
      while (!stop) {
        try {
          const r = await fetch(`${server!.url}/masuk`, {
            method: "POST",
            body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
            headers: { Origin: server!.url },
            redirect: "manual",
          });
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
    expect(acknowledged.length).toBeGreaterThan(5);

    const db = new Database(server.dbFile);
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    const has = db.prepare("select 1 from sessions where id_hash = ?");
    const missing = acknowledged.filter((raw) => !has.get(createHash("sha256").update(raw).digest("hex")));
    db.close();
    expect(missing).toEqual([]);
  });
});
