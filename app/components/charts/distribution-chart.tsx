import type { Bin } from "../../domain/metrics";
import { ChartFigure, chartSvg, valueGrid } from "./chart-svg";
import { el, join, text, type Markup } from "../markup";
import { linearScale, niceTicks, px } from "./scale";

type DistributionProps = {
  id: string;
  title: string;
  description: string;
  bins: Bin[];
  markIndex: number;
  markLabel: string;
  formatX: (v: number) => string;
};

const WIDTH = 600;
const HEIGHT = 240;
const M = { left: 40, right: 12, top: 24, bottom: 46 };

/** Offices per value band, as columns; the band holding the viewer's office is marked. */
export function distributionMarkup({ id, title, description, bins, markIndex, markLabel, formatX }: DistributionProps): Markup {
  const yTicks = niceTicks(0, Math.max(...bins.map((b) => b.count)), 4).filter((t) => Number.isInteger(t));
  const y = linearScale(0, yTicks[yTicks.length - 1], HEIGHT - M.bottom, M.top);
  const slot = (WIDTH - M.left - M.right) / bins.length;
  const columns = bins.map((b, i) => {
    const bx = px(M.left + i * slot);
    const mine = i === markIndex;
    return el(
      "g",
      null,
      el("title", null, text(`${formatX(b.from)} – ${formatX(b.to)}: ${b.count} kantor${mine ? ` (${markLabel})` : ""}`)),
      el("rect", {
        x: bx + 2,
        y: y(b.count),
        width: px(slot - 4),
        height: Math.max(0, HEIGHT - M.bottom - y(b.count)),
        class: mine ? "chart__bar chart__bar--mine" : "chart__bar",
      }),
      mine && el("text", { x: px(bx + slot / 2), y: y(b.count) - 6, "text-anchor": "middle", class: "chart__value chart__value--mine" }, text(`▼ ${markLabel}`)),
      (i % 2 === 0 || bins.length <= 5) && el("text", { x: bx + 2, y: HEIGHT - M.bottom + 16, class: "chart__tick" }, text(formatX(b.from))),
    );
  });
  return chartSvg(
    { id, width: WIDTH, height: HEIGHT, title, description },
    valueGrid({ ticks: yTicks, y, left: M.left, right: WIDTH - M.right, format: String }),
    join(columns),
    el("line", { x1: M.left, x2: WIDTH - M.right, y1: HEIGHT - M.bottom, y2: HEIGHT - M.bottom, class: "chart__axis" }),
    el("text", { x: WIDTH / 2, y: HEIGHT - 6, "text-anchor": "middle", class: "chart__tick" }, text("nilai (batas bawah tiap kelompok) · tinggi kolom = jumlah kantor")),
  );
}

/** The distribution as an SVG column chart (nothing when there are no bins). */
export function DistributionChart(props: DistributionProps) {
  if (props.bins.length === 0) return null;
  return <ChartFigure markup={distributionMarkup(props)} />;
}
