import { afterAll, beforeAll } from "vitest";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { DEMO_PASSWORD } from "../../db/seed";

const EXECUTABLE = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * Debian's Chromium, headless, with the flags this sandbox needs. Playwright starts it with a fresh
 * temporary --user-data-dir of its own (it refuses one passed in `args`), removed on close.
 * Each test opens its own context (`newContext`) so cookies never leak between tests.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: EXECUTABLE,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

/** A fresh context: Indonesian locale, the office's zone, optionally a phone-sized window. */
export function newContext(browser: Browser, options: { phone?: boolean; javaScript?: boolean } = {}) {
  return browser.newContext({
    locale: "id-ID",
    timezoneId: "Asia/Jakarta",
    javaScriptEnabled: options.javaScript ?? true,
    viewport: options.phone ? { width: 360, height: 740 } : { width: 1280, height: 900 },
  });
}

export type { Browser, BrowserContext, Page };

/** Signs in through the real form and waits until the dashboard has rendered. */
export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/masuk`);
  await page.getByLabel("E-mail").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
}

/**
 * One server (on a copy of the seeded database) and one Chromium for a test file, started before
 * its tests and stopped after them. Read `.server` and `.browser` inside the tests.
 */
export function startServerAndBrowser(env: Record<string, string> = {}) {
  const state = {} as { server: import("./server").RunningServer; browser: Browser; close: () => Promise<void> };
  beforeAll(async () => {
    const { startServer } = await import("./server");
    state.server = await startServer(env);
    const launched = await launchBrowser();
    state.browser = launched.browser;
    state.close = launched.close;
  });
  afterAll(async () => {
    await state.close?.();
    await state.server?.stop();
  });
  return state;
}
