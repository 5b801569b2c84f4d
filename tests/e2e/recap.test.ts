import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { recapCsv } from "../../app/lib/recap-file.server";
import { DEFAULT_TMS_CATEGORIES } from "../../app/domain/tms-categories";
import { newContext, signIn, startServerAndBrowser } from "../helpers/browser";
import { TEMPLATE_DB } from "../helpers/paths";

const env = startServerAndBrowser();

/** Jepara's Triwulan I 2026 as a file: previous = the DPB determined for Triwulan III 2025. */
function jeparaFile(): string {
  const sqlite = new Database(TEMPLATE_DB, { readonly: true });
  const rows = sqlite
    .prepare(
      `select x.area_code, a.name, x.dpb_l, x.dpb_p from recap_rows x join recaps r on r.id = x.recap_id
       join offices o on o.id = r.office_id join areas a on a.code = x.area_code
       where o.code = '33.20' and r.period = '2025-Q3' order by x.area_code`,
    )
    .all() as { area_code: string; name: string; dpb_l: number; dpb_p: number }[];
  sqlite.close();
  const categories = DEFAULT_TMS_CATEGORIES.filter((c) => c.isActive !== false);
  return recapCsv({
    officeName: "KPU Kabupaten Jepara",
    periodLabel: "Triwulan I 2026",
    levelLabel: "Kecamatan",
    categories,
    rows: rows.map((r) => {
      const previous = { l: r.dpb_l, p: r.dpb_p };
      return {
        areaCode: r.area_code,
        name: r.name,
        previous,
        newVoters: { l: 20, p: 18 },
        tms: { "1": { l: 5, p: 4 } },
        tmsTotal: { l: 5, p: 4 },
        corrections: { l: 2, p: 1 },
        dpb: { l: previous.l + 15, p: previous.p + 14 },
      };
    }),
  });
}

describe("recap import in the browser", () => {
  it("a secretariat imports a file, sees the flagged row, fixes it and saves", async () => {
    const lines = jeparaFile().split("\r\n");
    const cells = lines[1].split(",");
    cells[6] = "-20"; // Pemilih baru L of the first kecamatan
    lines[1] = cells.join(",");
    const context = await newContext(env.browser);
    const page = await context.newPage();
    await signIn(page, env.server.url, "sekretariat1.jepara@pleno.demo");
    await page.goto(`${env.server.url}/rekap`);
    await page.getByRole("link", { name: "Impor CSV/XLSX" }).click();
    await page.getByRole("heading", { level: 1, name: "Impor rekap dari CSV atau XLSX" }).waitFor();
    await page.getByLabel("Periode").fill("2026-Q1");
    await page.getByLabel("Berkas (.csv atau .xlsx)").setInputFiles({ name: "rekap-tw1-2026.csv", mimeType: "text/csv", buffer: Buffer.from(lines.join("\r\n")) });
    await page.getByRole("button", { name: "Unggah dan periksa" }).click();
    // The negative cell, and the file's own L+P and DPB totals that no longer add up with it.
    await page.getByText("4 masalah ditemukan; belum ada yang disimpan").waitFor();
    const bad = page.locator('input[name="cell|0|newVoters.l"]');
    expect(await bad.getAttribute("aria-invalid")).toBe("true");
    await expect.poll(() => page.locator(".cell-error").first().textContent()).toBe("Tidak boleh negatif.");
    await bad.fill("20");
    // Tab walks down the column: from the first kecamatan's cell to the second's, not across the row.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("name"))).toBe("cell|1|newVoters.l");
    await page.getByRole("button", { name: "Simpan semua baris" }).click();
    await page.getByText("Rekap disimpan.").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Triwulan I 2026");
    expect(await page.locator("tfoot").textContent()).toContain("Jumlah");
    await context.close();
  });
});
