import type { Bin } from "../../domain/metrics";
import { linearScale, niceTicks, px } from "./scale";
import { ChartSvg, ValueGrid } from "./chart-svg";

const WIDTH = 600;
const HEIGHT = 240;
const M = { left: 40, right: 12, top: 24, bottom: 46 };

/** Offices per value band, as columns; the band holding the viewer's office is marked. */
export function DistributionChart({
  id,
  title,
  description,
  bins,
  markIndex,
  markLabel,
  formatX,
}: {
  id: string;
  title: string;
  description: string;
  bins: Bin[];
  markIndex: number;
  markLabel: string;
  formatX: (v: number) => string;
}) {
  if (bins.length === 0) return null;
  const yTicks = niceTicks(0, Math.max(...bins.map((b) => b.count)), 4).filter((t) => Number.isInteger(t));
  const y = linearScale(0, yTicks[yTicks.length - 1], HEIGHT - M.bottom, M.top);
  const slot = (WIDTH - M.left - M.right) / bins.length;
  return (
    <figure className="chart" tabIndex={0}>
      <ChartSvg id={id} width={WIDTH} height={HEIGHT} title={title} description={description}>
        <ValueGrid ticks={yTicks} y={y} left={M.left} right={WIDTH - M.right} format={String} />
        {bins.map((b, i) => {
          const bx = px(M.left + i * slot);
          const mine = i === markIndex;
          return (
            <g key={i}>
              <title>{`${formatX(b.from)} – ${formatX(b.to)}: ${b.count} kantor${mine ? ` (${markLabel})` : ""}`}</title>
              <rect
                x={bx + 2}
                y={y(b.count)}
                width={px(slot - 4)}
                height={Math.max(0, HEIGHT - M.bottom - y(b.count))}
                className={mine ? "chart__bar chart__bar--mine" : "chart__bar"}
              />
              {mine ? (
                <text x={px(bx + slot / 2)} y={y(b.count) - 6} textAnchor="middle" className="chart__value chart__value--mine">
                  ▼ {markLabel}
                </text>
              ) : null}
              {i % 2 === 0 || bins.length <= 5 ? (
                <text x={bx + 2} y={HEIGHT - M.bottom + 16} className="chart__tick">
                  {formatX(b.from)}
                </text>
              ) : null}
            </g>
          );
        })}
        <line x1={M.left} x2={WIDTH - M.right} y1={HEIGHT - M.bottom} y2={HEIGHT - M.bottom} className="chart__axis" />
        <text x={WIDTH / 2} y={HEIGHT - 6} textAnchor="middle" className="chart__tick">
          nilai (batas bawah tiap kelompok) · tinggi kolom = jumlah kantor
        </text>
      </ChartSvg>
    </figure>
  );
}
