/** The middle of the figures of a benchmark's rounds (the upper one of the two middles for an even count). */
export function median(xs: number[]): number {
  if (xs.length === 0) throw new Error("median of no figures");
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}
