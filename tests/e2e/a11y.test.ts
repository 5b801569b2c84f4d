import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { seriousA11yViolations } from "../helpers/a11y";
import { newContext, signIn, startServerAndBrowser } from "../helpers/browser";

const env = startServerAndBrowser();
const LOGO = resolve("tests/fixtures/logo.png");

/** Main pages per account; each capability adds its pages here. */
const PAGES: { who: string | null; paths: string[] }[] = [
  { who: null, paths: ["/masuk", "/halaman-yang-tidak-ada", "/tentang", "/papan", "/papan?metrik=dpb&hal=2", "/praktik-baik?q=koordinasi", "/kunjungan"] },
  { who: null, paths: ["/berita-acara", "/berita-acara?periksa=1", "/verifikasi", "@verify", "/verifikasi/AAAAAAAAAAAAAAAAAAAA"] },
  {
    who: "sekretariat1.jepara@pleno.demo",
    paths: [
      "/dasbor",
      "/pemangku-kepentingan",
      "/pemangku-kepentingan/baru",
      "/pemangku-kepentingan/impor",
      "/akun",
      "/rapat",
      "/rapat?tampilan=kalender&bulan=2025-12",
      "/rapat/baru",
      "/rapat/seri",
      "@first-meeting",
      "@meeting-feedback",
      "/rapat/kotak-keluar",
      "@first-organisation",
      "/rekap",
      "@first-recap",
      "/rekap/impor",
      "/rekap/masukan-data",
      "/rekap/kategori-tms",
      "@minutes",
      "@submitted-minutes",
      "/berita-acara/templat",
      "/kunjungan/baru",
      "/praktik-baik/baru",
      "/berita-acara/templat?nama=undangan",
      "/berita-acara/templat?nama=daftar-hadir",
      "/pengaturan/dokumen",
      "@logo",
    ],
  },
  { who: "ketua.jepara@pleno.demo", paths: ["/dasbor", "/rapat", "@sign"] },
  { who: "peserta.jepara@pleno.demo", paths: ["/dasbor"] },
  { who: "admin@pleno.demo", paths: ["/dasbor", "/admin", "@first-office", "/admin/pengguna", "@first-user", "/admin/metrik", "/papan/pemantauan"] },
];

