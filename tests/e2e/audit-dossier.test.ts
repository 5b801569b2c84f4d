import fs from "node:fs";
import { createHash } from "node:crypto";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { newContext, signIn, startServerAndBrowser } from "../helpers/browser";

const env = startServerAndBrowser();

describe("audit log and meeting dossier in Chromium", () => {
  it("the berita acara page shows each action in its audit table; the meeting's ZIP holds every file with matching sums", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signIn(page, env.server.url, "sekretariat1.jepara@pleno.demo");
    await page.goto(`${env.server.url}/rapat?jenis=open_quarterly&waktu=lalu`);
    await page.locator("table a[href^='/rapat/']").first().click();
    await page.locator("#agenda").waitFor();
    const meetingUrl = page.url();
    await page.getByRole("button", { name: "Buat draf berita acara" }).click();
    await page.waitForURL(/\/berita-acara\/\d+/);
    await page.getByRole("heading", { name: "Jejak audit" }).waitFor();
    const audit = page.getByRole("region", { name: /Jejak audit/ }).locator("tbody tr");
    expect(await audit.count()).toBe(2);
    expect(await audit.nth(0).textContent()).toContain("Dibuat");
    expect(await audit.nth(1).textContent()).toMatch(/Diberi nomor \(nomor \d{2}\/PL/);

    await page.getByRole("textbox", { name: "Catatan rapat" }).fill("Rapat berjalan tertib.");
    await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
    await page.getByText("Versi baru tersimpan.").waitFor();
    expect(await audit.count()).toBe(3);
    expect(await audit.nth(2).textContent()).toContain("Disunting (versi 2)");
    const minutesUrl = page.url().split("?")[0];

    await page.goto(meetingUrl);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Unduh berkas rapat (ZIP)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^berkas-rapat-3320-.+\.zip$/);
    const files = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
    const manifest = JSON.parse(new TextDecoder().decode(files["manifest.json"])) as { berkas: { nama: string; sha256: string }[] };
    expect(manifest.berkas.length).toBeGreaterThanOrEqual(6);
    for (const f of manifest.berkas) expect(createHash("sha256").update(files[f.nama]).digest("hex")).toBe(f.sha256);
    expect(Object.keys(files).some((n) => n.startsWith("06-berita-acara-"))).toBe(true);

    // A meeting with nothing to gather sends the user back here with this message.
    await page.goto(`${meetingUrl}?berkas=kosong`);
    expect(await page.getByRole("alert").textContent()).toContain("Berkas rapat belum dapat diunduh");

    await page.goto(minutesUrl);
    await page.getByRole("heading", { name: "Jejak audit" }).waitFor();
    expect(await audit.last().textContent()).toMatch(/Diunduh \(versi 2, berkas-rapat-.+\.zip\)/);
    await context.close();
  });

  it("on a 360 px phone the audit table scrolls inside its frame, not the page", async () => {
    // The first test made the berita acara of this meeting.
    const context = await newContext(env.browser, { phone: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, "ketua.jepara@pleno.demo");
    await page.goto(`${env.server.url}/rapat?jenis=open_quarterly&waktu=lalu`);
    await page.locator("table a[href^='/rapat/']").first().click();
    await page.getByRole("link", { name: /^Berita acara / }).click();
    await page.waitForURL(/\/berita-acara\/\d+/);
    await page.getByRole("heading", { name: "Jejak audit" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });
});
