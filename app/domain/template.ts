/**
 * Document templates: plain text files (templates/*.txt) that an office can reword.
 *
 *   # HEADING            a centred bold heading
 *   ## Subheading        a bold heading on the left
 *   > text               a right-aligned line (place and date)
 *   - item               a numbered list item ("  - " two spaces in: a sub-item, lettered)
 *   ::kop                the letterhead          ::table NAME   a table the document provides
 *   ::fields             "Label: value" lines up to the next blank line, colons aligned
 *   ::lines              the following lines kept as separate lines (an address), up to a blank line
 *   ::page-break         a new page          ::space        a blank space (e.g. for a wet signature)
 *   text lines           a paragraph (consecutive lines join; a blank line ends it)
 *   {{name}}, {{a.b}}    a value (always inserted as text, never as markup)
 *   {{#each list}} … {{/each}}, {{#if name}} … {{else}} … {{/if}}   on lines of their own
 *
 * Every template kind declares the names it offers; a template that uses an unknown name, or
 * whose sections do not close, is refused with the line and the reason.
 */

export type TemplateSchema = {
  /** Scalar names available at the top level. */
  values: readonly string[];
  /** Lists available at the top level: each with the names of its items (which may be lists too). */
  lists?: Readonly<Record<string, TemplateSchema>>;
  /** Names usable with ::table. */
  tables?: readonly string[];
};

export type TemplateError = { line: number; message: string };

type Segment = { text: string } | { name: string };
type LineKind =
  | "text"
  | "heading"
  | "subheading"
  | "right"
  | "item"
  | "subitem"
  | "blank"
  | "kop"
  | "table"
  | "fields"
  | "page-break"
  | "space"
  | "lines";
type Line = { kind: LineKind; segments: Segment[]; arg?: string; line: number };
type Node = Line | { kind: "each"; list: string; body: Node[]; line: number } | { kind: "if"; name: string; then: Node[]; else: Node[]; line: number };

export type Template = { nodes: Node[] };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const NAME = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*$/;

function splitSegments(text: string, lineNo: number, errors: TemplateError[]): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    if (m.index! > last) out.push({ text: text.slice(last, m.index) });
    const name = m[1];
    if (!NAME.test(name)) errors.push({ line: lineNo, message: `penanda {{${name}}} tidak sah di tempat ini` });
    else out.push({ name });
    last = m.index! + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  if (/\{\{|\}\}/.test(out.map((s) => ("text" in s ? s.text : "")).join(""))) {
    errors.push({ line: lineNo, message: "kurung kurawal {{ }} tidak berpasangan" });
  }
  return out;
}

