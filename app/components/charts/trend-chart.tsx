import { linearScale, niceTicks, px, SERIES_STYLES } from "./scale";
import { ChartSvg, ValueGrid } from "./chart-svg";

export type TrendPoint = { x: number; y: number; label: string };
export type TrendSeries = { key: string; label: string; points: TrendPoint[]; highlight?: boolean };
export type TrendMarker = { x: number; label: string };

const WIDTH = 600;
const HEIGHT = 280;
const M = { left: 78, right: 16, top: 16, bottom: 40 };

function Shape({ shape, x, y, color }: { shape: string; x: number; y: number; color: string }) {
  if (shape === "square") return <rect x={px(x - 3.5)} y={px(y - 3.5)} width={7} height={7} fill={color} />;
  if (shape === "triangle") return <path d={`M${x},${px(y - 4.5)}L${px(x + 4.5)},${px(y + 3.5)}L${px(x - 4.5)},${px(y + 3.5)}Z`} fill={color} />;
  if (shape === "diamond") return <path d={`M${x},${px(y - 5)}L${px(x + 5)},${y}L${x},${px(y + 5)}L${px(x - 5)},${y}Z`} fill={color} />;
  return <circle cx={x} cy={y} r={3.5} fill={color} />;
}

/**
 * A line per series over time (x is a month index, see monthIndex), drawn on the server as SVG.
 * Markers draw a dashed vertical line, e.g. the month a practice started.
 */
export function TrendChart({
  id,
  title,
  description,
  series,
  markers = [],
  formatX,
  formatY,
}: {
  id: string;
  title: string;
  description: string;
  series: TrendSeries[];
  markers?: TrendMarker[];
  formatX: (x: number) => string;
  formatY: (y: number) => string;
}) {
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
  return (
    <figure className="chart" tabIndex={0}>
      <ChartSvg id={id} width={WIDTH} height={HEIGHT} title={title} description={description}>
        <ValueGrid ticks={yTicks} y={y} left={M.left} right={WIDTH - M.right} format={formatY} />
        {xTicks.map((t) => (
          <text key={t.x} x={x(t.x)} y={HEIGHT - M.bottom + 18} textAnchor="middle" className="chart__tick">
            {t.text}
          </text>
        ))}
        <line x1={M.left} x2={WIDTH - M.right} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom} className="chart__axis" />
        {markers.map((m) => (
          <g key={`${m.x}-${m.label}`} className="chart__marker">
            <line x1={x(m.x)} x2={x(m.x)} y1={M.top} y2={HEIGHT - M.bottom} />
            <text x={x(m.x) + 4} y={M.top + 10}>
              {m.label}
            </text>
          </g>
        ))}
        {series.map((s, i) => {
          const style = SERIES_STYLES[i % SERIES_STYLES.length];
          const d = s.points.map((p, j) => `${j ? "L" : "M"}${x(p.x).toFixed(1)},${y(p.y).toFixed(1)}`).join("");
          return (
            <g key={s.key}>
              <path d={d} fill="none" stroke={style.color} strokeWidth={s.highlight ? 3 : 2} strokeDasharray={style.dash || undefined} />
              {s.points.map((p) => (
                <g key={p.x}>
                  <title>{`${s.label}, ${p.label}: ${formatY(p.y)}`}</title>
                  <Shape shape={style.shape} x={x(p.x)} y={y(p.y)} color={style.color} />
                </g>
              ))}
            </g>
          );
        })}
      </ChartSvg>
      <figcaption>
        <ul className="chart__legend">
          {series.map((s, i) => {
            const style = SERIES_STYLES[i % SERIES_STYLES.length];
            return (
              <li key={s.key}>
                <svg width="28" height="12" aria-hidden="true">
                  <line x1="0" x2="28" y1="6" y2="6" stroke={style.color} strokeWidth="3" strokeDasharray={style.dash || undefined} />
                </svg>{" "}
                {s.label}
                {s.highlight ? " (kantor Anda)" : ""}
              </li>
            );
          })}
        </ul>
      </figcaption>
    </figure>
  );
}
