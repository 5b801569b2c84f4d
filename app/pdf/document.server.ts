/**
 * Official documents on pdfkit: A4 or F4, KPU-style margins, embedded fonts, PDF/A-2b,
 * tables that break across pages with their header repeated, and "Halaman x dari y" on every page.
 * Every Pleno PDF (berita acara, undangan, daftar hadir, receipts) is laid out through this class.
 */
import PDFDocument from "pdfkit";
import { fontData, type FontStyle } from "./fonts.server";

export type Paper = "A4" | "F4";

export const MM = 72 / 25.4;
const PAPER: Record<Paper, [number, number]> = {
  A4: [210 * MM, 297 * MM],
  F4: [215 * MM, 330 * MM],
};
/** Margins in the style of KPU's own documents: 3 cm left for binding, 2 cm elsewhere. */
const MARGINS = { top: 20 * MM, bottom: 22 * MM, left: 30 * MM, right: 20 * MM };

export type Align = "left" | "center" | "right" | "justify";
export type Column = { header: string; width: number; align?: Align };
export type TableOptions = {
  columns: Column[];
  rows: string[][];
  /** Rows drawn in bold (e.g. a total row), by index. */
  boldRows?: Set<number>;
  fontSize?: number;
  /** Repeat the header on each page the table continues on. */
  repeatHeader?: boolean;
  /** A minimum body row height in points (room for a wet signature). */
  minRowHeight?: number;
};

export type DocumentMeta = { title: string; subject?: string; author: string; keywords?: string; paper?: Paper };

export class OfficialDocument {
  readonly doc: PDFKit.PDFDocument;
  private readonly done: Promise<Buffer>;
  private readonly fonts = new Map<FontStyle, string>();

  constructor(meta: DocumentMeta) {
    const [width, height] = PAPER[meta.paper ?? "A4"];
    this.doc = new PDFDocument({
      size: [width, height],
      margins: MARGINS,
      bufferPages: true,
      autoFirstPage: true,
      pdfVersion: "1.7",
      subset: "PDF/A-2b",
      lang: "id-ID",
      displayTitle: true,
      font: fontData("regular") as unknown as string,
      info: {
        Title: meta.title,
        Subject: meta.subject ?? meta.title,
        Author: meta.author,
        Keywords: meta.keywords ?? "",
        Creator: "Pleno",
        Producer: "Pleno (pdfkit)",
      },
    });
    const chunks: Buffer[] = [];
    this.doc.on("data", (c: Buffer) => chunks.push(c));
    this.done = new Promise((resolve, reject) => {
      this.doc.on("end", () => resolve(Buffer.concat(chunks)));
      this.doc.on("error", reject);
    });
    this.font("regular", 11);
  }

