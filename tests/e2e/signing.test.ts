import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed";
import { newContext, signIn, startServerAndBrowser, type Page } from "../helpers/browser";

const env = startServerAndBrowser();
const COMMISSIONERS = ["ketua.jepara@pleno.demo", "anggota1.jepara@pleno.demo", "anggota2.jepara@pleno.demo", "anggota3.jepara@pleno.demo", "anggota4.jepara@pleno.demo"];

async function asUser<T>(email: string, work: (page: Page) => Promise<T>): Promise<T> {
  const context = await newContext(env.browser);
  const page = await context.newPage();
  try {
    await signIn(page, env.server.url, email);
    return await work(page);
  } finally {
    await context.close();
  }
}

describe("signing in Chromium", () => {
  it("commissioners sign, one refuses, the draft is corrected, all sign, and the verification page shows the sealed document", async () => {
    // The secretariat makes the draft of a held pleno and submits it.
    const minutesUrl = await asUser("sekretariat1.jepara@pleno.demo", async (page) => {
      await page.goto(`${env.server.url}/rapat?jenis=open_quarterly&waktu=lalu`);
      await page.locator("table a[href^='/rapat/']").first().click();
      await page.getByRole("button", { name: "Buat draf berita acara" }).click();
      await page.waitForURL(/\/berita-acara\/\d+$/);
      await page.getByRole("button", { name: "Ajukan kepada komisioner" }).click();
      await page.getByText("Draf diajukan kepada komisioner yang hadir").waitFor();
      return page.url().replace(/\?.*$/, "");
    });

    // The first commissioner signs from the dashboard; a wrong password is refused next to the field.
    await asUser(COMMISSIONERS[1], async (page) => {
      await page.getByRole("link", { name: /Berita acara menunggu tanda tangan Anda/ }).click();
      await page.getByRole("heading", { level: 1, name: /Tinjau dan tandatangani/ }).waitFor();
      await page.getByLabel("Kata sandi").fill("bukan-sandi-saya");
      await page.getByRole("button", { name: /Tandatangani versi/ }).click();
      await page.getByText("Kata sandi salah. Tanda tangan tidak dicatat.").waitFor();
      await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: /Tandatangani versi/ }).click();
      await page.getByText("Tanda tangan Anda tercatat.").waitFor();
    });

    // The second refuses with a reason: back to draft, the first signature is void.
    await asUser(COMMISSIONERS[2], async (page) => {
      await page.goto(`${minutesUrl}/tanda-tangan`);
      await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
      await page.getByLabel(/Alasan penolakan/).fill("Catatan rapat belum menyebut tanggapan Bawaslu.");
      await page.getByRole("button", { name: "Tolak dengan alasan" }).click();
      await page.getByText(/Penolakan Anda tercatat/).waitFor();
      expect(await page.textContent("main")).toContain("Draf");
    });

    // The secretariat corrects the notes and submits the new version.
    await asUser("sekretariat1.jepara@pleno.demo", async (page) => {
      await page.goto(minutesUrl);
      await page.getByRole("textbox", { name: "Catatan rapat" }).fill("Bawaslu menyampaikan tanggapan tentang pemilih ganda; ditindaklanjuti.");
      await page.getByRole("button", { name: "Simpan sebagai versi baru" }).click();
      await page.getByText("Versi baru tersimpan.").waitFor();
      await page.getByRole("button", { name: "Ajukan kepada komisioner" }).click();
      await page.getByText("Draf diajukan kepada komisioner yang hadir").waitFor();
    });

    // Everyone present signs; the last signature seals.
    let sealedMessage = "";
    for (const email of COMMISSIONERS) {
      await asUser(email, async (page) => {
        await page.goto(`${minutesUrl}/tanda-tangan`);
        await page.getByRole("heading", { level: 1 }).waitFor();
        const sign = page.getByRole("button", { name: /Tandatangani versi/ });
        if ((await sign.count()) === 0) return; // absent from this meeting
        await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
        await sign.click();
        await page.getByText(/Tanda tangan Anda tercatat/).waitFor();
        sealedMessage = (await page.textContent("main")) ?? "";
      });
    }
    expect(sealedMessage).toContain("berita acara telah disegel dan diterbitkan");

    // Anyone can open the verification page from the link and check the file.
    await asUser("sekretariat1.jepara@pleno.demo", async (page) => {
      await page.goto(minutesUrl);
      await page.getByRole("link", { name: "Halaman verifikasi" }).click();
      await page.waitForURL(/\/verifikasi\/[A-Za-z0-9_-]{20}$/);
      // Client-side navigation: the address changes a moment before the new page renders.
      await page.getByRole("heading", { level: 1, name: "Verifikasi berita acara" }).waitFor();
      const main = (await page.textContent("main")) ?? "";
      expect(main).toContain("berlaku");
      expect(main).toContain("KPU Kabupaten Jepara");
      expect(main).toMatch(/SHA-256 berkas[0-9a-f]{64}/);
      const pdf = await page.request.get(`${page.url()}.pdf`);
      expect(pdf.headers()["content-type"]).toBe("application/pdf");
      await page.getByLabel(/Berkas PDF/).setInputFiles({ name: "ba.pdf", mimeType: "application/pdf", buffer: Buffer.from(await pdf.body()) });
      await page.getByRole("button", { name: "Cocokkan" }).click();
      await page.getByText("Cocok: berkas Anda sama persis").waitFor();
    });
  });
});
