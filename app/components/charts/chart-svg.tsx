import type { ReactNode } from "react";

/** The accessible frame every chart draws in: an SVG image named by its title and described by its text. */
export function ChartSvg({ id, width, height, title, description, children }: { id: string; width: number; height: number; title: string; description: string; children: ReactNode }) {
  return (
    <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart__svg">
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {children}
    </svg>
  );
}

/** Horizontal grid lines with their values at the left, for a chart whose values run up the y axis. */
export function ValueGrid({ ticks, y, left, right, format }: { ticks: number[]; y: (v: number) => number; left: number; right: number; format: (v: number) => string }) {
  return (
    <>
      {ticks.map((t) => (
        <g key={t}>
          <line x1={left} x2={right} y1={y(t)} y2={y(t)} className="chart__grid" />
          <text x={left - 6} y={y(t) + 4} textAnchor="end" className="chart__tick">
            {format(t)}
          </text>
        </g>
      ))}
    </>
  );
}
