import { afterAll, describe, expect, it } from "vitest";
import { crashUnderSignIns } from "../helpers/load";
import { startServer, type RunningServer } from "../helpers/server";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
});

describe("a crash in the middle of writes", () => {
  it("leaves an intact database holding every write the server acknowledged", async () => {
    server = await startServer();
    const after = await crashUnderSignIns(server);
    expect(after.acknowledged).toBeGreaterThan(5);
    expect(after.integrity).toBe("ok");
    expect(after.missing).toEqual([]);
  });
});
