import { beforeAll, describe, expect, it } from "vitest";
import { guard } from "../../app/auth/guard.server";
import { hashToken, revokeSession } from "../../app/auth/session.server";
import { useTestDatabase } from "../helpers/db";
import { BASE, cookieFor } from "../helpers/http";

beforeAll(() => {
  useTestDatabase();
});

const request = (cookie: string, method = "GET") => new Request(`${BASE}/dasbor`, { method, headers: { Cookie: cookie, Origin: BASE } });
const idHashOf = (cookie: string) => hashToken(cookie.split("=")[1]);

describe("the guard reads the session once per page request", () => {
  it("the loaders of one GET share one reading; another request reads afresh", async () => {
    const cookie = cookieFor("sekretariat1.jepara@pleno.demo");
    const context = { requestId: "a", ip: "127.0.0.1", nonce: "" };
    const first = await guard({ request: request(cookie), context }, { access: "signed-in" });
    revokeSession(idHashOf(cookie));
    // The page's loader of the same request (Remix gives it a copy of the Request): same reading.
    const second = await guard({ request: request(cookie), context }, { access: "public" });
    expect(second?.user.id).toBe(first.user.id);
    // The next request sees the revoked session.
    expect(await guard({ request: request(cookie), context: { requestId: "b", ip: "127.0.0.1", nonce: "" } }, { access: "public" })).toBeNull();
  });

  it("a POST reads the session at every call, since its action may have signed out", async () => {
    const cookie = cookieFor("sekretariat1.jepara@pleno.demo");
    const context = { requestId: "c", ip: "127.0.0.1", nonce: "" };
    expect(await guard({ request: request(cookie, "POST"), context }, { access: "public" })).not.toBeNull();
    revokeSession(idHashOf(cookie));
    expect(await guard({ request: request(cookie, "POST"), context }, { access: "public" })).toBeNull();
  });
});
