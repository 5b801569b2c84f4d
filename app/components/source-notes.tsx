/** Numbers each distinct source once, so a table can cite "[1]" beside every figure. */
export function numberSources(sources: string[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const s of sources) if (!map.has(s)) map.set(s, map.size + 1);
  return map;
}

export function SourceRef({ n, prefix }: { n: number | undefined; prefix: string }) {
  if (!n) return null;
  return (
    <sup className="source-ref">
      <a href={`#${prefix}-${n}`} aria-label={`sumber ${n}`}>
        [{n}]
      </a>
    </sup>
  );
}

/** The sources under a table, each with its number. `prefix` keeps ids unique on a page. */
export function SourceList({ notes, prefix }: { notes: Map<string, number>; prefix: string }) {
  if (notes.size === 0) return null;
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
