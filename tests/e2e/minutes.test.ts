import path from "node:path";
import { describe, expect, it } from "vitest";
import { newContext, signIn, startServerAndBrowser } from "../helpers/browser";
import { pdfText } from "../helpers/pdf";

const env = startServerAndBrowser();
const LOGO = path.resolve("tests/fixtures/logo.png");

describe("berita acara in Chromium", () => {
  it("a secretariat drafts a berita acara, saves the notes twice, compares the versions and downloads the PDF", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signIn(page, env.server.url, "sekretariat1.jepara@pleno.demo");
    await page.goto(`${env.server.url}/rapat?jenis=open_quarterly&waktu=lalu`);
    await page.locator("table a[href^='/rapat/']").first().click();
    await page.getByRole("button", { name: "Buat draf berita acara" }).click();
    await page.waitForURL(/\/berita-acara\/\d+$/);
    const h1 = page.getByRole("heading", { level: 1, name: /^Berita acara / });
    await h1.waitFor();
    const heading = (await h1.textContent())!;
    const number = heading.replace("Berita acara ", "").trim();
    expect(number).toMatch(/^\d+\/PL\.01\.2-BA\/3320\/KPU-Kab\/[IVX]+\/\d{4}$/);
    expect(await page.locator(".document").textContent()).toContain("Demikian berita acara ini dibuat");

    const notes = page.getByRole("textbox", { name: "Catatan rapat" });
    await notes.fill("Rapat dibuka oleh Ketua pukul 09.00 WIB.\nBawaslu meminta data pemilih ganda per desa.");
    await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
    await page.getByText("Versi baru tersimpan.").waitFor();
    expect(await page.locator(".lead").first().textContent()).toContain("versi 2");
    expect(await page.locator(".document").textContent()).toContain("Bawaslu meminta data pemilih ganda per desa.");

    await notes.fill("Rapat dibuka oleh Ketua pukul 09.00 WIB.\nBawaslu meminta data pemilih ganda per kecamatan dan per desa.");
    await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
    await page.waitForFunction(() => document.querySelector(".lead")?.textContent?.includes("versi 3"));

    await page.getByRole("link", { name: "bandingkan dengan versi 2" }).click();
    const diff = page.locator("#banding");
    await diff.waitFor();
    expect(await diff.getByRole("heading").textContent()).toContain("Perbedaan versi 2 → 3");
    expect(await diff.locator(".diff-removed").allTextContents()).toEqual(["− Bawaslu meminta data pemilih ganda per desa.\n"]);
    expect(await diff.locator(".diff-added").allTextContents()).toEqual(["+ Bawaslu meminta data pemilih ganda per kecamatan dan per desa.\n"]);
    expect(await diff.textContent()).toContain("Rapat dibuka oleh Ketua pukul 09.00 WIB.");

    const href = await page.getByRole("link", { name: "Unduh PDF" }).getAttribute("href");
    const response = await page.request.get(`${env.server.url}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("application/pdf");
    const pdf = await response.body();
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const text = pdfText(pdf).join("\n").replace(/\s+/g, " ");
    expect(text).toContain(number);
    expect(text).toContain("Bawaslu meminta data pemilih ganda per kecamatan dan per desa.");
    await context.close();
  });

  it("a secretariat uploads the office logo, sees it previewed and in the kop, refuses a fake image, then removes it", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signIn(page, env.server.url, "sekretariat1.cilacap@pleno.demo");
    await page.goto(`${env.server.url}/rapat`);
    await page.getByRole("link", { name: "Pengaturan dokumen" }).click();
    await page.getByRole("heading", { level: 1, name: "Pengaturan dokumen" }).waitFor();

    // Text named .png is refused next to the field, in Bahasa Indonesia.
    await page.getByLabel("Unggah logo").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("bukan gambar") });
    await page.getByRole("button", { name: "Simpan logo" }).click();
    await page.getByText("Berkas bukan gambar PNG atau JPG.").waitFor();

    await page.getByLabel("Unggah logo").setInputFiles(LOGO);
    await page.getByRole("button", { name: "Simpan logo" }).click();
    await page.getByText(/Logo disimpan \(240 × 260 piksel\)/).waitFor();
    const preview = page.getByRole("img", { name: /^Logo KPU Kabupaten Cilacap/ });
    await preview.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>(".logo-preview img");
      return img?.complete && img.naturalWidth > 0;
    });
    expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);

    // F4 paper for every document.
    await page.getByLabel("F4 / folio (215 × 330 mm)").check();
    await page.getByRole("button", { name: "Simpan ukuran kertas" }).click();
    await page.getByText("Ukuran kertas F4 disimpan untuk semua dokumen kantor.").waitFor();
    expect(await page.getByLabel("F4 / folio (215 × 330 mm)").isChecked()).toBe(true);

    // The web view of a berita acara shows the logo in its kop.
    await page.goto(`${env.server.url}/berita-acara/templat?nama=berita-acara-pleno-terbuka`);
    const kopLogo = page.locator(".document__kop img");
    await kopLogo.waitFor();
    await page.waitForFunction(() => (document.querySelector<HTMLImageElement>(".document__kop img")?.naturalWidth ?? 0) > 0);
    expect(await kopLogo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);

    await page.goto(`${env.server.url}/pengaturan/dokumen`);
    await page.getByRole("button", { name: "Hapus logo" }).click();
    await page.getByText("Logo dihapus dari kop dokumen.").waitFor();
    expect(await page.getByRole("img", { name: /^Logo KPU/ }).count()).toBe(0);
    await context.close();
  });
});
