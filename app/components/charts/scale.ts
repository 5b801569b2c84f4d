/** Scales and ticks for the SVG charts. Pure, so they are unit-tested. */

/** A coordinate to a tenth of a unit: finer than any screen or printer shows, and short in the markup. */
export const px = (v: number) => Math.round(v * 10) / 10;

/** Maps a domain value to a position in the range, linearly (to a tenth); a flat domain maps to the range's middle. */
export function linearScale(d0: number, d1: number, r0: number, r1: number) {
  if (d0 === d1) return () => px((r0 + r1) / 2);
  return (v: number) => px(r0 + ((v - d0) / (d1 - d0)) * (r1 - r0));
}

/** A step of 1, 2, 2.5 or 5 times a power of ten that splits the span into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  const nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
  return nice * power;
}

/** Round tick values covering [min, max]; the first tick ≤ min and the last ≥ max. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (min === max) {
    if (min === 0) return [0, 1];
    const pad = Math.abs(min) * 0.1;
    return niceTicks(min - pad, max + pad, count);
  }
  const step = niceStep(max - min, count);
  const first = Math.floor(min / step) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step / 2; v += step) {
    ticks.push(Number(v.toPrecision(12)));
    if (ticks.length > 50) break;
  }
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toPrecision(12)));
  return ticks;
}

/** A month as one number, so months and quarters share one time axis ("2025-Q2" ends 2025-06). */
export function monthIndex(yearMonth: number): number {
  const year = Math.floor(yearMonth / 100);
  return year * 12 + ((yearMonth % 100) - 1);
}

/** Shortens a label for a chart (the full text stays in the table and in the SVG <title>). */
export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** Series colours with a dash pattern each, so lines stay apart in black-and-white print too. */
export const SERIES_STYLES = [
  { color: "#a4161a", dash: "", shape: "circle" },
  { color: "#0b57d0", dash: "7 4", shape: "square" },
  { color: "#1b6e35", dash: "2 3", shape: "triangle" },
  { color: "#7a4a00", dash: "9 3 2 3", shape: "diamond" },
  { color: "#5b3f99", dash: "4 2", shape: "circle" },
] as const;
