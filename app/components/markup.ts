/**
 * Markup as strings, for the large read-only parts of a page: the board's SVG charts and the rows of
 * its tables. As React elements these hundreds of nodes cost more to render than the rest of the
 * page, and they never change once drawn, so they are built here and the page inserts them whole
 * (decision 0016). The same functions run in the browser, so a client-side render writes the same.
 *
 * Every piece of text goes through `text()` or an attribute value, both escaped: a `Markup` can only
 * come from this module, so a label typed by a user cannot reach the page unescaped.
 */

declare const MARKUP: unique symbol;
/** Markup built by `el`/`text`/`join`: safe to insert as HTML. */
export type Markup = string & { readonly [MARKUP]: true };

type AttrValue = string | number | false | null | undefined;
type Child = Markup | false | null | undefined;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" };
const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPE_ALL = /[&<>"']/g;

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeHtml(value: string): string {
  return NEEDS_ESCAPE.test(value) ? value.replace(ESCAPE_ALL, (c) => ESCAPES[c]) : value;
}

/** Text content, escaped. */
export function text(value: string | number): Markup {
  return (typeof value === "number" ? String(value) : escapeHtml(value)) as Markup;
}

/** Several pieces of markup in a row. */
export function join(parts: Child[]): Markup {
  let out = "";
  for (const p of parts) if (p) out += p;
  return out as Markup;
}

/**
 * One element: `el("text", { x: 4, "text-anchor": "end" }, text("…"))`. Attributes whose value is
 * false, null or undefined are left out; names are written as given (SVG's own spelling).
 */
export function el(tag: string, attrs: Record<string, AttrValue> | null, ...children: Child[]): Markup {
  let out = `<${tag}`;
  if (attrs) {
    for (const name in attrs) {
      const v = attrs[name];
      if (v === false || v === null || v === undefined) continue;
      out += ` ${name}="${typeof v === "number" ? v : escapeHtml(v)}"`;
    }
  }
  out += ">";
  for (const c of children) if (c) out += c;
  return `${out}</${tag}>` as Markup;
}
