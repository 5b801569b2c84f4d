import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

/**
 * The fonts every Pleno PDF embeds, from the `dejavu-fonts-ttf` npm package (never the system's
 * font folders, so a PDF looks the same on every machine and PDF/A can embed them).
 * DejaVu Sans Condensed is close in width to the Arial that KPU letters are typed in.
 */
const require = createRequire(import.meta.url);
const TTF_DIR = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

export const FONT_FILES = {
  regular: "DejaVuSansCondensed.ttf",
  bold: "DejaVuSansCondensed-Bold.ttf",
  italic: "DejaVuSansCondensed-Oblique.ttf",
  boldItalic: "DejaVuSansCondensed-BoldOblique.ttf",
} as const;

export type FontStyle = keyof typeof FONT_FILES;

const cache = new Map<FontStyle, Buffer>();

/** The font's bytes, read once per process. */
export function fontData(style: FontStyle): Buffer {
  let data = cache.get(style);
  if (!data) {
    data = fs.readFileSync(path.join(TTF_DIR, FONT_FILES[style]));
    cache.set(style, data);
  }
  return data;
}
