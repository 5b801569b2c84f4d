import { monthIndex } from "./charts/scale";
import { el, join, text } from "./markup";
import { citeEach, numberSources, SourceList, sourceRefMarkup } from "./source-notes";
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
  const periods = [...new Map(offices.flatMap((o) => o.rows).map((r) => [r.period, r])).values()].sort(
    (a, b) => a.periodEnd - b.periodEnd || a.period.localeCompare(b.period),
  );
  const notes = numberSources(offices.flatMap((o) => o.rows.map((r) => r.source)));
  const markEach = citeEach(notes);
  const byPeriod = offices.map((o) => new Map(o.rows.map((r) => [r.period, r])));
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
      <div>
        <div className="table-wrap">
          <table>
            <caption>Tren {metric.label} (tabel)</caption>
            <thead>
              <tr>
                <th scope="col">Periode</th>
                {offices.map((o) => (
                  <th key={o.key} scope="col" className="num">
                    {offices.length > 1 ? o.name : "Nilai"}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody
              dangerouslySetInnerHTML={{
                __html: join(
                  periods.map((p) =>
                    el(
                      "tr",
                      null,
                      el("th", { scope: "row" }, text(periodLabel(p.period))),
                      ...offices.map((_, i) => {
                        const r = byPeriod[i].get(p.period);
                        return el("td", { class: "num" }, text(r ? format(r.value) : "—"), r && markEach && sourceRefMarkup(notes.get(r.source), `${id}-sumber`));
                      }),
                    ),
                  ),
                ),
              }}
            />
          </table>
        </div>
        <SourceList notes={notes} prefix={`${id}-sumber`} />
      </div>
    </div>
  );
}
