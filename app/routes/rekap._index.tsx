import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { fail, guard } from "../auth/guard.server";
import { RecapGrid, rowsFromForm } from "../components/recap-grid";
import { formatNumber } from "../domain/format";
import { isPeriod, periodLabel, type Problem } from "../domain/recap";
import { RECAP_STATUS_LABELS } from "../domain/recap-labels";
import {
  blankGridRows,
  determinedBefore,
  latestVersion,
  listRecaps,
  saveRecapRows,
  tmsCategoriesOf,
  type RecapLevel,
} from "../models/recap.server";

export const meta: MetaFunction = () => [{ title: "Rekap DPB — Pleno" }];

const READERS = ["secretariat", "commissioner"] as const;

function levelOf(value: string | null): RecapLevel {
  return value === "desa" ? "desa" : "kecamatan";
}

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: READERS });
  const url = new URL(args.request.url);
  const period = url.searchParams.get("periode")?.trim() ?? "";
  const level = levelOf(url.searchParams.get("tingkat"));
  const recaps = listRecaps(actor).map(({ recap, dpb }) => ({
    id: recap.id,
    period: recap.period,
    periodLabel: periodLabel(recap.period),
    level: recap.level,
    status: recap.status,
    version: recap.version,
    dpb,
  }));
  let entry = null;
  let periodError: string | null = null;
  if (period) {
    if (!isPeriod(period)) periodError = "Periode ditulis seperti 2025-10 (bulan), 2025-Q2 (triwulan) atau 2025-S1 (semester).";
    else {
      const existing = latestVersion(actor.office.id, level, period);
      if (existing) throw redirect(`/rekap/${existing.id}`);
      const previous = determinedBefore(actor.office.id, level, period);
      entry = {
        period,
        periodLabel: periodLabel(period),
        level,
        previousPeriod: previous ? periodLabel(previous.recap.period) : null,
        rows: blankGridRows(actor.office, level, period),
        categories: tmsCategoriesOf(actor.office.id).map((c) => ({ code: c.code, label: c.label })),
      };
    }
  }
  return json({
    canEdit: actor.membership.role === "secretariat",
    officeName: actor.office.name,
    recaps,
    period,
    level,
    periodError,
    entry,
  });
}

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const form = await args.request.formData();
  const period = String(form.get("period") ?? "");
  const level = levelOf(String(form.get("level") ?? ""));
  if (form.get("intent") !== "save" || !isPeriod(period)) fail(400);
  const raw = rowsFromForm(form);
  const result = saveRecapRows(actor, { period, level, raw });
  if (result.ok) return redirect(`/rekap/${result.recapId}?disimpan=1`);
  return json({ problems: result.problems, values: raw }, { status: 400 });
}

export default function RecapIndex() {
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as { problems: Problem[]; values: { line: number; cells: Record<string, string> }[] } | undefined;
  const entry = data.entry;
  const rows = entry
    ? entry.rows.map((r, i) => (failed?.values[i] ? { ...r, cells: failed.values[i].cells } : r))
    : [];
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Rekap Daftar Pemilih Berkelanjutan</h1>
          <p className="lead">Model A-Rekap PDPB {data.officeName}</p>
        </div>
        <p className="no-print">
          {data.canEdit ? (
            <>
              <Link className="button button--secondary" to="/rekap/impor">
                Impor CSV/XLSX
              </Link>{" "}
              <Link className="button button--ghost" to="/rekap/masukan-data">
                Masukan data pemangku kepentingan
              </Link>
            </>
          ) : null}{" "}
          <Link className="button button--ghost" to="/rekap/kategori-tms">
            Kategori TMS
          </Link>
        </p>
      </div>

      <Form method="get" className="filters" aria-label="Pilih periode">
        <div className="field">
          <label htmlFor="periode">Periode</label>
          <input id="periode" name="periode" defaultValue={data.period} placeholder="2025-Q3" aria-invalid={data.periodError ? true : undefined} aria-describedby={data.periodError ? "periode-error" : "periode-hint"} />
          <span className="hint" id="periode-hint">
            2025-10 (bulan), 2025-Q3 (triwulan) atau 2025-S2 (semester)
          </span>
          {data.periodError ? (
            <p className="field-error" id="periode-error" role="alert">
              {data.periodError}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="tingkat">Tingkat</label>
          <select id="tingkat" name="tingkat" defaultValue={data.level}>
            <option value="kecamatan">Per kecamatan</option>
            <option value="desa">Per desa/kelurahan</option>
          </select>
        </div>
        <button className="button" type="submit">
          Buka
        </button>
      </Form>

      {entry && data.canEdit ? (
        <section aria-labelledby="entry-title">
          <h2 id="entry-title">Rekap baru: {entry.periodLabel}</h2>
          <p className="muted">
            {entry.previousPeriod
              ? `DPB sebelumnya diisi dari rekap yang ditetapkan untuk ${entry.previousPeriod}.`
              : "Belum ada periode sebelumnya yang ditetapkan: isi DPB sebelumnya."}{" "}
            Tombol Tab berpindah ke bawah dalam satu kolom. DPB dihitung otomatis saat disimpan.
          </p>
          {failed ? (
            <div className="alert alert--error" role="alert">
              Rekap belum disimpan: {failed.problems.length} masalah, ditandai pada selnya.
            </div>
          ) : null}
          <Form method="post">
            <input type="hidden" name="period" value={entry.period} />
            <input type="hidden" name="level" value={entry.level} />
            <RecapGrid
              rows={rows}
              categories={entry.categories}
              problems={failed?.problems}
              editable
              previousLocked={Boolean(entry.previousPeriod)}
              areaLabel={entry.level === "desa" ? "Desa/Kelurahan" : "Kecamatan"}
              caption={`Model A-Rekap PDPB ${entry.periodLabel}`}
            />
            <p>
              <button className="button" type="submit" name="intent" value="save">
                Simpan sebagai draf
              </button>
            </p>
          </Form>
        </section>
      ) : entry ? (
        <p className="alert alert--warn">Belum ada rekap untuk {entry.periodLabel}.</p>
      ) : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">Rekap kantor ini</h2>
        {data.recaps.length === 0 ? (
          <p className="muted">Belum ada rekap.</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
            <table>
              <thead>
                <tr>
                  <th scope="col">Periode</th>
                  <th scope="col">Tingkat</th>
                  <th scope="col">Versi</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">
                    DPB (L+P)
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.recaps.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`/rekap/${r.id}`}>{r.periodLabel}</Link>
                    </td>
                    <td>{r.level === "desa" ? "Desa/kelurahan" : "Kecamatan"}</td>
                    <td>{r.version}</td>
                    <td>
                      <span className={r.status === "ditetapkan" ? "badge badge--ok" : "badge badge--warn"}>{RECAP_STATUS_LABELS[r.status]}</span>
                    </td>
                    <td className="num">{formatNumber(r.dpb)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
