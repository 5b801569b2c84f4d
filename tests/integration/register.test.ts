import { spawn } from "node:child_process";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "../../app/db.server";
import { registerOf, reserveNumber, voidNumber } from "../../app/models/register.server";
import type { Actor } from "../../app/auth/guard.server";
import { numberRegister, offices } from "../../db/schema";
import { useTestDatabase } from "../helpers/db";
import { ROOT } from "../helpers/paths";

let file: string;
let jepara: typeof offices.$inferSelect;
beforeAll(() => {
  ({ file } = useTestDatabase());
  jepara = db().select().from(offices).where(eq(offices.code, "33.20")).get()!;
});

const actorOf = (office: typeof offices.$inferSelect) => ({ office: { id: office.id } }) as unknown as Actor;

function worker(officeId: number, count: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/reserve-worker.ts", file, String(officeId), String(count)], {
      cwd: ROOT,
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(err))));
  });
}

describe("numbering register", () => {
  it("numbers per office, type and year, in the office's format and zone", () => {
    const a = reserveNumber({ officeId: jepara.id, docType: "BA", issuedAt: new Date("2025-06-10T03:00:00Z"), documentRef: "t:1" });
    const b = reserveNumber({ officeId: jepara.id, docType: "BA", issuedAt: new Date("2025-12-08T02:00:00Z"), documentRef: "t:2" });
    expect(a.number).toBe("01/PL.01.2-BA/3320/KPU-Kab/VI/2025");
    expect(b.number).toBe("02/PL.01.2-BA/3320/KPU-Kab/XII/2025");
    // 31 December 18:00 UTC is already 1 January in WIB: a new year, a new sequence.
    const c = reserveNumber({ officeId: jepara.id, docType: "BA", issuedAt: new Date("2025-12-31T18:00:00Z"), documentRef: "t:3" });
    expect(c.number).toBe("01/PL.01.2-BA/3320/KPU-Kab/I/2026");
    const und = reserveNumber({ officeId: jepara.id, docType: "UND", issuedAt: new Date("2025-12-08T02:00:00Z"), documentRef: "t:4" });
    expect(und.seq).toBe(1);
  });

  it("reservations at the same moment from four processes get consecutive numbers, none twice", async () => {
    const cilacap = db().select().from(offices).where(eq(offices.code, "33.01")).get()!;
    const results = await Promise.all([1, 2, 3, 4].map(() => worker(cilacap.id, 25)));
    const all = results.flat().sort((x, y) => x - y);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  }, 60_000);

  it("a voided number keeps its place and is never reused or deleted", () => {
    const r = reserveNumber({ officeId: jepara.id, docType: "BA", issuedAt: new Date("2025-12-09T02:00:00Z"), documentRef: "t:5" });
    expect(() => voidNumber(actorOf(jepara), r.id, "")).toThrow();
    voidNumber(actorOf(jepara), r.id, "Draf ditinggalkan karena rapat ditunda");
    const next = reserveNumber({ officeId: jepara.id, docType: "BA", issuedAt: new Date("2025-12-10T02:00:00Z"), documentRef: "t:6" });
    expect(next.seq).toBe(r.seq + 1);
    const rows = registerOf(actorOf(jepara), "BA", 2025);
    expect(rows.find((x) => x.id === r.id)).toMatchObject({ status: "void", voidReason: "Draf ditinggalkan karena rapat ditunda" });
    expect(() => db().delete(numberRegister).where(eq(numberRegister.id, r.id)).run()).toThrow(/tidak boleh dihapus/);
    expect(() => db().update(numberRegister).set({ seq: 99 }).where(eq(numberRegister.id, r.id)).run()).toThrow(/tidak boleh diubah/);
    expect(() => db().update(numberRegister).set({ status: "reserved" }).where(eq(numberRegister.id, r.id)).run()).toThrow(
      /tidak dapat dipakai lagi/,
    );
  });

  it("another office cannot void a number", () => {
    const cilacap = db().select().from(offices).where(eq(offices.code, "33.01")).get()!;
    const r = reserveNumber({ officeId: jepara.id, docType: "BA", issuedAt: new Date("2025-12-11T02:00:00Z"), documentRef: "t:7" });
    expect(() => voidNumber(actorOf(cilacap), r.id, "bukan milik kami")).toThrow();
  });
});
