import { describe, expect, it } from "vitest";
import { newContext, signIn, startServerAndBrowser } from "../helpers/browser";

const env = startServerAndBrowser();

describe("foundation flows in Chromium", () => {
  it("an admin creates a secretariat account for KPU Kabupaten Kebumen; the new user signs in", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signIn(page, env.server.url, "admin@pleno.demo");
    await page.goto(`${env.server.url}/admin?q=Kebumen`);
    await page.getByRole("link", { name: "KPU Kabupaten Kebumen" }).click();
    await page.getByRole("heading", { name: "KPU Kabupaten Kebumen" }).waitFor();
    await page.getByLabel("Nama lengkap").fill("Laras Pertiwi");
    await page.getByLabel("E-mail").fill("laras@kebumen.kpu.go.id");
    await page.getByLabel("Kata sandi awal").fill("kebumen-aman-2025");
    await page.getByLabel("Peran").selectOption("secretariat");
    await page.getByRole("button", { name: "Buat akun" }).click();
    await page.getByText("Akun laras@kebumen.kpu.go.id telah dibuat.").waitFor();
    // The message comes with the action; the members table arrives with the reload after it.
    await page.getByRole("cell", { name: "Laras Pertiwi" }).waitFor();
    expect(await page.getByRole("cell", { name: "Laras Pertiwi" }).count()).toBe(1);
    await page.getByRole("button", { name: "Keluar" }).click();
    await page.waitForURL(/\/masuk/);
    await signIn(page, env.server.url, "laras@kebumen.kpu.go.id", "kebumen-aman-2025");
    expect(await page.textContent("main")).toContain("KPU Kabupaten Kebumen");
    await context.close();
  });

  it("a secretariat adds an organisation: a bad WhatsApp number is shown next to the field and the typing is kept", async () => {
    const context = await newContext(env.browser, { phone: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, "sekretariat1.jepara@pleno.demo");
    await page.goto(`${env.server.url}/pemangku-kepentingan/baru`);
    await page.getByLabel("Nama organisasi").fill("Unit Pengelola Rusunawa Jepara");
    await page.getByLabel("Jenis").selectOption("pengelola_rusun");
    await page.getByLabel("Nama kontak").fill("Yoga Pratama");
    await page.getByLabel("Nomor WhatsApp").fill("021-555");
    await page.getByRole("button", { name: "Simpan organisasi" }).click();
    await page.getByText("Nomor WhatsApp tidak valid").waitFor();
    expect(await page.getByLabel("Nama organisasi").inputValue()).toBe("Unit Pengelola Rusunawa Jepara");
    expect(await page.getByLabel("Nama kontak").inputValue()).toBe("Yoga Pratama");
    await page.getByLabel("Nomor WhatsApp").fill("0813-2222-3333");
    await page.getByRole("button", { name: "Simpan organisasi" }).click();
    await page.getByText("Perubahan tersimpan.").waitFor();
    await page.goto(`${env.server.url}/pemangku-kepentingan?q=Rusunawa`);
    expect(await page.textContent("main")).toContain("WhatsApp +6281322223333");
    await context.close();
  });

  it("a secretariat imports a CSV: one bad row is shown, the fixed file is imported", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signIn(page, env.server.url, "sekretariat1.jepara@pleno.demo");
    await page.goto(`${env.server.url}/pemangku-kepentingan/impor`);
    const file = (text: string) => ({ name: "mitra.csv", mimeType: "text/csv", buffer: Buffer.from(text) });
    await page.getByLabel("Berkas CSV").setInputFiles(file("nama,jenis,kontak,whatsapp\nPPK Kecamatan Bangsri,lainnya,Heru,0812-7777-0000\nSMA N 1 Bangsri,sekolah,,\n"));
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    await page.getByText('Jenis "sekolah" tidak dikenal.').waitFor();
    await page.getByLabel("Berkas CSV").setInputFiles(file("nama,jenis,kontak,whatsapp\nPPK Kecamatan Bangsri,lainnya,Heru,0812-7777-0000\nSMA N 1 Bangsri,dinas_pendidikan,,\n"));
    await page.getByRole("button", { name: "Periksa berkas" }).click();
    await page.getByRole("button", { name: "Impor 2 organisasi" }).click();
    await page.getByText("2 organisasi berhasil diimpor.").waitFor();
    await context.close();
  });
});