  get contentWidth() {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom() {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  /**
   * Switches to a style. pdfkit caches a font under the name it is asked for, except when the font
   * equals one it already has (the regular face is the document's first font): then it parses the
   * TTF again on every switch, which made a 17-page berita acara take seconds. So after the first
   * switch the font is asked for by its PostScript name, under which pdfkit always keeps it.
   */
  font(style: FontStyle, size?: number) {
    const key = this.fonts.get(style);
    if (key) this.doc.font(key);
    else {
      this.doc.registerFont(style, fontData(style));
      this.doc.font(style);
      this.fonts.set(style, (this.doc as unknown as { _font: { name: string } })._font.name);
    }
    if (size) this.doc.fontSize(size);
    return this;
  }

  /** Starts a new page when less than `height` points remain. */
  ensureSpace(height: number) {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
    return this;
  }

  /** Letterhead: logo (optional), the institution lines centred, and a double rule below. */
  kop(lines: string[], logo?: Buffer) {
    const { doc } = this;
    const top = doc.y;
    const left = doc.page.margins.left;
    const logoSize = 22 * MM;
    if (logo) doc.image(logo, left, top, { fit: [logoSize, logoSize] });
    const textLeft = logo ? left + logoSize + 4 * MM : left;
    const textWidth = this.contentWidth - (logo ? logoSize + 4 * MM : 0);
    // With a logo, the lines are centred on its height.
    const linesHeight = lines.reduce((h, line, i) => {
      this.font("bold", i === 0 ? 14 : 13);
      return h + doc.heightOfString(line, { width: textWidth });
    }, 0);
    doc.y = top + (logo ? Math.max(0, (logoSize - linesHeight) / 2) : 0);
    lines.forEach((line, i) => {
      this.font("bold", i === 0 ? 14 : 13);
      doc.text(line, textLeft, doc.y, { width: textWidth, align: "center" });
    });
    const ruleY = Math.max(doc.y, logo ? top + logoSize : doc.y) + 2 * MM;
    doc.moveTo(left, ruleY).lineTo(left + this.contentWidth, ruleY).lineWidth(2).stroke();
    doc.moveTo(left, ruleY + 3).lineTo(left + this.contentWidth, ruleY + 3).lineWidth(0.6).stroke();
    doc.x = left;
    doc.y = ruleY + 6 * MM;
    this.font("regular", 11);
    return this;
  }

  heading(text: string, options: { size?: number; gap?: number; underline?: boolean } = {}) {
    this.font("bold", options.size ?? 12);
    this.ensureSpace(this.doc.heightOfString(text, { width: this.contentWidth }) + 4);
    this.doc.text(text, this.doc.page.margins.left, this.doc.y, {
      width: this.contentWidth,
      align: "center",
      underline: options.underline,
    });
    this.doc.moveDown(options.gap ?? 0.2);
    this.font("regular", 11);
    return this;
  }

  paragraph(text: string, options: { align?: Align; indent?: number; bold?: boolean; size?: number; gap?: number } = {}) {
    this.font(options.bold ? "bold" : "regular", options.size ?? 11);
    const x = this.doc.page.margins.left + (options.indent ?? 0);
    const width = this.contentWidth - (options.indent ?? 0);
    this.doc.text(text, x, this.doc.y, { width, align: options.align ?? "justify", lineGap: 2 });
    this.doc.moveDown(options.gap ?? 0.5);
    this.font("regular", 11);
    return this;
  }

  /** "Nomor   : 06/PL.01.2-BA/…" lines with aligned colons. */
  fields(rows: [string, string][], labelWidth = 30 * MM) {
    const left = this.doc.page.margins.left;
    for (const [label, value] of rows) {
      this.font("regular", 11);
      const valueWidth = this.contentWidth - labelWidth - 4 * MM;
      const h = Math.max(this.doc.heightOfString(value, { width: valueWidth }), 14);
      this.ensureSpace(h);
      const y = this.doc.y;
      this.doc.text(label, left, y, { width: labelWidth });
      this.doc.text(":", left + labelWidth, y, { width: 4 * MM });
      this.doc.text(value, left + labelWidth + 4 * MM, y, { width: valueWidth });
      this.doc.y = y + h + 2;
    }
    this.doc.x = left;
    this.doc.moveDown(0.3);
    return this;
  }

  /** A numbered list with hanging indent ("1. …", "a. …"). */
  list(items: string[], marker: (i: number) => string = (i) => `${i + 1}.`, indent = 0) {
    const left = this.doc.page.margins.left + indent;
    const markerWidth = 8 * MM;
    for (const [i, item] of items.entries()) {
      this.font("regular", 11);
      const width = this.contentWidth - indent - markerWidth;
      this.ensureSpace(Math.min(this.doc.heightOfString(item, { width }), 40));
      const y = this.doc.y;
      this.doc.text(marker(i), left, y, { width: markerWidth });
      this.doc.text(item, left + markerWidth, y, { width, align: "justify", lineGap: 2 });
      this.doc.moveDown(0.2);
    }
    this.doc.x = this.doc.page.margins.left;
    this.doc.moveDown(0.3);
    return this;
  }

  private columnShares(options: TableOptions): number[] {
    const total = options.columns.reduce((s, c) => s + c.width, 0);
    return options.columns.map((c) => (c.width / total) * this.contentWidth);
  }

  /**
   * Column widths from their weights, except that a right-aligned (figure) column is never narrower
   * than its widest cell, so a number is never broken over two lines. When the weights leave a
   * figure column too narrow, every figure column gets just what it needs and the text columns,
   * which wrap, share the rest by their weights. Null when the figures do not fit at this size.
   */
  private columnWidths(options: TableOptions, size: number, pad: number, headerWords = true): number[] | null {
    const { columns } = options;
    const weight = (list: Column[]) => list.reduce((s, c) => s + c.width, 0);
    const share = this.columnShares(options);
    const need = columns.map((c, i) => {
      this.font("bold", size);
      if (!headerWords && c.align !== "right") return 6 * MM;
      let widest = Math.max(...c.header.split(/\s+/).map((word) => this.doc.widthOfString(word)));
      if (c.align === "right") options.rows.forEach((row, r) => {
        this.font(options.boldRows?.has(r) ? "bold" : "regular", size);
        widest = Math.max(widest, this.doc.widthOfString(row[i] ?? ""));
      });
      return widest + 2 * pad + 1;
    });
    if (share.every((w, i) => w >= need[i])) return share;
    // Text columns need room for their header's longest word, then share what is left by weight.
    const text = columns.filter((c) => c.align !== "right");
    const rest = this.contentWidth - need.reduce((s, w) => s + w, 0);
    if (rest < 0 || (rest === 0 && text.length > 0)) return null;
    if (text.length === 0) return need.map((w) => w + rest / need.length);
    return columns.map((c, i) => (c.align === "right" ? need[i] : need[i] + (c.width / weight(text)) * rest));
  }

  /**
   * A bordered table. Column widths are fractions of the content width. A row that does not fit
   * goes to the next page, where the header is drawn again.
   */
  table(options: TableOptions) {
    const { doc } = this;
    const pad = 3;
    const left = doc.page.margins.left;
    // A table whose figures cannot fit at its font size is set smaller, down to 6 pt.
    let size = options.fontSize ?? 9;
    let widths = this.columnWidths(options, size, pad);
    while (!widths && size > 6) {
      size -= 0.5;
      widths = this.columnWidths(options, size, pad);
    }
    // Last resort: the figures whole, the text columns squeezed into what is left.
    widths ??= this.columnWidths(options, size, pad, false) ?? this.columnShares(options);
    const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));

    const rowHeight = (cells: string[], bold: boolean, body = true) => {
      this.font(bold ? "bold" : "regular", size);
      const h = Math.max(...cells.map((c, i) => doc.heightOfString(c || " ", { width: widths[i] - 2 * pad }))) + 2 * pad;
      return body ? Math.max(h, options.minRowHeight ?? 0) : h;
    };
    const drawRow = (cells: string[], bold: boolean, shade: boolean) => {
      const h = rowHeight(cells, bold, !shade);
      const y = doc.y;
      cells.forEach((cell, i) => {
        if (shade) doc.rect(xs[i], y, widths[i], h).fillColor("#e8e8e8").fill().fillColor("black");
        doc.rect(xs[i], y, widths[i], h).lineWidth(0.5).stroke();
        this.font(bold ? "bold" : "regular", size);
        doc.text(cell, xs[i] + pad, y + pad, {
          width: widths[i] - 2 * pad,
          align: shade ? "center" : (options.columns[i].align ?? "left"),
        });
      });
      doc.y = y + h;
    };
    const header = options.columns.map((c) => c.header);
    const headerHeight = rowHeight(header, true, false);
    this.ensureSpace(headerHeight + rowHeight(options.rows[0] ?? [""], false));
    drawRow(header, true, true);
    options.rows.forEach((row, r) => {
      const bold = options.boldRows?.has(r) ?? false;
      const h = rowHeight(row, bold);
      if (doc.y + h > this.bottom) {
        doc.addPage();
        if (options.repeatHeader !== false) drawRow(header, true, true);
      }
      drawRow(row, bold, false);
    });
    doc.x = left;
    doc.moveDown(0.6);
    this.font("regular", 11);
    return this;
  }

  /** The text cut with "…" to fit a width in the current font (a footer must stay on one line). */
  private fitted(text: string, width: number) {
    if (this.doc.widthOfString(text) <= width) return text;
    let end = text.length;
    while (end > 0 && this.doc.widthOfString(`${text.slice(0, end).trimEnd()}…`) > width) end--;
    return `${text.slice(0, end).trimEnd()}…`;
  }

  /** Writes "Halaman x dari y" at the foot of every page and returns the finished PDF. */
  async finish(footer?: string): Promise<Buffer> {
    const { doc } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottomMargin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      this.font("regular", 8);
      const y = doc.page.height - bottomMargin + 8 * MM;
      const width = this.contentWidth;
      const pageNumber = `Halaman ${i + 1} dari ${range.count}`;
      if (footer) {
        const room = width - doc.widthOfString(pageNumber) - 6 * MM;
        doc.text(this.fitted(footer, room), doc.page.margins.left, y, { width: room, align: "left", lineBreak: false });
      }
      doc.text(pageNumber, doc.page.margins.left, y, { width, align: "right", lineBreak: false });
      doc.page.margins.bottom = bottomMargin;
    }
    doc.end();
    return this.done;
  }
}
