import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed";
import { startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ LOG_REQUESTS: "1", TOKEN_RATE_LIMIT: "5" });
});
afterAll(async () => {
  await server?.stop();
});

describe("the HTTP server", () => {
  it("sends security headers with a fresh CSP nonce on every page", async () => {
    const a = await fetch(`${server.url}/masuk`);
    const b = await fetch(`${server.url}/masuk`);
    const csp = a.headers.get("Content-Security-Policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    expect(csp).toMatch(/frame-ancestors 'none'/);
    expect(b.headers.get("Content-Security-Policy")).not.toBe(csp);
    expect(a.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(a.headers.get("Referrer-Policy")).toBe("strict-origin-when-cross-origin");
    expect(a.headers.get("Strict-Transport-Security")).toBeNull(); // demo mode serves plain http
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    const html = await a.text();
    // Every inline script carries this response's nonce.
    const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s[1]).toContain(`nonce="${nonce}"`);
    // The page is sent as UTF-8 bytes (app/entry.server.tsx): the dashes of the title arrive whole.
    expect(a.headers.get("Content-Type")).toBe("text/html; charset=utf-8");
    expect(html).toContain("<title>Masuk — Pleno</title>");
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
  });

  it("serves the favicon from public/", async () => {
    const r = await fetch(`${server.url}/favicon.svg`);
    expect(r.status).toBe(200);
    expect(r.headers.get("Content-Type")).toMatch(/^image\/svg\+xml/);
  });

  it("a refused download opened in the browser is a short page in Bahasa Indonesia, JSON for scripts", async () => {
    const signIn = await fetch(`${server.url}/masuk`, {
      method: "POST",
      body: new URLSearchParams({ email: "sekretariat1.jepara@pleno.demo", password: DEMO_PASSWORD }),
      headers: { Origin: server.url },
      redirect: "manual",
    });
    const Cookie = signIn.headers.get("set-cookie")!.split(";")[0];
    // A berita acara that is not this office's (or does not exist): the PDF link is refused.
    const url = `${server.url}/berita-acara/999999.pdf`;
    const page = await fetch(url, { headers: { Cookie, Accept: "text/html,application/xhtml+xml,*/*;q=0.8" } });
    expect(page.status).toBe(404);
    expect(page.headers.get("Content-Type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain("<h1>Tidak ditemukan</h1>");
    expect(html).toContain("tidak ditemukan");
    expect(html).not.toContain("{");
    const script = await fetch(url, { headers: { Cookie, Accept: "application/json" } });
    expect(script.status).toBe(404);
    expect(await script.json()).toHaveProperty("message");
  });

  it("answers /healthz with the database state", async () => {
    const r = await fetch(`${server.url}/healthz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: "ok", database: "ok" });
  });

  it("writes one JSON log line per request with method, path, status, duration, request id, office and user", async () => {
    const signIn = await fetch(`${server.url}/masuk`, {
      method: "POST",
      body: new URLSearchParams({ email: "sekretariat1.jepara@pleno.demo", password: DEMO_PASSWORD }),
      headers: { Origin: server.url },
      redirect: "manual",
    });
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0];
    const r = await fetch(`${server.url}/dasbor`, { headers: { Cookie: cookie } });
    expect(r.status).toBe(200);
    const id = r.headers.get("X-Request-Id");
    await new Promise((resolve) => setTimeout(resolve, 100));
    const line = server
      .output()
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.requestId === id);
    expect(line).toMatchObject({ method: "GET", path: "/dasbor", status: 200, office: "33.20", level: "info" });
    expect(typeof line!.user).toBe("number");
    expect(typeof line!.ms).toBe("number");
  });

  it("refuses a cross-site POST", async () => {
    const r = await fetch(`${server.url}/masuk`, {
      method: "POST",
      body: new URLSearchParams({ email: "x@y.id", password: "x" }),
      headers: { Origin: "https://evil.example" },
      redirect: "manual",
    });
    expect(r.status).toBe(403);
  });

  it("limits tries on token pages per address, with a friendly page", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await fetch(`${server.url}/tanggapan/tebakan-${i}`)).status);
    expect(statuses.slice(0, 5).every((s) => s !== 429)).toBe(true);
    const last = await fetch(`${server.url}/verifikasi/abc`);
    expect(last.status).toBe(429);
    expect(last.headers.get("Retry-After")).toMatch(/^\d+$/);
    expect(await last.text()).toContain("Terlalu banyak permintaan");
  });

  it("answers malformed addresses with a short page, never a stack trace (even without NODE_ENV)", async () => {
    // Express shows stacks on its own error page unless NODE_ENV=production; Pleno's handler never does.
    const bare = await startServer({ NODE_ENV: "" });
    try {
      for (const path of ["/build/%E0%A4%A", "/%E0%A4%A"]) {
        const r = await fetch(`${bare.url}${path}`);
        expect(r.status, path).toBe(400);
        const body = await r.text();
        expect(body).toContain("Permintaan tidak valid");
        expect(body).toMatch(/Kode permintaan: <code>[0-9a-f-]{36}<\/code>/);
        expect(body).not.toMatch(/at \w+ \(|node_modules|URIError/);
      }
    } finally {
      await bare.stop();
    }
    for (const path of ["/build/%E0%A4%A", "/%E0%A4%A", "/rapat/%c0%ae%c0%ae", "/tanggapan/%ff", "/%2e%2e/%2e%2e/etc/passwd", "/build/..%2f..%2fpackage.json"]) {
      const r = await fetch(`${server.url}${path}`);
      expect(r.status, path).toBeLessThan(500);
      const body = await r.text();
      expect(body, path).not.toMatch(/at \w+ \(|node_modules|URIError|\.js:\d+/);
      expect(body, path).not.toContain('"name": "pleno"');
    }
  });
});
