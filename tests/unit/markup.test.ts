import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { distributionMarkup } from "../../app/components/charts/distribution-chart";
import { el, escapeHtml, join, text } from "../../app/components/markup";
import { RankingBars, rankingBarsMarkup } from "../../app/components/charts/ranking-bars";
import { trendMarkup } from "../../app/components/charts/trend-chart";
import { rankingRowsMarkup } from "../../app/components/ranking-rows";
import { SourceList, sourceRefMarkup } from "../../app/components/source-notes";

const SCRIPT = `<script>alert("x")</script> & 'kutip'`;
const ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#x27;kutip&#x27;";

describe("chart markup", () => {
  it("escapes text and attribute values, and leaves out empty attributes", () => {
    expect(escapeHtml(SCRIPT)).toBe(ESCAPED);
    expect(el("text", { x: 1.5, class: SCRIPT, "stroke-dasharray": undefined, hidden: false, fill: null }, text(SCRIPT))).toBe(`<text x="1.5" class="${ESCAPED}">${ESCAPED}</text>`);
    expect(join([text("a"), false, null, undefined, text(2)])).toBe("a2");
  });

  it("draws the ranking with every office's name escaped, the viewer's bar marked", () => {
    const svg = rankingBarsMarkup({
      id: "r",
      title: `Peringkat ${SCRIPT}`,
      description: "2 kantor",
      items: [
        { key: "a", label: `KPU ${SCRIPT}`, value: 3, valueText: "3", rank: 1 },
        { key: "b", label: "KPU Kabupaten Jepara", value: 1, valueText: "1", rank: 2, highlight: true },
      ],
      formatTick: String,
    });
    expect(svg).not.toContain("<script");
    expect(svg).toContain(`<title id="r-title">Peringkat ${ESCAPED}</title>`);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('class="chart__bar chart__bar--mine"');
    expect(svg).toContain("1 ◀ kantor Anda");
    expect(svg).toMatch(/^<svg viewBox="0 0 600 80" role="img" aria-labelledby="r-title r-desc"/);
  });

  it("is the markup React puts in the page, so the browser's render matches the server's", () => {
    const props = { id: "r", title: "t", description: "d", items: [{ key: "a", label: "KPU Kota Semarang", value: 2, valueText: "2", rank: 1 }], formatTick: String };
    expect(renderToString(createElement(RankingBars, props))).toBe(`<figure class="chart" tabindex="0">${rankingBarsMarkup(props)}</figure>`);
  });

  it("draws the distribution with a column per band and the trend with a legend, marker labels escaped", () => {
    const bins = [
      { from: 0, to: 1, count: 4 },
      { from: 1, to: 2, count: 2 },
    ];
    const dist = distributionMarkup({ id: "d", title: "t", description: "d", bins, markIndex: 1, markLabel: SCRIPT, formatX: String });
    expect(dist.match(/<rect /g)).toHaveLength(2);
    expect(dist).toContain(`▼ ${ESCAPED}`);
    const trend = trendMarkup({
      id: "t",
      title: "t",
      description: "d",
      series: [{ key: "a", label: SCRIPT, points: [{ x: 24300, y: 1, label: "Jan 2025" }, { x: 24303, y: 2, label: "Apr 2025" }] }],
      markers: [{ x: 24301, label: SCRIPT }],
      formatX: String,
      formatY: String,
    });
    expect(trend).not.toContain("<script");
    expect(trend).toContain(`<ul class="chart__legend"><li>`);
    expect(trend).toContain(`<g class="chart__marker">`);
    expect(trend!.match(/<circle /g)).toHaveLength(2);
    expect(trendMarkup({ id: "t", title: "t", description: "d", series: [], formatX: String, formatY: String })).toBeNull();
  });
});

describe("source notes", () => {
  it("names a single source once, in a sentence", () => {
    const html = renderToString(createElement(SourceList, { notes: new Map([[SCRIPT, 1]]), prefix: "s", detail: "impor" }));
    expect(html).toBe(`<p class="source-list source-list--one" id="s-1">Sumber semua angka: ${ESCAPED} (impor).</p>`);
  });

  it("numbers several sources, each mark linking to its note", () => {
    const notes = new Map([
      ["BPS", 1],
      ["Dukcapil", 2],
    ]);
    const list = renderToString(createElement(SourceList, { notes, prefix: "s" }));
    expect(list).toContain('<li id="s-2" value="2">Dukcapil</li>');
    expect(sourceRefMarkup(2, "s")).toBe('<sup class="source-ref"><a href="#s-2" aria-label="sumber 2">[2]</a></sup>');
    expect(sourceRefMarkup(undefined, "s")).toBeNull();
  });
});

describe("the board's ranking rows", () => {
  const rows = [
    { code: "33.20", name: "KPU Kabupaten Jepara", rank: 1, value: 0.01, source: "BPS", origin: "dihitung Pleno" },
    { code: "99.99", name: `KPU ${SCRIPT}`, rank: 2, value: 0.02, source: SCRIPT, origin: "impor" },
  ];
  const options = { mineCode: "33.20", format: (v: number) => `${v * 100} %`, prefix: "p" };
  const notes = new Map([
    ["BPS", 1],
    [SCRIPT, 2],
  ]);

  it("marks the viewer's row, escapes names, and cites each figure's source when sources differ", () => {
    const html = rankingRowsMarkup(rows, { ...options, notes, markEach: true, sourceColumn: true });
    expect(html).toBe(
      '<tr class="is-mine" aria-current="true"><td class="num">1</td><td>KPU Kabupaten Jepara<strong> (kantor Anda)</strong></td><td class="num">1 %</td>' +
        '<td><sup class="source-ref"><a href="#p-1" aria-label="sumber 1">[1]</a></sup> <small>dihitung Pleno</small></td></tr>' +
        `<tr><td class="num">2</td><td>KPU ${ESCAPED}</td><td class="num">2 %</td>` +
        '<td><sup class="source-ref"><a href="#p-2" aria-label="sumber 2">[2]</a></sup> <small>impor</small></td></tr>',
    );
  });

  it("leaves out the source column when one source and origin serve the whole table", () => {
    const html = rankingRowsMarkup(rows, { ...options, notes: new Map([["BPS", 1]]), markEach: false, sourceColumn: false });
    expect(html).not.toContain("source-ref");
    expect(html.match(/<td/g)).toHaveLength(6);
  });
});
