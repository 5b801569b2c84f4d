/**
 * Turns what a user typed into a safe SQLite FTS5 MATCH expression, and splits highlighted text
 * back into plain and marked parts. Pure: no I/O.
 *
 * The expression is always bound as a parameter, never spliced into SQL. Inside FTS5 every term
 * is a double-quoted string followed by `*` (prefix match), so operators (AND, OR, NOT, NEAR),
 * column filters (`title:`), parentheses, `^` and quotes typed by the user are never read as
 * syntax: only letters and digits survive as term characters.
 */

export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 40;

/** Highlight markers: control characters that user text cannot carry (stripped on input). */
export const MARK_START = "\u0002";
export const MARK_END = "\u0003";

/** The words of a query: letters (any script, with their accents) and digits. */
export function queryTerms(input: string): string[] {
  const text = input.normalize("NFKC").slice(0, MAX_QUERY_LENGTH);
  const words = text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  const seen = new Set<string>();
  const terms: string[] = [];
  for (const word of words) {
    const term = word.toLocaleLowerCase("id-ID").slice(0, MAX_TERM_LENGTH);
    if (seen.has(term)) continue;
    seen.add(term);
    terms.push(term);
    if (terms.length === MAX_TERMS) break;
  }
  return terms;
}

/** `koordinasi dinas` → `"koordinasi"* "dinas"*` (every term must match, each as a prefix). */
export function buildFtsQuery(input: string | null | undefined): string | null {
  if (!input) return null;
  const terms = queryTerms(input);
  if (terms.length === 0) return null;
  return terms.map((t) => `"${t}"*`).join(" ");
}

export type MarkedPart = { text: string; marked: boolean };

/** Splits text carrying MARK_START/MARK_END into parts for rendering as <mark> in React. */
export function splitMarked(text: string): MarkedPart[] {
  const parts: MarkedPart[] = [];
  let marked = false;
  let current = "";
  for (const ch of text) {
    if (ch === MARK_START || ch === MARK_END) {
      if (current) parts.push({ text: current, marked });
      current = "";
      marked = ch === MARK_START;
      continue;
    }
    current += ch;
  }
  if (current) parts.push({ text: current, marked });
  return parts;
}

/** Removes the marker characters (and other C0 controls but tab and newlines) from user text. */
export function stripControlCharacters(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "");
}