describe("accessibility (axe-core): no serious or critical violation", () => {
  for (const group of PAGES) {
    for (const phone of [false, true]) {
      it(`${group.who ?? "anonymous"} ${phone ? "on a 360 px phone" : "on a desktop"}: ${group.paths.join(", ")}`, async () => {
        const context = await newContext(env.browser, { phone });
        const page = await context.newPage();
        if (group.who) await signIn(page, env.server.url, group.who);
        const problems: string[] = [];
        for (const path of group.paths) {
          if (path === "@first-meeting") {
            // A meeting of the user's own office, reached as a user would: from the list.
            await page.goto(`${env.server.url}/rapat?waktu=lalu`);
            await page.locator("table a[href^='/rapat/']").first().click();
            await page.locator("#agenda").waitFor();
          } else if (path === "@meeting-feedback") {
            // The feedback overview of a held meeting, from its page.
            await page.goto(`${env.server.url}/rapat?jenis=open_quarterly&waktu=lalu`);
            await page.locator("table a[href^='/rapat/']").first().click();
            await page.locator("a[href$='/tanggapan']").first().click();
            await page.waitForURL(/\/rapat\/\d+\/tanggapan/);
            await page.locator("main h1").waitFor();
          } else if (path === "@first-organisation") {
            await page.goto(`${env.server.url}/pemangku-kepentingan`);
            await page.locator("main table a[href^='/pemangku-kepentingan/']").first().click();
            await page.waitForURL(/\/pemangku-kepentingan\/\d+/);
            await page.locator("main h1").waitFor();
          } else if (path === "@first-office" || path === "@first-user") {
            const [list, prefix] = path === "@first-office" ? ["/admin", "/admin/kantor/"] : ["/admin/pengguna", "/admin/pengguna/"];
            await page.goto(`${env.server.url}${list}`);
            await page.locator(`main table a[href^='${prefix}']`).first().click();
            await page.waitForURL(new RegExp(`${prefix}\\d+`));
            await page.locator("main h1").waitFor();
          } else if (path === "@minutes") {
            // Make the draft berita acara of a held meeting and look at it.
            await page.goto(`${env.server.url}/rapat?jenis=open_quarterly&waktu=lalu`);
            await page.locator("table a[href^='/rapat/']").first().click();
            await page.getByRole("button", { name: "Buat draf berita acara" }).or(page.getByRole("link", { name: /^Berita acara / })).first().click();
            await page.waitForURL(/\/berita-acara\/\d+/);
            await page.locator(".document").waitFor();
          } else if (path === "@logo") {
            // The settings page with a logo uploaded (its preview) and an upload refused (the error).
            await page.goto(`${env.server.url}/pengaturan/dokumen`);
            if ((await page.locator(".logo-preview").count()) === 0) {
              await page.locator("#f-logo").setInputFiles(LOGO);
              await page.getByRole("button", { name: "Simpan logo" }).click();
              await page.locator(".logo-preview img").waitFor();
            }
            await page.locator("#f-logo").setInputFiles({ name: "x.png", mimeType: "image/png", buffer: Buffer.from("x") });
            await page.getByRole("button", { name: "Simpan logo" }).click();
            await page.locator("#logo-error").waitFor();
          } else if (path === "@submitted-minutes") {
            // The same berita acara submitted for signature: signatories, reminders, scan upload.
            const submit = page.getByRole("button", { name: "Ajukan kepada komisioner" });
            if (await submit.count()) {
              await submit.click();
              await page.getByText("Draf diajukan kepada komisioner yang hadir").waitFor();
            }
            await page.locator("#signers-title").waitFor();
          } else if (path === "@sign") {
            await page.goto(`${env.server.url}/dasbor`);
            await page.getByRole("link", { name: /Berita acara menunggu tanda tangan Anda/ }).click();
            await page.getByRole("heading", { level: 1, name: /Tinjau dan tandatangani/ }).waitFor();
          } else if (path === "@verify") {
            await page.goto(`${env.server.url}/berita-acara`);
            await page.getByRole("link", { name: /^Verifikasi \d/ }).first().click();
            await page.waitForURL(/\/verifikasi\/[A-Za-z0-9_-]{20}$/);
            await page.getByRole("heading", { level: 1, name: "Verifikasi berita acara" }).waitFor();
          } else if (path === "@first-recap") {
            await page.goto(`${env.server.url}/rekap`);
            await page.locator("main table a[href^='/rekap/']").first().click();
            await page.waitForURL(/\/rekap\/\d+/);
            await page.locator("main h1").waitFor();
          } else await page.goto(`${env.server.url}${path}`);
          for (const v of await seriousA11yViolations(page)) problems.push(`${path}: ${v}`);
        }
        await context.close();
        expect(problems).toEqual([]);
      });
    }
  }

  it("the sign-in form is usable by keyboard alone, with a visible focus", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/masuk`);
    await page.keyboard.press("Tab"); // skip link
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Langsung ke isi");
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe("none");
    await page.getByLabel("E-mail").focus();
    await page.keyboard.type("sekretariat1.jepara@pleno.demo");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Pleno-Demo-2025");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();
    await context.close();
  });

  /**
   * Tabs through every focusable element of the page (until focus leaves the page or comes back),
   * recording each and whether its focus is visible: an outline of some width, or a box shadow.
   */
  async function tabThrough(page: import("playwright-core").Page) {
    const stops: { label: string; visible: boolean }[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
        const shadow = style.boxShadow !== "none";
        const label = `${el.tagName.toLowerCase()}${el.getAttribute("name") ? `[name=${el.getAttribute("name")}]` : ""} ${(el.textContent || el.getAttribute("aria-label") || "").trim().slice(0, 40)}`;
        return { label, visible: outline || shadow };
      });
      if (!stop) break;
      if (stops.length && stop.label === stops[0].label) break;
      stops.push(stop);
    }
    return stops;
  }

  it("Tab reaches every control of the sign-in page and the dashboard, each with a visible focus; sign-in works by keyboard alone", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await page.goto(`${env.server.url}/masuk`);
    const signInStops = await tabThrough(page);
    expect(signInStops.filter((s) => !s.visible).map((s) => s.label)).toEqual([]);
    const labels = signInStops.map((s) => s.label);
    expect(labels[0]).toContain("Langsung ke isi");
    expect(labels.some((l) => l.startsWith("input[name=email]"))).toBe(true);
    expect(labels.some((l) => l.startsWith("input[name=password]"))).toBe(true);
    expect(labels.some((l) => l.startsWith("button") && l.includes("Masuk"))).toBe(true);
    // Order: e-mail, then password, then the button.
    const at = (prefix: string) => labels.findIndex((l) => l.startsWith(prefix));
    expect(at("input[name=email]")).toBeLessThan(at("input[name=password]"));

    // Sign in with the keyboard only: Tab to the e-mail field, type, Tab, type, Enter.
    await page.goto(`${env.server.url}/masuk`);
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.getAttribute("name") === "email")) break;
    }
    await page.keyboard.type("sekretariat1.jepara@pleno.demo");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("password");
    await page.keyboard.type("Pleno-Demo-2025");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: /Selamat datang/ }).waitFor();

    await page.goto(`${env.server.url}/dasbor`);
    const dashboardStops = await tabThrough(page);
    expect(dashboardStops.filter((s) => !s.visible).map((s) => s.label)).toEqual([]);
    const dashboardLabels = dashboardStops.map((s) => s.label);
    expect(dashboardLabels[0]).toContain("Langsung ke isi");
    // The navigation, the sign-out button and the dashboard's own links are all reached.
    expect(dashboardLabels.some((l) => l.startsWith("a") && l.includes("Rapat"))).toBe(true);
    expect(dashboardLabels.some((l) => l.startsWith("button") && l.includes("Keluar"))).toBe(true);
    expect(dashboardLabels.some((l) => l.includes("Rapat akan datang"))).toBe(true);

    // Enter on the skip link moves focus to the main content.
    await page.goto(`${env.server.url}/dasbor`);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("isi");
    await context.close();
  });
});