function classify(raw: string, lineNo: number, errors: TemplateError[]): Line {
  const line = raw.replace(/\s+$/, "");
  if (line.trim() === "") return { kind: "blank", segments: [], line: lineNo };
  const directive = /^::([a-z-]+)(?:\s+(\S+))?\s*$/.exec(line);
  if (directive) {
    const [, name, arg] = directive;
    if (name === "kop" || name === "fields" || name === "page-break" || name === "space" || name === "lines") return { kind: name, segments: [], line: lineNo };
    if (name === "table" && arg) return { kind: "table", segments: [], arg, line: lineNo };
    errors.push({ line: lineNo, message: `perintah ::${name}${arg ? ` ${arg}` : ""} tidak dikenal` });
    return { kind: "blank", segments: [], line: lineNo };
  }
  const prefixes: [RegExp, LineKind][] = [
    [/^## /, "subheading"],
    [/^# /, "heading"],
    [/^> /, "right"],
    [/^ {2,}- /, "subitem"],
    [/^- /, "item"],
  ];
  for (const [re, kind] of prefixes) {
    const m = re.exec(line);
    if (m) return { kind, segments: splitSegments(line.slice(m[0].length), lineNo, errors), line: lineNo };
  }
  return { kind: "text", segments: splitSegments(line.trim(), lineNo, errors), line: lineNo };
}

/** Parses a template and checks every name against the schema. */
export function parseTemplate(source: string, schema: TemplateSchema): { template: Template; errors: TemplateError[] } {
  const errors: TemplateError[] = [];
  const root: Node[] = [];
  const stack: { node: Extract<Node, { kind: "each" | "if" }>; target: Node[]; scope: TemplateSchema }[] = [];
  let target = root;
  let scope = schema;
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > 2000) errors.push({ line: 2000, message: "templat terlalu panjang (maksimal 2.000 baris)" });

  const knows = (name: string, where: TemplateSchema): boolean => {
    const scopes = [where, ...stack.map((s) => s.scope).reverse(), schema];
    return scopes.some((s) => s.values.includes(name) || Boolean(s.lists?.[name]));
  };

  lines.slice(0, 2000).forEach((raw, i) => {
    const lineNo = i + 1;
    const block = /^\s*\{\{\s*(#each|#if|else|\/each|\/if)\s*([^{}]*?)\s*\}\}\s*$/.exec(raw);
    if (block) {
      const [, tag, arg] = block;
      if (tag === "#each") {
        const list = [scope, ...stack.map((s) => s.scope).reverse(), schema].map((s) => s.lists?.[arg]).find(Boolean);
        if (!list) errors.push({ line: lineNo, message: `daftar {{#each ${arg}}} tidak dikenal` });
        const node = { kind: "each" as const, list: arg, body: [] as Node[], line: lineNo };
        target.push(node);
        stack.push({ node, target, scope });
        target = node.body;
        scope = list ?? { values: [] };
      } else if (tag === "#if") {
        if (!knows(arg, scope)) errors.push({ line: lineNo, message: `nama {{#if ${arg}}} tidak dikenal` });
        const node = { kind: "if" as const, name: arg, then: [] as Node[], else: [] as Node[], line: lineNo };
        target.push(node);
        stack.push({ node, target, scope });
        target = node.then;
      } else if (tag === "else") {
        const top = stack.at(-1);
        if (!top || top.node.kind !== "if") errors.push({ line: lineNo, message: "{{else}} di luar bagian {{#if}}" });
        else target = top.node.else;
      } else {
        const want = tag === "/each" ? "each" : "if";
        const top = stack.pop();
        if (!top) errors.push({ line: lineNo, message: `{{${tag}}} tanpa pembuka` });
        else if (top.node.kind !== want) {
          errors.push({ line: lineNo, message: `{{${tag}}} menutup bagian {{#${top.node.kind}}} dari baris ${top.node.line}` });
        } else {
          target = top.target;
          scope = top.scope;
        }
      }
      return;
    }
    if (/\{\{\s*[#/]|\{\{\s*else\s*\}\}/.test(raw)) {
      errors.push({ line: lineNo, message: "penanda bagian ({{#each}}, {{#if}}, {{else}}, {{/…}}) harus berdiri di barisnya sendiri" });
      return;
    }
    const line = classify(raw, lineNo, errors);
    for (const s of line.segments) {
      if ("name" in s && !knows(s.name, scope)) errors.push({ line: lineNo, message: `penanda {{${s.name}}} tidak dikenal` });
    }
    if (line.kind === "table" && !(schema.tables ?? []).includes(line.arg!)) {
      errors.push({ line: lineNo, message: `tabel ::table ${line.arg} tidak dikenal` });
    }
    target.push(line);
  });
  for (const open of stack.reverse()) {
    errors.push({ line: open.node.line, message: `bagian {{#${open.node.kind} ${open.node.kind === "each" ? open.node.list : open.node.name}}} tidak ditutup` });
  }
  return { template: { nodes: root }, errors };
}

export class TemplateSyntaxError extends Error {
  constructor(readonly errors: TemplateError[]) {
    super(errors.map((e) => `Baris ${e.line}: ${e.message}`).join("\n"));
  }
}

export function compileTemplate(source: string, schema: TemplateSchema): Template {
  const { template, errors } = parseTemplate(source, schema);
  if (errors.length) throw new TemplateSyntaxError(errors);
  return template;
}

/** What a template renders to: blocks that a PDF or HTML writer lays out. */
export type Block =
  | { kind: "heading" | "subheading" | "right" | "paragraph"; text: string }
  | { kind: "list"; items: { text: string; sub: string[] }[] }
  | { kind: "fields"; rows: [string, string][] }
  | { kind: "lines"; lines: string[] }
  | { kind: "table"; name: string }
  | { kind: "kop" }
  | { kind: "page-break" }
  | { kind: "space" };

type Data = Record<string, unknown>;

function lookup(name: string, scopes: Data[]): unknown {
  for (const scope of scopes) {
    const parts = name.split(".");
    let value: unknown = scope;
    let found = true;
    for (const p of parts) {
      if (value && typeof value === "object" && Object.prototype.hasOwnProperty.call(value, p)) value = (value as Data)[p];
      else {
        found = false;
        break;
      }
    }
    if (found) return value;
  }
  return undefined;
}

function truthy(v: unknown) {
  return Array.isArray(v) ? v.length > 0 : Boolean(v);
}

/** Fills the template with data and groups the lines into blocks. */
export function renderTemplate(template: Template, data: Data): Block[] {
  const lines: { kind: LineKind; text: string; arg?: string }[] = [];
  const walk = (nodes: Node[], scopes: Data[]) => {
    for (const node of nodes) {
      if (node.kind === "each") {
        const list = lookup(node.list, scopes);
        for (const item of Array.isArray(list) ? list : []) walk(node.body, [item as Data, ...scopes]);
      } else if (node.kind === "if") {
        walk(truthy(lookup(node.name, scopes)) ? node.then : node.else, scopes);
      } else {
        const text = node.segments
          .map((s) => ("text" in s ? s.text : String(lookup(s.name, scopes) ?? "")))
          .join("");
        lines.push({ kind: node.kind, text, arg: node.arg });
      }
    }
  };
  walk(template.nodes, [data]);

  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let inFields = false;
  let inLines = false;
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: "paragraph", text: paragraph.join(" ") });
    paragraph = [];
  };
  for (const line of lines) {
    if (inFields && line.kind === "text") {
      const at = line.text.indexOf(":");
      const fields = blocks.at(-1) as Extract<Block, { kind: "fields" }>;
      fields.rows.push(at > 0 ? [line.text.slice(0, at).trim(), line.text.slice(at + 1).trim()] : [line.text, ""]);
      continue;
    }
    if (inLines && line.kind === "text") {
      (blocks.at(-1) as Extract<Block, { kind: "lines" }>).lines.push(line.text);
      continue;
    }
    inFields = false;
    inLines = false;
    switch (line.kind) {
      case "text":
        paragraph.push(line.text);
        break;
      case "blank":
        flush();
        break;
      case "item":
      case "subitem": {
        flush();
        let list = blocks.at(-1);
        if (!list || list.kind !== "list") {
          list = { kind: "list", items: [] };
          blocks.push(list);
        }
        if (line.kind === "item" || list.items.length === 0) list.items.push({ text: line.text, sub: [] });
        else list.items.at(-1)!.sub.push(line.text);
        break;
      }
      case "fields":
        flush();
        blocks.push({ kind: "fields", rows: [] });
        inFields = true;
        break;
      case "lines":
        flush();
        blocks.push({ kind: "lines", lines: [] });
        inLines = true;
        break;
      case "table":
        flush();
        blocks.push({ kind: "table", name: line.arg! });
        break;
      case "kop":
      case "page-break":
      case "space":
        flush();
        blocks.push({ kind: line.kind });
        break;
      default:
        flush();
        blocks.push({ kind: line.kind, text: line.text });
    }
  }
  flush();
  return blocks;
}
