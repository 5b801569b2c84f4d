declare module "@develoka/angka-terbilang-js" {
  /** Indonesian words for a whole number given as text. */
  export default function terbilang(value: string): string;
}
