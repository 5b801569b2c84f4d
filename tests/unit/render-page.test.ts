import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PIECE_CHARS, renderPage, utf8Bytes } from "../../app/lib/render-page.server";

// A large page is turned into bytes a piece at a time, never as one flat string above V8's limit
// for an ordinary heap object (docs/decisions/0019-page-bytes-in-pieces.md).
const largePage = createElement(
  "html",
  { lang: "id" },
  createElement(
    "body",
    null,
    createElement(
      "table",
      null,
      createElement(
        "tbody",
        null,
        Array.from({ length: 1200 }, (_, i) =>
          createElement("tr", { key: i }, createElement("th", null, `KPU Kab. ${i} — Jawa Tengah`), createElement("td", null, `${i},25 % ≤ 1,00 %`)),
        ),
      ),
    ),
  ),
);

afterEach(() => vi.restoreAllMocks());

describe("renderPage", () => {
  it("gives the same bytes as rendering the page to one string", () => {
    const whole = `<!DOCTYPE html>${renderToString(largePage)}`;
    expect(whole.length).toBeGreaterThan(70_000);
    expect(renderPage(largePage).equals(Buffer.from(whole, "utf8"))).toBe(true);
    const small = createElement("p", null, "Rapat — selesai");
    expect(renderPage(small).toString("utf8")).toBe("<!DOCTYPE html><p>Rapat — selesai</p>");
  });

  it("never hands the encoder a string longer than about one piece", () => {
    const lengths: number[] = [];
    const from = Buffer.from.bind(Buffer);
    vi.spyOn(Buffer, "from").mockImplementation(((value: unknown, ...rest: unknown[]) => {
      if (typeof value === "string") lengths.push(value.length);
      return (from as (...args: unknown[]) => Buffer)(value, ...rest);
    }) as typeof Buffer.from);
    const byteLength = Buffer.byteLength.bind(Buffer);
    vi.spyOn(Buffer, "byteLength").mockImplementation(((value: unknown, encoding?: BufferEncoding) => {
      if (typeof value === "string") lengths.push(value.length);
      return byteLength(value as string, encoding);
    }) as typeof Buffer.byteLength);
    const write = Buffer.prototype.write;
    vi.spyOn(Buffer.prototype, "write").mockImplementation(function (this: Buffer, value: string, ...rest: unknown[]) {
      lengths.push(value.length);
      return (write as (...args: unknown[]) => number).call(this, value, ...rest);
    } as typeof Buffer.prototype.write);

    const bytes = renderPage(largePage);
    expect(bytes.length).toBeGreaterThan(70_000);
    expect(lengths.length).toBeGreaterThan(4);
    // Below 65,536 characters a two-byte string stays under V8's 128 KB limit.
    expect(Math.max(...lengths)).toBeLessThan(PIECE_CHARS + 1_000);
  });
});

describe("utf8Bytes", () => {
  it("joins the pieces' bytes, multi-byte characters included", () => {
    const pieces = ["<p>Rp1.000 — ", "≤ 2 🗳️ ", "tanda \u00e9 ", "</p>"];
    expect(utf8Bytes(pieces).equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
    expect(utf8Bytes(["satu"]).toString()).toBe("satu");
  });

  it("turns a lone surrogate into U+FFFD, as one string would", () => {
    const pieces = ["a\ud800", "b"];
    expect(utf8Bytes(pieces).equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
  });
});
