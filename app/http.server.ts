import { randomBytes, randomUUID } from "node:crypto";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { RequestContext } from "./context";
import { db } from "./db.server";
import { env } from "./env.server";
import { logLine } from "./log.server";

/** Security headers for every response; scripts run only with this response's nonce. */
function securityHeaders(nonce: string): Record<string, string> {
  const csp = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join("; ");
  const headers: Record<string, string> = {
    "Content-Security-Policy": csp,
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
  };
  if (!env().isDemo) headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  return headers;
}

export function createApp(build: ServerBuild, publicDir = path.resolve("public")) {
  const app = express();
  app.disable("x-powered-by");
  if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    const nonce = randomBytes(16).toString("base64");
    res.locals.context = { requestId, nonce, ip: req.ip ?? "" } satisfies RequestContext;
    res.set({ "X-Request-Id": requestId, ...securityHeaders(nonce) });
    if (env().LOG_REQUESTS === "1") {
      res.on("finish", () => {
        logLine({
          level: "info",
          requestId,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 10_000n) / 100,
          office: res.getHeader("X-Pleno-Office") ?? null,
          user: res.getHeader("X-Pleno-User") ?? null,
        });
      });
    }
    next();
  });

  app.get("/healthz", (_req, res) => {
    try {
      db().$client.prepare("select 1").get();
      res.json({ status: "ok", database: "ok" });
    } catch {
      res.status(503).json({ status: "error", database: "unreachable" });
    }
  });

  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(publicDir, { maxAge: "1h", index: false }));

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (_req, res) => res.locals.context as RequestContext,
    }),
  );
  return app;
}
