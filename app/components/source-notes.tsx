import { el, text, type Markup } from "./markup";

/** Numbers each distinct source once, so a table can cite "[1]" beside every figure. */
export function numberSources(sources: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const s of sources) if (!map.has(s)) map.set(s, map.size + 1);
  return map;
}

/**
 * Whether the figures of a table need a mark each: only when they come from more than one source.
 * When every figure shares one source, the table names it once under its figures instead.
 */
export function citeEach(notes: Map<string, number>): boolean {
  return notes.size > 1;
}

/** A figure's mark "[n]", linking to its source in the list under the table (markup, see markup.ts). */
export function sourceRefMarkup(n: number | undefined, prefix: string): Markup | null {
  if (!n) return null;
  return el("sup", { class: "source-ref" }, el("a", { href: `#${prefix}-${n}`, "aria-label": `sumber ${n}` }, text(`[${n}]`)));
}

/**
 * The sources under a table: numbered when the figures carry marks, else the one source in a line
 * ("Sumber semua angka: …", with `detail` after it). `prefix` keeps ids unique on a page.
 */
export function SourceList({ notes, prefix, detail }: { notes: Map<string, number>; prefix: string; detail?: string }) {
  if (notes.size === 0) return null;
  if (!citeEach(notes)) {
    const [text] = notes.keys();
    return (
      <p className="source-list source-list--one" id={`${prefix}-1`}>
        {`Sumber semua angka: ${text}${detail ? ` (${detail})` : ""}.`}
      </p>
    );
  }
  return (
    <ol className="source-list" aria-label="Sumber angka">
      {[...notes.entries()].map(([text, n]) => (
        <li key={n} id={`${prefix}-${n}`} value={n}>
          {text}
        </li>
      ))}
    </ol>
  );
}
