import { beforeAll, describe, expect, it } from "vitest";
import { isCurrent } from "../../app/components/site-header";
import { appFetch } from "../helpers/app";
import { useTestDatabase } from "../helpers/db";
import { cookieFor } from "../helpers/http";

// The main menu's links are plain anchors sharing one location (decision 0014); they must mark the
// current item as React Router's NavLink did.

beforeAll(() => {
  useTestDatabase();
});

/** The main menu's links as "label → href [current]". */
async function menuOf(path: string, cookie?: string): Promise<string[]> {
  const response = await appFetch(path, { cookie });
  expect(response.status).toBe(200);
  const html = await response.text();
  const nav = /<nav aria-label="Menu utama"[^>]*>([\s\S]*?)<\/nav>/.exec(html)![1];
  return [...nav.matchAll(/<a ([^>]*)>([^<]*)<\/a>/g)].map(([, attrs, label]) => {
    const href = /href="([^"]*)"/.exec(attrs)![1];
    const current = /aria-current="page"/.test(attrs);
    expect(/class="active"/.test(attrs)).toBe(current);
    return `${label} → ${href}${current ? " [current]" : ""}`;
  });
}

describe("the main menu", () => {
  it("marks the page the secretariat is on, and the section a deeper page belongs to", async () => {
    const cookie = cookieFor("sekretariat1.jepara@pleno.demo");
    expect(await menuOf("/rekap", cookie)).toEqual([
      "Dasbor → /dasbor",
      "Rapat → /rapat",
      "Pemangku Kepentingan → /pemangku-kepentingan",
      "Rekap DPB → /rekap [current]",
      "Praktik Baik → /praktik-baik",
      "Kunjungan → /kunjungan",
      "Papan Banding → /papan",
      "Akun → /akun",
    ]);
    expect((await menuOf("/rapat/baru", cookie)).filter((l) => l.endsWith("[current]"))).toEqual(["Rapat → /rapat [current]"]);
    expect((await menuOf("/dasbor", cookie)).filter((l) => l.endsWith("[current]"))).toEqual(["Dasbor → /dasbor [current]"]);
  });

  it("marks both the board and its monitoring view on the monitoring page, as NavLink did", async () => {
    const current = (await menuOf("/papan/pemantauan", cookieFor("admin@pleno.demo"))).filter((l) => l.endsWith("[current]"));
    expect(current).toEqual(["Papan Banding → /papan [current]", "Pemantauan → /papan/pemantauan [current]"]);
  });

  it("shows a visitor the public items, none current on another page", async () => {
    expect(await menuOf("/tentang")).toEqual(["Praktik Baik → /praktik-baik", "Kunjungan → /kunjungan", "Papan Banding → /papan"]);
    expect(await menuOf("/papan")).toContain("Papan Banding → /papan [current]");
  });

  it("matches whole path segments, whatever the case", () => {
    expect(isCurrent("/rapat", "/rapat")).toBe(true);
    expect(isCurrent("/rapat", "/Rapat/12")).toBe(true);
    expect(isCurrent("/rapat", "/rapatku")).toBe(false);
    expect(isCurrent("/papan", "/")).toBe(false);
  });
});
