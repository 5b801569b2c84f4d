/**
 * The one renderer of Pleno's document templates: reads templates/<name>.txt (or the office's
 * override), fills it and lays the blocks out in an OfficialDocument.
 */
import fs from "node:fs";
import path from "node:path";
import { compileTemplate, renderTemplate, type Block, type TemplateSchema } from "../domain/template";
import { OfficialDocument, type Paper, type TableOptions } from "./document.server";

const TEMPLATE_DIR = path.resolve(process.env.PLENO_TEMPLATES ?? "templates");

export function templateSource(name: string): string {
  if (!/^[a-z0-9-]+$/.test(name)) throw new Error(`bad template name ${name}`);
  return fs.readFileSync(path.join(TEMPLATE_DIR, `${name}.txt`), "utf8");
}

export type RenderInput = {
  template: string;
  /** An office's own wording instead of the file in templates/. */
  source?: string;
  schema: TemplateSchema;
  data: Record<string, unknown>;
  tables?: Record<string, TableOptions>;
  kop: string[];
  logo?: Buffer;
  meta: { title: string; author: string; subject?: string; paper?: Paper };
  footer?: string;
};

const LEADS = new Set<Block["kind"]>(["paragraph", "subheading", "heading", "right"]);

export function writeBlocks(doc: OfficialDocument, blocks: Block[], input: Pick<RenderInput, "tables" | "kop" | "logo">) {
  for (const [i, block] of blocks.entries()) {
    // A sentence, a heading or a place-and-date line that leads into a table or a list moves to the
    // next page with it (e.g. the date and office name above the signature table).
    if (LEADS.has(block.kind)) {
      let j = i + 1;
      while (blocks[j] && (blocks[j].kind === "heading" || blocks[j].kind === "right")) j++;
      const next = blocks[j]?.kind;
      if (next === "table" || next === "list") doc.ensureSpace(90 + 20 * (j - i - 1));
    }
    switch (block.kind) {
      case "kop":
        doc.kop(input.kop, input.logo);
        break;
      case "heading":
        doc.heading(block.text);
        break;
      case "subheading":
        doc.paragraph(block.text, { bold: true, align: "left", gap: 0.3 });
        break;
      case "right":
        doc.paragraph(block.text, { align: "right", gap: 0.1 });
        break;
      case "paragraph":
        doc.paragraph(block.text);
        break;
      case "fields":
        doc.fields(block.rows);
        break;
      case "lines":
        for (const line of block.lines) doc.paragraph(line, { align: "left", gap: 0 });
        doc.doc.moveDown(0.5);
        break;
      case "list":
        for (const [i, item] of block.items.entries()) {
          doc.list([item.text], () => `${i + 1}.`);
          if (item.sub.length) doc.list(item.sub, (j) => `${String.fromCharCode(97 + j)}.`, 22);
        }
        break;
      case "table": {
        const table = input.tables?.[block.name];
        if (table) doc.table(table);
        break;
      }
      case "space":
        doc.doc.moveDown(3);
        break;
      case "page-break":
        doc.doc.addPage();
        break;
    }
  }
}

/** A table as the web page shows it (bold rows as a list, so it survives JSON). */
export type WebTable = { columns: TableOptions["columns"]; rows: string[][]; boldRows: number[] };

/**
 * The same words as the PDF, as blocks and plain tables for a web page; `source` is a wording being
 * edited (the template editor's preview), else the office's own or the default file.
 */
export function documentBlocks(input: RenderInput, source?: string) {
  const blocks = renderTemplate(compileTemplate(source ?? input.source ?? templateSource(input.template), input.schema), input.data);
  const tables: Record<string, WebTable> = Object.fromEntries(
    Object.entries(input.tables ?? {}).map(([name, t]) => [name, { columns: t.columns, rows: t.rows, boldRows: [...(t.boldRows ?? [])] }]),
  );
  return { blocks, tables, kop: input.kop, logo: Boolean(input.logo) };
}

export async function renderDocument(input: RenderInput): Promise<Buffer> {
  const template = compileTemplate(input.source ?? templateSource(input.template), input.schema);
  const blocks = renderTemplate(template, input.data);
  const doc = new OfficialDocument(input.meta);
  writeBlocks(doc, blocks, input);
  return doc.finish(input.footer);
}
