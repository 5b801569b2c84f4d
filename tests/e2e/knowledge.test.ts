import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, signIn, type Browser } from "../helpers/browser";
import { startServer, type RunningServer } from "../helpers/server";

let server: RunningServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;

beforeAll(async () => {
  server = await startServer();
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

describe("knowledge sharing in the browser", () => {
  it("searches the library (accents ignored), opens a practice and sees its trend and adopters", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await page.goto(`${server.url}/praktik-baik`);
    await page.getByRole("searchbox", { name: "Cari" }).fill("formulír tanggap");
    await page.getByRole("button", { name: "Cari" }).click();
    await page.getByRole("heading", { name: /1 praktik baik cocok/ }).waitFor();
    const link = page.getByRole("link", { name: /Formulir tanggapan peserta/ });
    expect(await link.locator("mark").first().textContent()).toBe("Formulir");
    await link.click();
    await page.getByRole("heading", { level: 1, name: /Formulir tanggapan peserta/ }).waitFor();
    await page.getByRole("img", { name: /Tren Tingkat data ganda/ }).waitFor();
    expect(await page.getByRole("img", { name: /Tren Tingkat data ganda/ }).textContent()).toContain("mulai Januari 2018");
    expect(await page.locator("section", { hasText: "Kantor yang menerapkan" }).textContent()).toContain("KPU Kabupaten Cilacap");
    await context.close();
  });

  it("compares two offices on the board and highlights the viewer's office", async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    // No script error on the board: on load, hydration, or the client-side navigation below.
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => (m.type() === "error" ? errors.push(m.text()) : undefined));
    await signIn(page, server.url, "sekretariat1.cilacap@pleno.demo");
    await page.goto(`${server.url}/papan?metrik=duplicate_rate`);
    await page.getByRole("heading", { name: /Tingkat data ganda · Triwulan IV 2025/ }).waitFor();
    expect(await page.locator("tr.is-mine").first().textContent()).toContain("KPU Kabupaten Cilacap");
    // The pickers suggest every ranked office by name (one shared list).
    await page.locator("datalist#daftar-kantor option[value='KPU Kabupaten Jepara']").waitFor({ state: "attached" });
    expect(await page.locator("datalist#daftar-kantor option").count()).toBe(514);
    await page.getByLabel("Kantor 1").fill("KPU Kabupaten Jepara");
    await page.getByLabel("Kantor 2").fill("33.01");
    await page.getByLabel("Kantor 3").fill("");
    await page.getByLabel("Kantor 4").fill("");
    await page.getByRole("button", { name: "Bandingkan" }).click();
    await page.waitForURL(/banding=KPU\+Kabupaten\+Jepara&banding=33\.01/);
    const table = page.locator("table", { hasText: "Tren Tingkat data ganda (tabel)" });
    const headers = await table.locator("thead th").allTextContents();
    expect(headers).toEqual(["Periode", "KPU Kabupaten Jepara", "KPU Kabupaten Cilacap"]);
    expect(await table.locator("tbody tr").count()).toBe(20);
    const legend = await page.locator(".chart__legend").textContent();
    expect(legend).toContain("KPU Kabupaten Jepara");
    expect(legend).toContain("KPU Kabupaten Cilacap (kantor Anda)");
    // After the client-side navigation the charts were drawn by the browser, from the same functions.
    expect(await page.locator("figure.chart svg[role=img]").count()).toBe(3);
    expect(errors).toEqual([]);
    // From the best-ranked office to what it shares.
    await page.getByRole("link", { name: /praktik baik/ }).first().click();
    await page.waitForURL(/\/praktik-baik\?kantor=33\.20/);
    await context.close();
  });

  it("fits a 360 px screen: the page does not scroll sideways", async () => {
    const context = await newContext(browser, { phone: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/papan`);
    await page.getByRole("heading", { name: "Peringkat" }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it("writes a visit report without JavaScript, adding a delegation row, and submits it to the host", async () => {
    const context = await newContext(browser, { javaScript: false });
    const page = await context.newPage();
    await page.goto(`${server.url}/masuk`);
    await page.getByLabel("E-mail").fill("tamu.cilacap@pleno.demo");
    await page.getByLabel("Kata sandi").fill("Pleno-Demo-2025");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.goto(`${server.url}/kunjungan/baru`);
    await page.getByLabel("Kantor tuan rumah").selectOption({ label: "KPU Kabupaten Jepara (33.20)" });
    await page.getByLabel("Tanggal kunjungan").fill("2025-06-10");
    await page.getByLabel("Judul laporan").fill("Belajar formulir tanggapan");
    await page.getByLabel("Nama anggota 1").fill("Dwi Handayani");
    await page.getByLabel("Jabatan anggota 1").fill("Staf Subbag Perencanaan, Data dan Informasi");
    await page.getByLabel("Nama anggota 3").fill("Sri Rahayu");
    await page.getByLabel("Jabatan anggota 3").fill("Anggota");
    await page.getByRole("button", { name: "Tambah baris rombongan" }).click();
    await page.getByLabel("Nama anggota 4").fill("Wahyu Hidayat");
    expect(await page.getByLabel("Nama anggota 3").inputValue()).toBe("Sri Rahayu");
    await page.getByLabel("Jabatan anggota 4").fill("Anggota");
    await page.getByLabel("Pertanyaan yang dibawa rombongan").fill("Bagaimana formulir tanggapan dipakai?");
    await page.getByLabel("Paparan tuan rumah").fill("Formulir dibagikan di setiap pleno.");
    await page.getByLabel("Praktik yang diamati").fill("Formulir dilampirkan pada berita acara.");
    await page.getByLabel("Rencana tindak lanjut kantor kami").fill("Menerapkan di pleno berikutnya.");
    await page.getByLabel("Formulir tanggapan dan berita acara").check();
    await page.getByRole("button", { name: "Simpan dan ajukan ke tuan rumah" }).click();
    await page.getByRole("heading", { level: 1, name: "Belajar formulir tanggapan" }).waitFor();
    expect(await page.locator("main").textContent()).toContain("Menunggu konfirmasi tuan rumah");
    const rows = await page.locator("table tbody tr td:nth-child(2)").allTextContents();
    expect(rows).toEqual(["Dwi Handayani", "Sri Rahayu", "Wahyu Hidayat"]);
    await context.close();
  });
});
