import { ChartFigure, chartSvg } from "./chart-svg";
import { el, join, text, type Markup } from "../markup";
import { linearScale, niceTicks, shorten } from "./scale";

export type BarItem = { key: string; label: string; value: number; valueText: string; rank: number; highlight?: boolean };

type RankingBarsProps = {
  id: string;
  title: string;
  description: string;
  items: BarItem[];
  formatTick: (v: number) => string;
};

const WIDTH = 600;
const LABEL_W = 190;
const VALUE_W = 80;
const ROW = 24;
const TOP = 24;

/** Horizontal ranking bars as SVG markup; the table beside it carries every figure. */
export function rankingBarsMarkup({ id, title, description, items, formatTick }: RankingBarsProps): Markup {
  const max = Math.max(0, ...items.map((i) => i.value));
  const ticks = niceTicks(0, max || 1, 4);
  const x = linearScale(0, ticks[ticks.length - 1], LABEL_W, WIDTH - VALUE_W);
  const height = TOP + items.length * ROW + 8;
  const grid = ticks.map((t) =>
    el(
      "g",
      null,
      el("line", { x1: x(t), x2: x(t), y1: TOP - 6, y2: height - 8, class: "chart__grid" }),
      el("text", { x: x(t), y: TOP - 10, "text-anchor": "middle", class: "chart__tick" }, text(formatTick(t))),
    ),
  );
  const bars = items.map((item, i) => {
    const y = TOP + i * ROW;
    const w = Math.max(1, x(item.value) - LABEL_W);
    return el(
      "g",
      { class: item.highlight ? "chart__row chart__row--mine" : "chart__row" },
      el("title", null, text(`${item.rank}. ${item.label}: ${item.valueText}`)),
      el("text", { x: LABEL_W - 6, y: y + ROW / 2 + 4, "text-anchor": "end", class: "chart__label" }, text(`${item.rank}. ${shorten(item.label.replace(/^KPU /, ""), 24)}`)),
      el("rect", { x: LABEL_W, y: y + 4, width: w, height: ROW - 8, class: item.highlight ? "chart__bar chart__bar--mine" : "chart__bar" }),
      el("text", { x: LABEL_W + w + 4, y: y + ROW / 2 + 4, class: "chart__value" }, text(item.highlight ? `${item.valueText} ◀ kantor Anda` : item.valueText)),
    );
  });
  return chartSvg({ id, width: WIDTH, height, title, description, className: "chart__svg chart__svg--bars", preserveAspectRatio: "xMinYMin meet" }, join(grid), join(bars));
}

/** Horizontal ranking bars drawn as SVG, on the server and again (the same markup) in the browser. */
export function RankingBars(props: RankingBarsProps) {
  return <ChartFigure markup={rankingBarsMarkup(props)} />;
}
