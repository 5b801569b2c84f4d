import { linearScale, niceTicks, shorten } from "./scale";

export type BarItem = { key: string; label: string; value: number; valueText: string; rank: number; highlight?: boolean };

const WIDTH = 600;
const LABEL_W = 190;
const VALUE_W = 80;
const ROW = 24;
const TOP = 24;

/** Horizontal ranking bars drawn on the server as SVG; the table beside it carries every figure. */
export function RankingBars({
  id,
  title,
  description,
  items,
  formatTick,
}: {
  id: string;
  title: string;
  description: string;
  items: BarItem[];
  formatTick: (v: number) => string;
}) {
  const max = Math.max(0, ...items.map((i) => i.value));
  const ticks = niceTicks(0, max || 1, 4);
  const x = linearScale(0, ticks[ticks.length - 1], LABEL_W, WIDTH - VALUE_W);
  const height = TOP + items.length * ROW + 8;
  return (
    <figure className="chart" tabIndex={0}>
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        className="chart__svg chart__svg--bars"
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP - 6} y2={height - 8} className="chart__grid" />
            <text x={x(t)} y={TOP - 10} textAnchor="middle" className="chart__tick">
              {formatTick(t)}
            </text>
          </g>
        ))}
        {items.map((item, i) => {
          const y = TOP + i * ROW;
          const w = Math.max(1, x(item.value) - LABEL_W);
          return (
            <g key={item.key} className={item.highlight ? "chart__row chart__row--mine" : "chart__row"}>
              <title>{`${item.rank}. ${item.label}: ${item.valueText}`}</title>
              <text x={LABEL_W - 6} y={y + ROW / 2 + 4} textAnchor="end" className="chart__label">
                {`${item.rank}. ${shorten(item.label.replace(/^KPU /, ""), 24)}`}
              </text>
              <rect x={LABEL_W} y={y + 4} width={w} height={ROW - 8} className={item.highlight ? "chart__bar chart__bar--mine" : "chart__bar"} />
              <text x={LABEL_W + w + 4} y={y + ROW / 2 + 4} className="chart__value">
                {item.valueText}
                {item.highlight ? " ◀ kantor Anda" : ""}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
