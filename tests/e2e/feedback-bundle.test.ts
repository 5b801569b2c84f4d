/**
 * The JavaScript a participant's phone downloads for the feedback form, read from the build the
 * way a browser finds it (the page's scripts and modulepreloads). zod's core and its 64 locales
 * once made it 2.2× a bare page; this fails if any of it comes back, or the page outgrows its budget.
 */
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { makeLinkToken } from "../../app/auth/link-token.server";
import { appFetch } from "../helpers/app";
import { useTestDatabase } from "../helpers/db";
import { ROOT } from "../helpers/paths";

/** Strings only zod's locales and core hold (the Indonesian and English messages, a core class name). */
const ZOD_MARKERS = ["Input tidak valid", "Invalid input: expected", "$ZodType"];

async function pageScripts(url: string) {
  const response = await appFetch(url);
  expect(response.status).toBe(200);
  const html = await response.text();
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) srcs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) srcs.add(m[1]);
  for (const m of html.matchAll(/import\("([^"]+)"\)|import "([^"]+)"/g)) srcs.add(m[1] ?? m[2]);
  return [...srcs].map((src) => ({ src, text: fs.readFileSync(path.join(ROOT, "public", src), "utf8") }));
}
const gzipped = (files: { text: string }[]) => files.reduce((n, f) => n + gzipSync(f.text, { level: 9 }).length, 0);

describe("the feedback form's JavaScript", () => {
  let token: string;
  beforeAll(() => {
    const { db } = useTestDatabase();
    const inv = db.$client.prepare("select id, link_version from invitations order by id limit 1").get() as { id: number; link_version: number };
    db.$client.prepare("insert into feedback_windows (meeting_id, deadline, show_recap) select meeting_id, ?, 1 from invitations where id = ?").run(Date.now() + 86_400_000, inv.id);
    token = makeLinkToken("feedback", inv.id, inv.link_version);
  });

  it("holds nothing of zod: neither its locales nor its core", async () => {
    const files = await pageScripts(`/tanggapan/${token}`);
    expect(files.some((f) => f.src.includes("/routes/tanggapan."))).toBe(true);
    for (const file of files) for (const marker of ZOD_MARKERS) expect(file.text.includes(marker), `${marker} in ${file.src}`).toBe(false);
  });

  it("the markers are real: pages that use zod in the browser carry them", () => {
    const shared = path.join(ROOT, "public/build/_shared");
    const texts = fs.readdirSync(shared).map((f) => fs.readFileSync(path.join(shared, f), "utf8"));
    for (const marker of ZOD_MARKERS) expect(texts.some((t) => t.includes(marker)), marker).toBe(true);
  });

  it("stays within 1.3 times the bare page, gzipped", async () => {
    const form = gzipped(await pageScripts(`/tanggapan/${token}`));
    const bare = gzipped(await pageScripts("/tentang"));
    expect(form / bare).toBeLessThanOrEqual(1.3);
  });
});
