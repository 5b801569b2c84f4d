import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";
import { guard } from "../auth/guard.server";
import { readSnapshot } from "../db.server";
import { DistributionChart } from "../components/charts/distribution-chart";
import { RankingBars } from "../components/charts/ranking-bars";
import { SelectField, TextField } from "../components/fields";
import { MetricTrend } from "../components/metric-trend";
import { rankingRowsMarkup } from "../components/ranking-rows";
import { citeEach, numberSources, SourceList } from "../components/source-notes";
import { formatMetricValue, MAX_COMPARED, periodLabel } from "../domain/metrics";
import { boardQueryFrom, buildBoard } from "../models/board.server";
import { provinceOptions } from "../models/office-directory.server";

export const meta: MetaFunction = () => [{ title: "Papan banding — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "public" });
  const url = new URL(args.request.url);
  const { board, provinces } = readSnapshot(() => ({ board: buildBoard(boardQueryFrom(url), actor), provinces: provinceOptions() }));
  const { ranked, chartRows, compared, mine, ...rest } = board;
  // The table pages through the ranking (the CSV holds it whole); the viewer's row is always shown.
  const pageCount = Math.max(1, Math.ceil(ranked.length / RANK_PAGE));
  const page = Math.min(pageCount, Math.max(1, Number.parseInt(url.searchParams.get("hal") ?? "1", 10) || 1));
  const pageRows = ranked.slice((page - 1) * RANK_PAGE, page * RANK_PAGE);
  if (mine && !pageRows.includes(mine)) pageRows.push(mine);
  // What goes into the page's data is serialised, parsed and serialised again by Remix, so it is
  // kept to what the page draws: each distinct source once (rows carry its index), no field the
  // board already says once for all rows (period, peer group, which row is the viewer's).
  const numbered = numberSources([...pageRows, ...compared.flatMap((o) => o.rows)].map((r) => r.source));
  const source = (text: string) => numbered.get(text)! - 1;
  const row = (r: (typeof ranked)[number]) => ({ code: r.code, name: r.name, rank: r.rank, value: r.value, source: source(r.source), origin: r.origin });
  const bar = (r: (typeof ranked)[number]) => ({ code: r.code, name: r.name, rank: r.rank, value: r.value });
  return {
    board: {
      ...rest,
      ranked: pageRows.map(row),
      rankedCount: ranked.length,
      top: ranked.slice(0, 5).map((r) => ({ code: r.code, rank: r.rank, name: r.name, value: r.value })),
      chartRows: chartRows.map(bar),
      mine: mine ? row(mine) : null,
      // What the trend chart and its table draw: no more goes into the page's data.
      compared: compared.map((o) => ({ code: o.code, name: o.name, mine: o.mine, rows: o.rows.map((r) => ({ period: r.period, periodEnd: r.periodEnd, value: r.value, source: source(r.source) })) })),
      sources: [...numbered.keys()],
    },
    page,
    pageCount,
    provinces,
    signedIn: !!actor,
  };
}

const RANK_PAGE = 50;

const ORIGIN_LABELS = { computed: "dihitung Pleno", imported: "impor" } as const;
const DIRECTION_TEXT = {
  higher: "Makin tinggi makin baik; peringkat 1 = nilai tertinggi.",
  lower: "Makin rendah makin baik; peringkat 1 = nilai terendah.",
  neutral: "Ukuran, bukan penilaian: diurutkan dari nilai terbesar.",
} as const;

export default function BenchmarkBoard() {
  const { board, provinces, page, pageCount } = useLoaderData<typeof loader>();
  // Office names for the pickers arrive after the page (they would double its size).
  const [names, setNames] = useState<string[]>([]);
  useEffect(() => {
    let live = true;
    fetch("/papan/kantor")
      .then((r) => (r.ok ? (r.json() as Promise<string[]>) : []))
      .then((list) => live && setNames(list))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  const location = useLocation();
  const { metric, period, ranked } = board;
  const format = (v: number) => formatMetricValue(metric, v);
  const periodText = period ? periodLabel(period) : "";
  const top = board.top.map((r) => `${r.rank}. ${r.name} ${format(r.value)}`).join("; ");
  /** This board's address with some parameters changed, landing on a section. */
  const hrefWith = (change: (params: URLSearchParams) => void, section: string) => {
    const params = new URLSearchParams(location.search);
    change(params);
    return `?${params.toString()}#${section}`;
  };
  const pageHref = (n: number) => hrefWith((p) => p.set("hal", String(n)), "rank-title");
  // Nothing compared yet (a visitor with no office of their own): the best two, one click away.
  const bestTwo = board.compared.length === 0 ? board.top.slice(0, 2) : [];
  const compareBestHref = () =>
    hrefWith((p) => {
      p.delete("banding");
      for (const o of bestTwo) p.append("banding", o.code);
    }, "compare-title");
  const mineCode = board.mine?.code;
  const sourceOf = (i: number) => board.sources[i] ?? "";
  const rows = ranked.map((r) => ({ ...r, source: sourceOf(r.source), origin: ORIGIN_LABELS[r.origin] }));
  const notes = numberSources(rows.map((r) => r.source));
  // One source and one origin for the whole table: named once under it, not on every row.
  const markEach = citeEach(notes);
  const oneOrigin = rows.every((r) => r.origin === rows[0].origin);
  const sourceColumn = markEach || !oneOrigin;
  const compareSlots = Array.from({ length: MAX_COMPARED }, (_, i) => board.compared[i]?.name ?? "");
  return (
    <div className="stack board">
      <div className="page-head">
        <div>
          <h1>Papan banding</h1>
          <p className="lead">Kantor KPU kabupaten/kota dibandingkan pada mutu data dan proses. Setiap angka menyebut periode dan sumbernya.</p>
        </div>
        <a className="button button--secondary no-print" href={`/papan.csv${location.search}`} download>
          Unduh CSV
        </a>
      </div>

      <Form method="get" className="filters" aria-label="Pilih metrik dan periode">
        <SelectField label="Metrik" name="metrik" defaultValue={metric.code} options={board.metrics.map((m) => ({ value: m.code, label: m.label }))} />
        <SelectField
          label="Periode"
          name="periode"
          defaultValue={period ?? ""}
          options={board.periods.map((p) => ({ value: p.period, label: `${periodLabel(p.period)} (${p.offices} kantor)` }))}
          placeholder={board.periods.length ? undefined : "Belum ada data"}
        />
        <SelectField label="Provinsi" name="provinsi" placeholder="Semua provinsi" defaultValue={board.filter.province} options={provinces.map((p) => ({ value: p.code, label: p.name }))} />
        <SelectField
          label="Kelompok sebanding"
          name="kelompok"
          placeholder="Semua ukuran"
          defaultValue={board.filter.peerGroup}
          options={board.peerGroups.map((g) => ({ value: g.code, label: g.label }))}
          hint="Kantor dengan DPB terakhir sebesar"
        />
        {board.compared.map((o) => (
          <input key={o.code} type="hidden" name="banding" value={o.code} />
        ))}
        <button type="submit" className="button">
          Tampilkan
        </button>
      </Form>

      <section className="card" aria-labelledby="metric-title">
        <h2 id="metric-title">
          {metric.label}
          {period ? ` · ${periodText}` : ""}
        </h2>
        <p>{metric.description}</p>
        <p className="muted">
          {DIRECTION_TEXT[metric.direction]} {board.rankedCount} kantor
          {board.median !== null ? `; median ${format(board.median)}` : ""}.
          {board.highlighted ? ` Disorot: ${board.highlighted.name}${board.mine ? ` (peringkat ${board.mine.rank})` : " (tidak ada angka untuk pilihan ini)"}.` : ""}
        </p>
      </section>

      {board.rankedCount === 0 ? (
        <p className="alert alert--warn">Belum ada angka {metric.label.toLowerCase()} untuk pilihan ini. Angka dihitung Pleno dari data kantor atau diimpor admin dari sumber terbitan.</p>
      ) : (
        <>
          <section aria-labelledby="rank-title">
            <h2 id="rank-title">Peringkat</h2>
            <div className="chart-with-table">
              <RankingBars
                id="ranking"
                title={`Peringkat ${metric.label}, ${periodText}`}
                description={`${board.rankedCount} kantor. Teratas: ${top}.${board.mine ? ` ${board.mine.name}: peringkat ${board.mine.rank}, ${format(board.mine.value)}.` : ""}`}
                items={board.chartRows.map((r) => ({ key: r.code, label: r.name, value: r.value, valueText: format(r.value), rank: r.rank, highlight: r.code === mineCode }))}
                formatTick={format}
              />
              {/* Scrolls on its own: focusable, so the keyboard can scroll it too. */}
              <div className="table-wrap table-wrap--tall" tabIndex={0} role="region" aria-label="Tabel peringkat">
                <table>
                  <caption>
                    Peringkat {metric.label}, {periodText} (tabel; setiap nilai untuk periode {periodText})
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        Peringkat
                      </th>
                      <th scope="col">Kantor</th>
                      <th scope="col" className="num">
                        Nilai
                      </th>
                      {sourceColumn ? <th scope="col">Sumber</th> : null}
                    </tr>
                  </thead>
                  <tbody
                    dangerouslySetInnerHTML={{
                      __html: rankingRowsMarkup(rows, { mineCode, format, notes, markEach, sourceColumn, prefix: "peringkat-sumber" }),
                    }}
                  />
                </table>
                <SourceList notes={notes} prefix="peringkat-sumber" detail={oneOrigin ? rows[0]?.origin : undefined} />
              </div>
            </div>
            {pageCount > 1 ? (
              <nav className="pagination no-print" aria-label="Halaman peringkat">
                <span>
                  Tabel: peringkat {(page - 1) * RANK_PAGE + 1}–{Math.min(page * RANK_PAGE, board.rankedCount)} dari {board.rankedCount} kantor
                  {board.mine && (board.mine.rank <= (page - 1) * RANK_PAGE || board.mine.rank > page * RANK_PAGE) ? ", ditambah kantor yang disorot" : ""}.
                </span>{" "}
                {page > 1 ? <Link to={pageHref(page - 1)}>‹ Sebelumnya</Link> : null}{" "}
                {page < pageCount ? <Link to={pageHref(page + 1)}>Berikutnya ›</Link> : null}{" "}
                <a href={`/papan.csv${location.search}`}>semua kantor (CSV)</a>
              </nav>
            ) : null}
            {board.chartRows.length < board.rankedCount ? (
              <p className="muted">Grafik menampilkan {board.chartRows.length} kantor teratas{board.mine ? " dan kantor yang disorot" : ""}.</p>
            ) : null}
          </section>

          {board.learnFrom.length ? (
            <section className="card" aria-labelledby="learn-title">
              <h2 id="learn-title">Belajar dari yang terbaik</h2>
              <ul className="list-plain">
                {board.learnFrom.map((o) => (
                  <li key={o.code}>
                    <strong>
                      {o.rank}. {o.name}
                    </strong>{" "}
                    ({format(o.value)}) —{" "}
                    {o.practices ? <Link to={`/praktik-baik?kantor=${o.code}`}>{o.practices} praktik baik</Link> : <span className="muted">belum ada praktik baik</span>} ·{" "}
                    {o.visits ? <Link to={`/kunjungan?kantor=${o.code}`}>{o.visits} laporan kunjungan</Link> : <span className="muted">belum ada laporan kunjungan</span>}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}

          <section aria-labelledby="dist-title">
            <h2 id="dist-title">Sebaran</h2>
            <div className="chart-with-table">
              <DistributionChart
                id="distribution"
                title={`Sebaran ${metric.label}, ${periodText}`}
                description={`Jumlah kantor per rentang nilai. ${
                  board.mine ? `${board.mine.name} berada pada rentang ${board.mineBin + 1} dari ${board.bins.length}.` : ""
                }`}
                bins={board.bins}
                markIndex={board.mineBin}
                markLabel={board.mine ? "kantor Anda" : ""}
                formatX={format}
              />
              <div className="table-wrap">
                <table>
                  <caption>Sebaran (tabel)</caption>
                  <thead>
                    <tr>
                      <th scope="col">Rentang nilai</th>
                      <th scope="col" className="num">
                        Jumlah kantor
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {board.bins.map((b, i) => (
                      <tr key={i} className={i === board.mineBin ? "is-mine" : undefined}>
                        <td>
                          {format(b.from)} – {format(b.to)}
                          {i === board.mineBin ? <strong> (kantor Anda)</strong> : null}
                        </td>
                        <td className="num">{b.count}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          </section>
        </>
      )}

      <section aria-labelledby="compare-title">
        <h2 id="compare-title">Bandingkan dari waktu ke waktu</h2>
        <Form method="get" className="filters no-print" aria-label="Pilih kantor yang dibandingkan">
          <input type="hidden" name="metrik" value={metric.code} />
          {period ? <input type="hidden" name="periode" value={period} /> : null}
          {board.filter.province ? <input type="hidden" name="provinsi" value={board.filter.province} /> : null}
          {board.filter.peerGroup ? <input type="hidden" name="kelompok" value={board.filter.peerGroup} /> : null}
          {compareSlots.map((name, i) => (
            <TextField
              key={i}
              id={`banding-${i + 1}`}
              label={`Kantor ${i + 1}`}
              name="banding"
              list="daftar-kantor"
              autoComplete="off"
              defaultValue={name}
              hint={i === 0 ? "Ketik nama atau kode kantor" : undefined}
            />
          ))}
          <datalist id="daftar-kantor">
            {names.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
          <button type="submit" className="button">
            Bandingkan
          </button>
        </Form>
        {board.compared.length ? (
          <MetricTrend
            id="compare-trend"
            metric={metric}
            offices={board.compared.map((o) => ({ key: o.code, name: o.name, rows: o.rows.map((r) => ({ ...r, source: sourceOf(r.source) })), highlight: o.mine }))}
          />
        ) : (
          <p>
            Pilih sampai {MAX_COMPARED} kantor untuk melihat {metric.label.toLowerCase()} mereka dari periode ke periode.
            {bestTwo.length === 2 ? (
              <>
                {" "}
                Atau <Link to={compareBestHref()}>bandingkan dua kantor teratas: {bestTwo[0].name} dan {bestTwo[1].name}</Link>.
              </>
            ) : null}
          </p>
        )}
      </section>
    </div>
  );
}
