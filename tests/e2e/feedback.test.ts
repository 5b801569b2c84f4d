import Database from "better-sqlite3";
import { beforeAll, describe, expect, it } from "vitest";
import { seriousA11yViolations } from "../helpers/a11y";
import { newContext, signIn, type Page, startServerAndBrowser } from "../helpers/browser";

const env = startServerAndBrowser();

/** The secretariat invites two organisations to the next pleno, opens feedback and reads the links. */
async function linksFromSecretariat(): Promise<string[]> {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  await signIn(page, env.server.url, "sekretariat1.jepara@pleno.demo");
  await page.goto(`${env.server.url}/rapat?waktu=akan`);
  await page.locator("table a[href^='/rapat/']").first().click();
  await page.locator("#agenda").waitFor();
  await page.getByRole("link", { name: "Tambah undangan" }).click();
  for (const org of ["Bawaslu Kabupaten Jepara", "DPC PDI Perjuangan Kabupaten Jepara"]) {
    await page.getByLabel("Undang organisasi").selectOption({ label: org });
    await page.getByRole("button", { name: "Undang", exact: true }).click();
    await page.getByRole("cell", { name: org, exact: true }).first().waitFor();
  }
  await page.getByRole("link", { name: "Tanggapan peserta", exact: true }).click();
  await page.getByLabel("Tanggal batas").fill("2099-12-31");
  await page.getByRole("button", { name: "Buka formulir" }).click();
  await page.getByText("Formulir tanggapan dibuka.").waitFor();
  const links = await page.locator("code").allTextContents();
  await context.close();
  return links.map((l) => l.replace(/^https?:\/\/[^/]+/, env.server.url));
}

async function fillPoint(page: Page, i: number, description: string, district = 1) {
  await page.locator(`[name='points.${i}.category']`).selectOption("ganda");
  await page.locator(`[name='points.${i}.districtCode']`).selectOption({ index: district });
  await page.locator(`[name='points.${i}.voters']`).fill("7");
  await page.locator(`[name='points.${i}.description']`).fill(description);
}

describe("the feedback form on a phone", () => {
  let links: string[];
  beforeAll(async () => {
    links = await linksFromSecretariat();
    expect(links.length).toBeGreaterThanOrEqual(2);
  });

  it("with JavaScript: client-side messages, points added and removed, sent, then edited", async () => {
    const context = await newContext(env.browser, { phone: true });
    const page = await context.newPage();
    await page.goto(links[0]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Kirim tanggapan" }).click();
    await page.getByText("Nama wajib diisi.").waitFor();
    expect(page.url()).toBe(links[0]); // nothing was posted
    await page.getByLabel("Nama").fill("Arif Wicaksono");
    await page.getByLabel("Jabatan").fill("Koordinator Divisi Pencegahan");
    await page.getByLabel("Setuju dengan catatan").check();
    await fillPoint(page, 0, "Poin pertama yang akan dihapus.", 2);
    await page.getByRole("button", { name: "Tambah poin" }).click();
    await fillPoint(page, 1, "Tujuh pemilih ganda di desa pertama.");
    const district = page.locator("[name='points.1.districtCode']");
    const districtName = (await district.locator("option:checked").textContent()) ?? "";
    const village = await page.locator(`[name='points.1.villageCode'] optgroup[label='${districtName}'] option`).first().getAttribute("value");
    await page.locator("[name='points.1.villageCode']").selectOption(village!);
    const chosen = await district.inputValue();
    // Removing the first point keeps what was chosen in the one after it.
    await page.getByRole("button", { name: "Hapus poin 1" }).click();
    expect(await page.locator("fieldset.point").count()).toBe(1);
    expect(await page.locator("[name='points.0.districtCode']").inputValue()).toBe(chosen);
    expect(await page.locator("[name='points.0.villageCode']").inputValue()).toBe(village);
    expect(await page.locator("[name='points.0.description']").inputValue()).toBe("Tujuh pemilih ganda di desa pertama.");
    await page.getByRole("button", { name: "Kirim tanggapan" }).click();
    await page.getByText("Tanggapan Anda telah diterima").waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    // Edit before the deadline: the form comes back filled in, kecamatan and desa too.
    expect(await page.getByLabel("Nama").inputValue()).toBe("Arif Wicaksono");
    expect(await page.locator("[name='points.0.districtCode']").inputValue()).toBe(chosen);
    expect(await page.locator("[name='points.0.villageCode']").inputValue()).toBe(village);
    await page.locator("[name='points.0.voters']").fill("9");
    await page.getByRole("button", { name: "Tambah poin" }).click();
    await fillPoint(page, 1, "Poin kedua pada perubahan.", 3);
    const second = await page.locator("[name='points.1.districtCode']").inputValue();
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await page.getByText("versi 2").waitFor();
    // Both points come back with their own kecamatan; removing the first leaves the second's as it was.
    expect(await page.locator("[name='points.0.districtCode']").inputValue()).toBe(chosen);
    expect(await page.locator("[name='points.1.districtCode']").inputValue()).toBe(second);
    await page.getByRole("button", { name: "Hapus poin 1" }).click();
    expect(await page.locator("[name='points.0.districtCode']").inputValue()).toBe(second);
    expect(await page.locator("[name='points.0.description']").inputValue()).toBe("Poin kedua pada perubahan.");
    await context.close();
  });

  it("without JavaScript: the server checks, keeps everything typed and saves", async () => {
    const context = await newContext(env.browser, { phone: true, javaScript: false });
    const page = await context.newPage();
    await page.goto(links[1]);
    await page.getByLabel("Jabatan").fill("Sekretaris DPC");
    await fillPoint(page, 0, "Data perbaikan alamat belum masuk.");
    const chosen = await page.locator("[name='points.0.districtCode']").inputValue();
    await page.getByRole("button", { name: "Tambah poin" }).click();
    await page.locator("[name='points.1.description']").waitFor();
    expect(await page.getByLabel("Jabatan").inputValue()).toBe("Sekretaris DPC");
    expect(await page.locator("[name='points.0.districtCode']").inputValue()).toBe(chosen);
    expect(await page.locator("[name='points.0.description']").inputValue()).toBe("Data perbaikan alamat belum masuk.");
    await fillPoint(page, 1, "Poin kedua tanpa JavaScript.");
    await page.getByRole("button", { name: "Kirim tanggapan" }).click();
    await page.getByText("Nama wajib diisi.").waitFor();
    expect(await page.locator("[name='points.1.description']").inputValue()).toBe("Poin kedua tanpa JavaScript.");
    await page.getByLabel("Nama").fill("Sri Mulyani");
    await page.getByLabel("Setuju", { exact: true }).check();
    await page.getByRole("button", { name: "Kirim tanggapan" }).click();
    await page.getByText("Tanggapan Anda telah diterima").waitFor();
    await context.close();
    const db = new Database(env.server.dbFile, { readonly: true });
    const n = db.prepare("select count(*) n from feedback_points p join feedback_submissions s on s.id = p.submission_id where s.responder_name = 'Sri Mulyani'").get() as { n: number };
    db.close();
    expect(n.n).toBe(2);
  });
});
