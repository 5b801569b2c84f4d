import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { fail, guard } from "../auth/guard.server";
import { SelectField } from "../components/fields";
import { formatNumber } from "../domain/format";
import { periodEnd, periodLabel } from "../domain/metrics";
import { periodInWords } from "../domain/periods";
import { lagScore, monitorRows } from "../models/metric.server";
import { provinceOptions } from "../models/office-directory.server";

export const meta: MetaFunction = () => [{ title: "Pemantauan kemajuan — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "signed-in" });
  // Monitoring is the work of KPU Provinsi and KPU RI (any role of those offices).
  if (actor.office.level === "kabkota") fail(403, "Pemantauan kemajuan hanya untuk KPU Provinsi dan KPU RI.");
  const asked = new URL(args.request.url).searchParams.get("provinsi")?.trim().slice(0, 2) || undefined;
  const province = actor.office.level === "ri" && asked && /^\d{2}$/.test(asked) ? asked : undefined;
  const rows = monitorRows(actor, province)
    .map((o) => {
      const score = lagScore(o.progress);
      return {
        code: o.code,
        name: o.name,
        dpb: o.dpb ? { value: o.dpb.value, period: o.dpb.period, end: periodEnd(o.dpb.period), source: o.dpb.source } : null,
        progress: o.progress
          ? {
              ...o.progress,
              meetings: o.progress.meetings.map((m) => ({ ...m, label: periodInWords(m.period) })),
              undetermined: o.progress.undetermined.map(periodInWords),
            }
          : null,
        // Laggards first (highest score), then offices with no Pleno data, then those up to date.
        rank: score < 0 ? 0.5 : score,
        state: score < 0 ? ("tanpa-data" as const) : score > 0 ? ("tertinggal" as const) : ("baik" as const),
      };
    })
    .sort((a, b) => b.rank - a.rank || (a.dpb?.end ?? 0) - (b.dpb?.end ?? 0) || a.code.localeCompare(b.code));
  // Laggards first, a hundred offices a page (KPU RI sees all 514 kabupaten/kota).
  const pageCount = Math.max(1, Math.ceil(rows.length / MONITOR_PAGE));
  const page = Math.min(pageCount, Math.max(1, Number.parseInt(new URL(args.request.url).searchParams.get("hal") ?? "1", 10) || 1));
  return {
    officeName: actor.office.name,
    isRi: actor.office.level === "ri",
    province: province ?? "",
    provinces: actor.office.level === "ri" ? provinceOptions() : [],
    total: rows.length,
    page,
    pageCount,
    rows: rows.slice((page - 1) * MONITOR_PAGE, page * MONITOR_PAGE).map((r) => ({ ...r, periodText: r.dpb ? periodLabel(r.dpb.period) : null })),
    missing: rows.filter((r) => !r.dpb).length,
    lagging: rows.filter((r) => r.state === "tertinggal").length,
    withoutData: rows.filter((r) => r.state === "tanpa-data").length,
  };
}

const MONITOR_PAGE = 100;

const STATE_TEXT = { tepat: "tepat waktu", terlambat: "terlambat", belum: "belum diselenggarakan" } as const;

export default function ProgressMonitor() {
  const { officeName, isRi, province, provinces, rows, missing, lagging, withoutData, total, page, pageCount } = useLoaderData<typeof loader>();
  const pageHref = (n: number) => `?${new URLSearchParams({ ...(province ? { provinsi: province } : {}), hal: String(n) }).toString()}`;
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Pemantauan kemajuan</h1>
          <p className="lead">
            KPU kabupaten/kota di bawah {officeName}: rapat wajib dua belas bulan terakhir, berita acara yang tersegel,
            rekap yang ditetapkan dan DPB terakhir. Kantor yang tertinggal di atas.
          </p>
        </div>
      </div>
      {isRi ? (
        <Form method="get" className="filters" aria-label="Pilih provinsi">
          <SelectField label="Provinsi" name="provinsi" placeholder="Semua provinsi" defaultValue={province} options={provinces.map((p) => ({ value: p.code, label: p.name }))} />
          <button type="submit" className="button">
            Tampilkan
          </button>
        </Form>
      ) : null}
      <p>
        {total} kantor · <strong>{lagging}</strong> tertinggal · {withoutData} belum mencatat rapat atau rekap di Pleno ·{" "}
        {missing} belum memiliki angka DPB.
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel kemajuan, dapat digulir ke samping">
        <table>
          <caption>Kemajuan per kantor (yang tertinggal di atas)</caption>
          <thead>
            <tr>
              <th scope="col">Kantor</th>
              <th scope="col">Rapat wajib</th>
              <th scope="col">Berita acara tersegel</th>
              <th scope="col">Rekap DPB ditetapkan</th>
              <th scope="col" className="num">
                DPB terakhir
              </th>
              <th scope="col">Keadaan</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} className={r.state === "tertinggal" ? "is-bad" : undefined}>
                <td>
                  <span className="muted">{r.code}</span> {r.name}
                </td>
                <td>
                  {r.progress && r.progress.due > 0 ? (
                    <>
                      {r.progress.onTime} dari {r.progress.due} tepat waktu
                      {r.progress.meetings.some((m) => m.state !== "tepat") ? (
                        <ul className="plain-list small">
                          {r.progress.meetings
                            .filter((m) => m.state !== "tepat")
                            .map((m) => (
                              <li key={m.period}>
                                {m.label}: {STATE_TEXT[m.state]}
                              </li>
                            ))}
                        </ul>
                      ) : null}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td>
                  {r.progress && r.progress.held > 0
                    ? r.progress.sealed === null
                      ? "—"
                      : `${r.progress.sealed} dari ${r.progress.held}`
                    : "—"}
                </td>
                <td>
                  {r.progress && (r.progress.determined > 0 || r.progress.undetermined.length > 0 || r.progress.draftRecaps > 0) ? (
                    <>
                      {r.progress.determined} ditetapkan
                      {r.progress.undetermined.length ? <div className="small">Belum: {r.progress.undetermined.join(", ")}</div> : null}
                    </>
                  ) : (
                    "—"
                  )}
                </td>
                <td className="num">
                  {r.dpb ? (
                    <>
                      {formatNumber(r.dpb.value)}
                      <div className="small muted">
                        {r.periodText} · {r.dpb.source}
                      </div>
                    </>
                  ) : (
                    <span className="badge badge--bad">belum ada</span>
                  )}
                </td>
                <td>
                  {r.state === "tertinggal" ? (
                    <span className="badge badge--bad">Tertinggal</span>
                  ) : r.state === "tanpa-data" ? (
                    <span className="badge">Belum memakai Pleno</span>
                  ) : (
                    <span className="badge badge--ok">Sesuai jadwal</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pageCount > 1 ? (
        <nav className="pagination no-print" aria-label="Halaman pemantauan">
          <span>
            Kantor {(page - 1) * MONITOR_PAGE + 1}–{Math.min(page * MONITOR_PAGE, total)} dari {total}.
          </span>{" "}
          {page > 1 ? <Link to={pageHref(page - 1)}>‹ Sebelumnya</Link> : null} {page < pageCount ? <Link to={pageHref(page + 1)}>Berikutnya ›</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
