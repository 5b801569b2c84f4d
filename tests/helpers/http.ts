import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { createSession } from "../../app/auth/session.server";
import { db } from "../../app/db.server";
import { activeMembershipsOf } from "../../app/models/user.server";
import { users } from "../../db/schema";

export const BASE = "http://localhost:3000";

/** A session cookie for a seeded or factory-made user, as if they had signed in. */
export function cookieFor(email: string, role?: string): string {
  const user = db().select().from(users).where(eq(users.email, email)).get();
  if (!user) throw new Error(`no user ${email}`);
  const memberships = activeMembershipsOf(user.id);
  const m = role ? memberships.find((x) => x.membership.role === role) : memberships[0];
  if (!m) throw new Error(`no membership for ${email}`);
  const { rawId } = createSession(user.id, m.membership.id, { ip: "127.0.0.1", userAgent: "vitest" });
  return `pleno_sid=${rawId}`;
}

type CallInit = {
  params?: Record<string, string>;
  cookie?: string;
  form?: Record<string, string | string[] | Blob> | FormData;
  method?: string;
  headers?: Record<string, string>;
  ip?: string;
};

function buildRequest(path: string, init: CallInit): Request {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  let body: FormData | undefined;
  if (init.form) {
    if (init.form instanceof FormData) body = init.form;
    else {
      body = new FormData();
      for (const [k, v] of Object.entries(init.form)) {
        for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
      }
    }
  }
  const method = init.method ?? (body ? "POST" : "GET");
  if (method !== "GET" && !headers.has("Origin")) headers.set("Origin", BASE);
  return new Request(`${BASE}${path}`, { method, headers, body });
}

/** Runs a loader or action as Remix would and always gives back a Response (thrown ones too). */
export async function call(
  fn: (args: LoaderFunctionArgs | ActionFunctionArgs) => unknown,
  path: string,
  init: CallInit = {},
): Promise<Response> {
  const request = buildRequest(path, init);
  const context = { requestId: "test", ip: init.ip ?? "127.0.0.1", nonce: "" };
  try {
    const result = await fn({ request, params: init.params ?? {}, context });
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result ?? null), { status: 200, headers: { "Content-Type": "application/json" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

export async function bodyOf<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}
