import { describe, expect, it } from "vitest";
import { newContext, signIn, startServerAndBrowser } from "../helpers/browser";

const env = startServerAndBrowser();

describe("meetings in Chromium", () => {
  it("a secretariat schedules a meeting, builds its agenda, invites two organisations and records the roll call", async () => {
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signIn(page, env.server.url, "sekretariat1.cilacap@pleno.demo");
    // The main menu prefetches the page the pointer rests on, and navigates client-side.
    const menu = page.getByRole("navigation", { name: "Menu utama" });
    await page.evaluate(() => ((window as unknown as { stayed?: boolean }).stayed = true));
    await menu.getByRole("link", { name: "Rekap DPB", exact: true }).hover();
    await page.waitForFunction(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel="prefetch"]')].some((l) => l.href.includes("rekap")));
    await menu.getByRole("link", { name: "Rapat", exact: true }).click();
    await page.waitForURL(/\/rapat$/);
    await page.getByRole("heading", { level: 1 }).first().waitFor();
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await menu.getByRole("link", { name: "Rapat", exact: true }).getAttribute("aria-current")).toBe("page");
    expect(await menu.getByRole("link", { name: "Dasbor", exact: true }).getAttribute("aria-current")).toBeNull();
    await page.goto(`${env.server.url}/rapat/baru`);
    await page.getByLabel("Jenis rapat").selectOption("coordination_quarterly");
    await page.getByLabel("Periode").fill("2026-Q4");
    await page.getByLabel("Judul rapat").fill("Rapat Koordinasi Data Kematian");
    await page.getByLabel("Tanggal").fill("2026-12-16");
    await page.getByLabel("Tempat").fill("Ruang Rapat KPU Kabupaten Cilacap");
    await page.getByRole("button", { name: "Jadwalkan" }).click();
    await page.getByRole("heading", { level: 1, name: "Rapat Koordinasi Data Kematian" }).waitFor();
    expect(await page.textContent("main")).toContain("Rabu, 16 Desember 2026, 09.00 WIB s.d. 12.00 WIB");

    // Agenda: add an item and move it up.
    await page.getByText("Tambah butir agenda").click();
    await page.locator("#new-title").fill("Penyerahan data kematian dari Dinas Dukcapil");
    await page.locator("#new-duration").fill("20");
    await page.getByRole("button", { name: "Tambah", exact: true }).click();
    await page.locator("ol.agenda strong", { hasText: "Penyerahan data kematian dari Dinas Dukcapil" }).waitFor();
    const items = page.locator("ol.agenda > li strong");
    expect(await items.last().textContent()).toBe("Penyerahan data kematian dari Dinas Dukcapil");
    await page.getByRole("button", { name: "Naikkan Penyerahan data kematian dari Dinas Dukcapil" }).click();
    await page.waitForFunction(() => {
      const all = [...document.querySelectorAll("ol.agenda > li strong")].map((e) => e.textContent);
      return all.at(-2) === "Penyerahan data kematian dari Dinas Dukcapil";
    });
    // Its edit form opens on request, by a client-side navigation (the page is not loaded again); a
    // refused save keeps what was typed, a good one closes it.
    await page.evaluate(() => ((window as unknown as { stayed?: boolean }).stayed = true));
    await page.getByRole("link", { name: "Ubah Penyerahan data kematian dari Dinas Dukcapil" }).click();
    const editor = page.getByRole("form", { name: "Ubah butir agenda Penyerahan data kematian dari Dinas Dukcapil" });
    await editor.waitFor();
    expect(new URL(page.url()).searchParams.get("ubah")).toMatch(/^\d+$/);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await editor.getByLabel("Penyaji").fill("Kepala Dinas Dukcapil");
    await editor.getByLabel("Durasi (menit)").fill("0");
    await editor.getByRole("button", { name: "Simpan" }).click();
    await editor.locator(".field-error").first().waitFor();
    expect(await editor.getByLabel("Penyaji").inputValue()).toBe("Kepala Dinas Dukcapil");
    await editor.getByLabel("Durasi (menit)").fill("25");
    await editor.getByRole("button", { name: "Simpan" }).click();
    await editor.waitFor({ state: "detached" });
    expect(await page.locator("ol.agenda").textContent()).toContain("Kepala Dinas Dukcapil · 25 menit");

    // Invite two organisations: the picker opens on request and stays open between invitations.
    await page.getByRole("link", { name: "Tambah undangan" }).click();
    for (const org of ["Bawaslu Kabupaten Cilacap", "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Cilacap"]) {
      await page.getByLabel("Undang organisasi").selectOption({ label: org });
      await page.getByRole("button", { name: "Undang", exact: true }).click();
      await page.getByRole("cell", { name: org, exact: true }).first().waitFor();
    }
    // Inviting one again is refused next to the field.
    await page.getByLabel("Undang organisasi").selectOption({ label: "Bawaslu Kabupaten Cilacap" });
    await page.getByRole("button", { name: "Undang", exact: true }).click();
    await page.getByText("Bawaslu Kabupaten Cilacap sudah diundang ke rapat ini.").waitFor();

    // Roll call: four commissioners present, one on duty elsewhere; Bawaslu came.
    const selects = page.locator("select[name^='status.']");
    const n = await selects.count();
    expect(n).toBe(5);
    for (let i = 0; i < n; i++) await selects.nth(i).selectOption(i === 4 ? "dinas_luar" : "hadir");
    await page.locator("select[name^='present.']").first().selectOption("hadir");
    await page.locator("input[name^='attendee.']").first().fill("Rudi Santoso");
    await page.getByRole("button", { name: "Simpan daftar hadir" }).click();
    await page.getByText("Daftar hadir tersimpan.").waitFor();
    expect(await page.textContent("#status")).toContain("4 dari 5 komisioner hadir");
    expect(await page.textContent("#status")).toContain("terpenuhi");

    // The letter and the attendance sheet are real PDFs.
    const letter = await page.request.get(`${env.server.url}${await page.getByRole("link", { name: "Surat (PDF)" }).first().getAttribute("href")}`);
    expect(letter.headers()["content-type"]).toBe("application/pdf");
    expect((await letter.body()).subarray(0, 5).toString()).toBe("%PDF-");
    await page.reload();
    expect(await page.textContent("#undangan")).toContain("surat PDF:");
    await context.close();
  });
});
