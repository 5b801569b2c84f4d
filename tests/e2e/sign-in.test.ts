import { describe, expect, it } from "vitest";
import { newContext, signIn, startServerAndBrowser } from "../helpers/browser";

const env = startServerAndBrowser();

const ROLES = [
  { email: "sekretariat1.jepara@pleno.demo", role: "Sekretariat", sees: "Organisasi pemangku kepentingan" },
  { email: "ketua.jepara@pleno.demo", role: "Komisioner", sees: "Komisioner KPU Kabupaten Jepara" },
  { email: "peserta.jepara@pleno.demo", role: "Peserta", sees: "Bawaslu Kabupaten Jepara" },
  { email: "tamu.cilacap@pleno.demo", role: "Pengunjung", sees: "Belajar dari kantor lain" },
  { email: "admin@pleno.demo", role: "Admin", sees: "Kantor KPU dalam cakupan" },
];

describe("sign in as each demo role", () => {
  for (const r of ROLES) {
    it(`${r.role} sees their dashboard and can sign out`, async () => {
      const context = await newContext(env.browser);
      const page = await context.newPage();
      await signIn(page, env.server.url, r.email);
      expect(await page.textContent("main")).toContain(r.sees);
      await page.getByRole("button", { name: "Keluar" }).click();
      await page.waitForURL(/\/masuk/);
      await page.goto(`${env.server.url}/dasbor`);
      await page.waitForURL(/\/masuk\?redirectTo=%2Fdasbor/);
      await context.close();
    });
  }

  it("a wrong password shows the message next to the form and keeps the e-mail", async () => {
    const context = await newContext(env.browser, { phone: true });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/masuk`);
    await page.getByLabel("E-mail").fill("sekretariat1.jepara@pleno.demo");
    await page.getByLabel("Kata sandi").fill("salah-sekali");
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.getByText("E-mail atau kata sandi salah").waitFor();
    expect(await page.getByLabel("E-mail").inputValue()).toBe("sekretariat1.jepara@pleno.demo");
    await context.close();
  });
});
