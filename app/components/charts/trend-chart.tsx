import { ChartFigure, chartSvg, valueGrid } from "./chart-svg";
import { el, join, text, type Markup } from "../markup";
import { linearScale, niceTicks, px, SERIES_STYLES } from "./scale";

export type TrendPoint = { x: number; y: number; label: string };
export type TrendSeries = { key: string; label: string; points: TrendPoint[]; highlight?: boolean };
export type TrendMarker = { x: number; label: string };

type TrendProps = {
  id: string;
  title: string;
  description: string;
  series: TrendSeries[];
  markers?: TrendMarker[];
  formatX: (x: number) => string;
  formatY: (y: number) => string;
};

const WIDTH = 600;
const HEIGHT = 280;
const M = { left: 78, right: 16, top: 16, bottom: 40 };

function shape(kind: string, x: number, y: number, color: string): Markup {
  if (kind === "square") return el("rect", { x: px(x - 3.5), y: px(y - 3.5), width: 7, height: 7, fill: color });
  if (kind === "triangle") return el("path", { d: `M${x},${px(y - 4.5)}L${px(x + 4.5)},${px(y + 3.5)}L${px(x - 4.5)},${px(y + 3.5)}Z`, fill: color });
  if (kind === "diamond") return el("path", { d: `M${x},${px(y - 5)}L${px(x + 5)},${y}L${x},${px(y + 5)}L${px(x - 5)},${y}Z`, fill: color });
  return el("circle", { cx: x, cy: y, r: 3.5, fill: color });
}

/**
 * A line per series over time (x is a month index, see monthIndex), as SVG markup with its legend;
 * null when there is nothing to draw. Markers draw a dashed vertical line, e.g. the month a
 * practice started.
 */
export function trendMarkup({ id, title, description, series, markers = [], formatX, formatY }: TrendProps): Markup | null {
  const xs = [...series.flatMap((s) => s.points.map((p) => p.x)), ...markers.map((m) => m.x)];
  const ys = series.flatMap((s) => s.points.map((p) => p.y));
  if (xs.length === 0 || ys.length === 0) return null;
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  const yTicks = niceTicks(Math.min(...ys), Math.max(...ys), 4);
  const x = linearScale(x0 - 1, x1 + 1, M.left, WIDTH - M.right);
  const y = linearScale(yTicks[0], yTicks[yTicks.length - 1], HEIGHT - M.bottom, M.top);
  const years: number[] = [];
  for (let yr = Math.ceil(x0 / 12); yr * 12 <= x1 + 1; yr++) years.push(yr);
  const xTicks = years.length >= 2 ? years.map((yr) => ({ x: yr * 12, text: String(yr) })) : [...new Set(xs)].map((v) => ({ x: v, text: formatX(v) }));
  const lines = series.map((s, i) => {
    const style = SERIES_STYLES[i % SERIES_STYLES.length];
    const d = s.points.map((p, j) => `${j ? "L" : "M"}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join("");
    return el(
      "g",
      null,
      el("path", { d, fill: "none", stroke: style.color, "stroke-width": s.highlight ? 3 : 2, "stroke-dasharray": style.dash || undefined }),
      ...s.points.map((p) => el("g", null, el("title", null, text(`${s.label}, ${p.label}: ${formatY(p.y)}`)), shape(style.shape, x(p.x), y(p.y), style.color))),
    );
  });
  const legend = series.map((s, i) => {
    const style = SERIES_STYLES[i % SERIES_STYLES.length];
    return el(
      "li",
      null,
      el("svg", { width: 28, height: 12, "aria-hidden": "true" }, el("line", { x1: 0, x2: 28, y1: 6, y2: 6, stroke: style.color, "stroke-width": 3, "stroke-dasharray": style.dash || undefined })),
      text(` ${s.label}${s.highlight ? " (kantor Anda)" : ""}`),
    );
  });
  return join([
    chartSvg(
      { id, width: WIDTH, height: HEIGHT, title, description },
      valueGrid({ ticks: yTicks, y, left: M.left, right: WIDTH - M.right, format: formatY }),
      join(xTicks.map((t) => el("text", { x: x(t.x), y: HEIGHT - M.bottom + 18, "text-anchor": "middle", class: "chart__tick" }, text(t.text)))),
      el("line", { x1: M.left, x2: WIDTH - M.right, y1: HEIGHT - M.bottom, y2: HEIGHT - M.bottom, class: "chart__axis" }),
      join(markers.map((m) => el("g", { class: "chart__marker" }, el("line", { x1: x(m.x), x2: x(m.x), y1: M.top, y2: HEIGHT - M.bottom }), el("text", { x: x(m.x) + 4, y: M.top + 10 }, text(m.label))))),
      join(lines),
    ),
    el("figcaption", null, el("ul", { class: "chart__legend" }, ...legend)),
  ]);
}

/** The trend chart drawn as SVG, on the server and again (the same markup) in the browser. */
export function TrendChart(props: TrendProps) {
  const markup = trendMarkup(props);
  return markup ? <ChartFigure markup={markup} /> : null;
}
