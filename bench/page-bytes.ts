import { gzipSync } from "node:zlib";

/**
 * The JavaScript a browser downloads for a page: every `<script src>`, `modulepreload` and
 * `import` the HTML names, each counted once, raw and gzipped (level 9).
 */
export async function pageScripts(url: string) {
  const html = await (await fetch(url)).text();
  const srcs = new Set<string>();
  for (const m of html.matchAll(/<script[^>]+src="([^"]+)"/g)) srcs.add(m[1]);
  for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)) srcs.add(m[1]);
  for (const m of html.matchAll(/import\("([^"]+)"\)|import "([^"]+)"/g)) srcs.add(m[1] ?? m[2]);
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const res = await fetch(new URL(src, url));
    if (!res.ok) throw new Error(`${src}: ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    raw += body.length;
    gz += gzipSync(body, { level: 9 }).length;
  }
  return { files: srcs.size, raw, gz };
}
