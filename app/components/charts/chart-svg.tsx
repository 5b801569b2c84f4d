import { el, join, text, type Markup } from "../markup";

/** The accessible frame every chart draws in: an SVG image named by its title and described by its text. */
export function chartSvg(
  { id, width, height, title, description, className = "chart__svg", preserveAspectRatio }: { id: string; width: number; height: number; title: string; description: string; className?: string; preserveAspectRatio?: string },
  ...children: Markup[]
): Markup {
  return el(
    "svg",
    { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-labelledby": `${id}-title ${id}-desc`, class: className, preserveAspectRatio },
    el("title", { id: `${id}-title` }, text(title)),
    el("desc", { id: `${id}-desc` }, text(description)),
    ...children,
  );
}

/** Horizontal grid lines with their values at the left, for a chart whose values run up the y axis. */
export function valueGrid({ ticks, y, left, right, format }: { ticks: number[]; y: (v: number) => number; left: number; right: number; format: (v: number) => string }): Markup {
  return join(
    ticks.map((t) =>
      el("g", null, el("line", { x1: left, x2: right, y1: y(t), y2: y(t), class: "chart__grid" }), el("text", { x: left - 6, y: y(t) + 4, "text-anchor": "end", class: "chart__tick" }, text(format(t)))),
    ),
  );
}

/**
 * A chart on the page: a focusable figure holding markup built by one of the chart functions.
 * The same function runs in the browser, so hydration finds the markup the server sent.
 */
export function ChartFigure({ markup }: { markup: Markup }) {
  return <figure className="chart" tabIndex={0} dangerouslySetInnerHTML={{ __html: markup }} />;
}
