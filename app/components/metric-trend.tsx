import { monthIndex } from "./charts/scale";
import { TrendChart, type TrendMarker, type TrendSeries } from "./charts/trend-chart";
import { formatMetricValue, periodLabel, type MetricDefinition } from "../domain/metrics";

export type TrendRow = { period: string; periodEnd: number; value: number; source: string };

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const monthText = (x: number) => `${MONTHS[x % 12]} ${Math.floor(x / 12)}`;

/** One or more offices' series of a metric: the SVG chart and, beside it, the table with every source. */
export function MetricTrend({
  id,
  metric,
  offices,
  markers = [],
}: {
  id: string;
  metric: Pick<MetricDefinition, "label" | "unit">;
  offices: { key: string; name: string; rows: TrendRow[]; highlight?: boolean }[];
  markers?: TrendMarker[];
}) {
  const format = (v: number) => formatMetricValue(metric, v);
  const series: TrendSeries[] = offices.map((o) => ({
    key: o.key,
    label: o.name,
    highlight: o.highlight,
    points: o.rows.map((r) => ({ x: monthIndex(r.periodEnd), y: r.value, label: periodLabel(r.period) })),
  }));
  const description = offices
    .map((o) => {
      if (o.rows.length === 0) return `${o.name}: belum ada data.`;
      const first = o.rows[0];
      const last = o.rows[o.rows.length - 1];
      return `${o.name}: ${format(first.value)} pada ${periodLabel(first.period)} menjadi ${format(last.value)} pada ${periodLabel(last.period)} (${o.rows.length} periode).`;
    })
    .concat(markers.map((m) => `Garis putus-putus: ${m.label}.`))
    .join(" ");
  return (
    <div className="chart-with-table">
      <TrendChart
        id={id}
        title={`Tren ${metric.label}`}
        description={description}
        series={series}
        markers={markers}
        formatX={monthText}
        formatY={format}
      />
      <div className="table-wrap">
        <table>
          <caption>Tren {metric.label} (tabel)</caption>
          <thead>
            <tr>
              {offices.length > 1 ? <th scope="col">Kantor</th> : null}
              <th scope="col">Periode</th>
              <th scope="col" className="num">
                Nilai
              </th>
              <th scope="col">Sumber</th>
            </tr>
          </thead>
          <tbody>
            {offices.flatMap((o) =>
              o.rows.map((r) => (
                <tr key={`${o.key}-${r.period}`}>
                  {offices.length > 1 ? <td>{o.name}</td> : null}
                  <td>{periodLabel(r.period)}</td>
                  <td className="num">{format(r.value)}</td>
                  <td className="source">{r.source}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export { monthText };
