import { randomFillSync, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import type { RequestContext } from "./context";
import { db } from "./db.server";
import { env, trustProxyValue } from "./env.server";
import { sharedRateLimiter } from "./lib/shared-rate-limit.server";
import { logError, logLine } from "./log.server";

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

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const CROSS_SITE_PAGE = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Permintaan ditolak — Pleno</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>Permintaan ditolak</h1><p>Formulir ini dikirim dari situs lain, sehingga Pleno menolaknya demi keamanan akun Anda.
Buka Pleno langsung dari alamatnya lalu ulangi.</p><p><a href="/">Kembali ke beranda</a></p></body></html>`;

/**
 * A state-changing request must come from this site: the Origin's host must be the host the request
 * was sent to (as Remix itself checks, but answered with a page instead of a server error).
 */
function sameOrigin(req: express.Request): boolean {
  if (SAFE_METHODS.has(req.method)) return true;
  const origin = req.get("origin");
  // No Origin (old clients, tools): only a browser's own word that it is cross-site refuses it.
  if (!origin) return req.get("sec-fetch-site") !== "cross-site";
  // "null" is the opaque origin of sandboxed frames and cross-site redirects: never this site.
  if (origin === "null") return false;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return false;
  }
  const host = req.get("x-forwarded-host")?.split(",")[0]?.trim() || req.get("host");
  return originHost === host;
}

const TOO_MANY_PAGE = `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Terlalu banyak permintaan — Pleno</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>Terlalu banyak permintaan</h1><p>Dari alamat Anda datang terlalu banyak permintaan dalam waktu singkat.
Tunggu sebentar, lalu muat ulang halaman ini.</p></body></html>`;

function httpStatusOf(error: unknown): number {
  const e = error as { status?: unknown; statusCode?: unknown } | null;
  const status = Number(e?.status ?? e?.statusCode);
  return Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500;
}

function errorPage(status: number, requestId: string): string {
  const [title, text] =
    status >= 500
      ? ["Terjadi kesalahan pada server", "Permintaan Anda belum dapat diproses. Coba lagi sebentar lagi; bila terus terjadi, sampaikan kode permintaan di bawah kepada admin."]
      : ["Permintaan tidak valid", "Alamat atau isi permintaan ini tidak dapat dibaca. Periksa alamatnya, lalu coba lagi."];
  const id = requestId.replace(/[^A-Za-z0-9-]/g, "");
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${title} — Pleno</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>${title}</h1><p>${text}</p><p>Kode permintaan: <code>${id}</code></p><p><a href="/">Kembali ke beranda</a></p></body></html>`;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function refusalPage(status: number, message: string): string {
  const title = status === 404 ? "Tidak ditemukan" : status === 403 ? "Akses ditolak" : status === 410 ? "Tautan tidak berlaku" : "Permintaan tidak dapat diproses";
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>${title} — Pleno</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem">
<h1>${title}</h1><p>${escapeHtml(message)}</p><p><a href="/">Kembali ke beranda</a></p></body></html>`;
}

/**
 * Downloads (PDF, CSV, ZIP, .ics) are resource routes: when one refuses, Remix sends the refusal as
 * JSON. A browser that opened the link gets the same refusal as a short page in Bahasa Indonesia
 * instead; scripts asking for JSON (and Remix's own data requests) still get JSON.
 */
function friendlyRefusals(req: express.Request, res: express.Response, next: express.NextFunction) {
  const wantsPage = (req.method === "GET" || req.method === "HEAD") && !("_data" in req.query) && (req.get("accept") ?? "").includes("text/html");
  if (!wantsPage) return next();
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => express.Response;
  let held: Buffer[] | null = null;
  const shouldReplace = () =>
    held === null && !res.headersSent && res.statusCode >= 400 && res.statusCode < 500 && String(res.getHeader("content-type") ?? "").includes("application/json");
  const hold = (chunk: unknown) => {
    if (chunk !== undefined && chunk !== null && typeof chunk !== "function") held!.push(Buffer.from(chunk as string | Uint8Array));
  };
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (held === null && shouldReplace()) held = [];
    if (held) {
      hold(chunk);
      return true;
    }
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (held === null && shouldReplace()) held = [];
    if (!held) return end(chunk, ...rest);
    hold(chunk);
    let message = "Permintaan ini tidak dapat dipenuhi.";
    try {
      const parsed = JSON.parse(Buffer.concat(held).toString("utf8")) as { message?: unknown };
      if (typeof parsed.message === "string" && parsed.message) message = parsed.message;
    } catch {
      // not JSON after all: keep the general message
    }
    res.removeHeader("content-length");
    res.setHeader("content-type", "text/html; charset=utf-8");
    return end(refusalPage(res.statusCode, message));
  }) as typeof res.end;
  next();
}

/**
 * A CSP nonce: 128 bits from the system's CSPRNG, cut from a pooled buffer (as Node's
 * randomUUID does) so a page request does not pay for a call into OpenSSL of its own.
 */
const NONCE_BYTES = 16;
const noncePool = Buffer.alloc(NONCE_BYTES * 256);
let nonceOffset = noncePool.length;
export function nextNonce(): string {
  if (nonceOffset >= noncePool.length) {
    randomFillSync(noncePool);
    nonceOffset = 0;
  }
  const nonce = noncePool.toString("base64", nonceOffset, nonceOffset + NONCE_BYTES);
  nonceOffset += NONCE_BYTES;
  return nonce;
}

/**
 * The addresses of the files in public/ outside build/ (which has its own handler), subfolders
 * included, read once at start: a file added later is served after a restart.
 */
export function publicFileAddresses(publicDir: string): Set<string> {
  const files = fs.readdirSync(publicDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
  const addresses = files.map((f) => `/${path.relative(publicDir, path.join(f.parentPath, f.name)).split(path.sep).join("/")}`);
  return new Set(addresses.filter((a) => !a.startsWith("/build/")));
}

/** Public pages reached by token or code: each address gets a bounded number of tries a minute. */
const TOKEN_PATHS = /^\/(tanggapan|verifikasi)(\/|$)/;

export function createApp(build: ServerBuild, publicDir = path.resolve("public")) {
  const app = express();
  app.disable("x-powered-by");
  const trustProxy = trustProxyValue(env().TRUST_PROXY);
  if (trustProxy !== undefined) app.set("trust proxy", trustProxy);

  app.use((req, res, next) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    const nonce = nextNonce();
    const context: RequestContext = { requestId, nonce, ip: req.ip ?? "", log: {} };
    res.locals.context = context;
    res.set({ "X-Request-Id": requestId, ...securityHeaders(nonce) });
    if (env().logRequests) {
      res.on("finish", () => {
        logLine({
          level: "info",
          requestId,
          pid: process.pid,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Number((process.hrtime.bigint() - started) / 10_000n) / 100,
          office: context.log?.office ?? null,
          user: context.log?.user ?? null,
        });
      });
    }
    next();
  });

  // Counted across all server processes (the primary keeps the count when Pleno runs several).
  const tokenPages = sharedRateLimiter(env().TOKEN_RATE_LIMIT, 60_000);
  app.use((req, res, next) => {
    if (!TOKEN_PATHS.test(req.path)) return next();
    Promise.resolve(tokenPages(req.ip ?? "")).then(({ allowed, retryAfterSeconds }) => {
      if (allowed) return next();
      res.status(429).set("Retry-After", String(retryAfterSeconds)).type("html").send(TOO_MANY_PAGE);
    }, next);
  });

  app.use((req, res, next) => {
    if (sameOrigin(req)) return next();
    res.status(403).type("html").send(CROSS_SITE_PAGE);
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
  // Other files in public/ (the favicon): only their own addresses ask the disk, so a page request
  // is not held up by a file lookup that would find nothing.
  const publicFiles = publicFileAddresses(publicDir);
  const publicStatic = express.static(publicDir, { maxAge: "1h", index: false });
  app.use((req, res, next) => (publicFiles.has(req.path) ? publicStatic(req, res, next) : next()));

  app.use(friendlyRefusals);
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV,
      getLoadContext: (_req, res) => res.locals.context as RequestContext,
    }),
  );

  // Anything that fails outside Remix (a malformed address, a broken connection): the stack goes
  // to the log only; the visitor gets a short page in Bahasa Indonesia with the request id.
  app.use((error: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    const context = res.locals.context as RequestContext | undefined;
    const status = httpStatusOf(error);
    if (status >= 500) logError(error, { requestId: context?.requestId, method: req.method, url: req.originalUrl });
    if (res.headersSent) return next(error);
    res.status(status).type("html").send(errorPage(status, context?.requestId ?? "-"));
  });
  return app;
}
