import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { BASE } from "./http";
import { ROOT } from "./paths";

let handler: ((request: Request, context: unknown) => Promise<Response>) | undefined;

/** The built app (npm test builds before it runs), answering Requests in this process. */
export async function appHandler() {
  if (!handler) {
    const build = (await import(pathToFileURL(path.join(ROOT, "build/index.js")).href)) as ServerBuild;
    const remix = createRequestHandler(build, "production");
    handler = (request, context) => remix(request, context as never);
  }
  return handler;
}

export type FetchInit = { method?: string; cookie?: string; form?: Record<string, string>; headers?: Record<string, string> };

export async function appFetch(urlPath: string, init: FetchInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.cookie) headers.set("Cookie", init.cookie);
  const method = init.method ?? "GET";
  if (method !== "GET" && !headers.has("Origin")) headers.set("Origin", BASE);
  headers.set("Host", new URL(BASE).host);
  const body = init.form ? new URLSearchParams(init.form) : undefined;
  const request = new Request(`${BASE}${urlPath}`, { method, headers, body, redirect: "manual" });
  return (await appHandler())(request, { requestId: "test", ip: "127.0.0.1", nonce: "test-nonce" });
}
