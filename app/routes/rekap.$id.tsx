import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { fail, guard } from "../auth/guard.server";
import { RecapGrid, rowsFromForm } from "../components/recap-grid";
import { formatDate, formatNumber } from "../domain/format";
import { periodLabel, sumLP, type Problem } from "../domain/recap";
import { DELIVERY_KIND_LABELS, DELIVERY_STATUS_LABELS, RECAP_STATUS_LABELS } from "../domain/recap-labels";
import { idParam } from "../lib/params";
import {
  areaNames,
  comparisonOf,
  createCorrection,
  deliveriesForPeriod,
  getRecap,
  gridRowsOfRecap,
  rowsOf,
  saveRecapRows,
  tmsCategoriesOf,
  versionsOf,
} from "../models/recap.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Rekap ${data.recap.periodLabel} — Pleno` : "Rekap — Pleno" },
];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const recap = getRecap(actor, idParam(args.params));
  const rows = rowsOf(recap.id);
  const names = areaNames(rows.map((r) => r.areaCode));
  const comparison = comparisonOf(recap, rows);
  const active = tmsCategoriesOf(actor.office.id, false);
  const used = new Set(rows.flatMap((r) => Object.keys(r.tms)));
  const categories = active.filter((c) => c.isActive || used.has(c.code)).map((c) => ({ code: c.code, label: c.label }));
  const zone = actor.office.timeZone;
  return json({
    canEdit: actor.membership.role === "secretariat",
    officeName: actor.office.name,
    recap: {
      id: recap.id,
      period: recap.period,
      periodLabel: periodLabel(recap.period),
      level: recap.level,
      status: recap.status,
      version: recap.version,
      correctionReason: recap.correctionReason,
      meetingId: recap.meetingId,
      determinedAt: recap.determinedAt ? formatDate(recap.determinedAt, zone) : null,
    },
    categories,
    gridRows: gridRowsOfRecap(recap.id),
    versions: versionsOf(recap).map((v) => ({
      id: v.id,
      version: v.version,
      status: v.status,
      reason: v.correctionReason,
      replaces: v.replacesRecapId,
      createdAt: formatDate(v.createdAt, zone),
      determinedAt: v.determinedAt ? formatDate(v.determinedAt, zone) : null,
    })),
    comparison: {
      previous: comparison.previous ? { ...comparison.previous, label: periodLabel(comparison.previous.period) } : null,
      rows: rows.map((r) => {
        const before = comparison.previousDpb[r.areaCode];
        return {
          code: r.areaCode,
          name: names.get(r.areaCode) ?? r.areaCode,
          before: before ? sumLP(before) : null,
          dpb: sumLP(r.dpb),
          tms: sumLP(r.tmsTotal),
          newVoters: sumLP(r.newVoters),
        };
      }),
      flags: comparison.flags,
    },
    deliveries: deliveriesForPeriod(actor.office.id, recap.period).map((d) => ({
      id: d.delivery.id,
      organisation: d.stakeholderName,
      kind: DELIVERY_KIND_LABELS[d.delivery.kind],
      status: DELIVERY_STATUS_LABELS[d.delivery.status],
      records: d.delivery.recordCount,
      tms: d.delivery.resultingTms,
      newVoters: d.delivery.resultingNewVoters,
    })),
  });
}

type ActionData = { problems?: Problem[]; values?: { line: number; cells: Record<string, string> }[]; reasonError?: string };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const recap = getRecap(actor, idParam(args.params));
  const form = await args.request.formData();
  const intent = form.get("intent");
  if (intent === "save") {
    if (recap.status !== "draf") fail(409, "Rekap yang sudah ditetapkan tidak dapat diubah. Buat koreksi (versi baru dengan alasan).");
    const raw = rowsFromForm(form);
    const result = saveRecapRows(actor, { period: recap.period, level: recap.level, raw });
    if (result.ok) return redirect(`/rekap/${result.recapId}?disimpan=1`);
    return json<ActionData>({ problems: result.problems, values: raw }, { status: 400 });
  }
  if (intent === "correct") {
    const reason = String(form.get("reason") ?? "").trim();
    if (reason.length < 10 || reason.length > 1000)
      return json<ActionData>({ reasonError: "Alasan koreksi wajib diisi (10–1000 karakter)." }, { status: 400 });
    const created = createCorrection(actor, recap.id, reason);
    return redirect(`/rekap/${created.id}`);
  }
  fail(400);
}

const FLAG_LABELS = { tms_high: "TMS > 2 %", dpb_fall: "DPB turun > TMS", new_without_source: "Pemilih baru tanpa sumber" } as const;

export default function RecapPage() {
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>() as ActionData | undefined;
  const [params] = useSearchParams();
  const { recap } = data;
  const editable = data.canEdit && recap.status === "draf";
  const rows = data.gridRows.map((r, i) => (failed?.values?.[i] ? { ...r, cells: failed.values[i].cells } : r));
  const latest = data.versions[data.versions.length - 1];
  const areaLabel = recap.level === "desa" ? "Desa/Kelurahan" : "Kecamatan";
  const flagsByArea = new Map<string, string[]>();
  for (const f of data.comparison.flags) if (f.areaCode) flagsByArea.set(f.areaCode, [...(flagsByArea.get(f.areaCode) ?? []), f.message]);
  return (
    <div className="stack">
      <p className="no-print">
        <Link to="/rekap">← Semua rekap</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>
            Rekap DPB {recap.periodLabel} <small>versi {recap.version}</small>
          </h1>
          <p className="lead">
            {data.officeName} ·{" "}
            <span className={recap.status === "ditetapkan" ? "badge badge--ok" : "badge badge--warn"}>{RECAP_STATUS_LABELS[recap.status]}</span>
            {recap.determinedAt ? ` pada ${recap.determinedAt}` : ""}
          </p>
          {recap.correctionReason ? <p>Koreksi atas versi sebelumnya. Alasan: {recap.correctionReason}</p> : null}
        </div>
        <p className="no-print">
          <a className="button button--secondary" href={`/rekap/${recap.id}/ekspor?format=csv`} download>
            Unduh CSV
          </a>{" "}
          <a className="button button--secondary" href={`/rekap/${recap.id}/ekspor?format=xlsx`} download>
            Unduh XLSX
          </a>{" "}
          <button type="button" className="button button--ghost" onClick={() => window.print()}>
            Cetak
          </button>
        </p>
      </div>

      {params.get("disimpan") ? (
        <div className="alert alert--ok" role="status">
          Rekap disimpan.
        </div>
      ) : null}
      {failed?.problems ? (
        <div className="alert alert--error" role="alert">
          Rekap belum disimpan: {failed.problems.length} masalah, ditandai pada selnya.
        </div>
      ) : null}
      {recap.status === "ditetapkan" ? (
        <p className="alert alert--warn">Rekap ini sudah ditetapkan dan terkunci. Perubahan hanya lewat koreksi (versi baru dengan alasan).</p>
      ) : null}

      {editable ? (
        <Form method="post">
          <RecapGrid
            rows={rows}
            categories={data.categories}
            problems={failed?.problems}
            editable
            previousLocked={Boolean(data.comparison.previous)}
            areaLabel={areaLabel}
            caption={`Model A-Rekap PDPB ${recap.periodLabel}`}
          />
          <p>
            <button className="button" type="submit" name="intent" value="save">
              Simpan
            </button>
          </p>
        </Form>
      ) : (
        <RecapGrid rows={rows} categories={data.categories} editable={false} previousLocked areaLabel={areaLabel} caption={`Model A-Rekap PDPB ${recap.periodLabel}`} />
      )}

      <section aria-labelledby="cmp-title">
        <h2 id="cmp-title">Perbandingan dengan periode sebelumnya</h2>
        <p className="muted">
          {data.comparison.previous ? `Dibandingkan dengan DPB yang ditetapkan untuk ${data.comparison.previous.label}.` : "Belum ada periode sebelumnya yang ditetapkan."}
        </p>
        {data.comparison.flags.filter((f) => !f.areaCode).map((f) => (
          <p key={f.kind} className="alert alert--warn">
            <strong>{FLAG_LABELS[f.kind]}:</strong> {f.message}
          </p>
        ))}
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
          <table>
            <thead>
              <tr>
                <th scope="col">{areaLabel}</th>
                <th scope="col" className="num">DPB periode lalu</th>
                <th scope="col" className="num">Pemilih baru</th>
                <th scope="col" className="num">TMS</th>
                <th scope="col" className="num">DPB</th>
                <th scope="col" className="num">Selisih</th>
                <th scope="col">Catatan</th>
              </tr>
            </thead>
            <tbody>
              {data.comparison.rows.map((r) => {
                const flags = flagsByArea.get(r.code);
                return (
                  <tr key={r.code} className={flags ? "is-bad" : undefined}>
                    <th scope="row">{r.name}</th>
                    <td className="num">{r.before === null ? "–" : formatNumber(r.before)}</td>
                    <td className="num">{formatNumber(r.newVoters)}</td>
                    <td className="num">{formatNumber(r.tms)}</td>
                    <td className="num">{formatNumber(r.dpb)}</td>
                    <td className="num">{r.before === null ? "–" : formatNumber(r.dpb - r.before)}</td>
                    <td>{flags ? flags.join(" ") : ""}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="del-title">
        <h2 id="del-title">Masukan data pemangku kepentingan periode ini</h2>
        {data.deliveries.length === 0 ? (
          <p className="muted">Belum ada masukan data tercatat untuk periode ini.</p>
        ) : (
          <ul className="list-plain">
            {data.deliveries.map((d) => (
              <li key={d.id}>
                {d.organisation}: {d.kind}, {formatNumber(d.records)} data ({d.status}); TMS {formatNumber(d.tms)}, pemilih baru {formatNumber(d.newVoters)}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="hist-title">
        <h2 id="hist-title">Riwayat versi</h2>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
          <table>
            <thead>
              <tr>
                <th scope="col">Versi</th>
                <th scope="col">Status</th>
                <th scope="col">Dibuat</th>
                <th scope="col">Ditetapkan</th>
                <th scope="col">Alasan koreksi</th>
              </tr>
            </thead>
            <tbody>
              {data.versions.map((v) => (
                <tr key={v.id}>
                  <td>{v.id === recap.id ? `Versi ${v.version} (ditampilkan)` : <Link to={`/rekap/${v.id}`}>Versi {v.version}</Link>}</td>
                  <td>{RECAP_STATUS_LABELS[v.status]}</td>
                  <td>{v.createdAt}</td>
                  <td>{v.determinedAt ?? "–"}</td>
                  <td>{v.reason ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {data.canEdit && recap.status === "ditetapkan" && latest?.id === recap.id ? (
        <section aria-labelledby="fix-title" className="card no-print">
          <h2 id="fix-title">Koreksi</h2>
          <p className="muted">Koreksi membuat versi baru (draf) dengan angka yang sama untuk diperbaiki; versi ini tetap tersimpan.</p>
          <Form method="post">
            <div className="field">
              <label htmlFor="reason">Alasan koreksi</label>
              <textarea id="reason" name="reason" required minLength={10} maxLength={1000} aria-invalid={failed?.reasonError ? true : undefined} aria-describedby={failed?.reasonError ? "reason-error" : undefined} />
              {failed?.reasonError ? (
                <p className="field-error" id="reason-error" role="alert">
                  {failed.reasonError}
                </p>
              ) : null}
            </div>
            <button className="button" type="submit" name="intent" value="correct">
              Buat versi koreksi
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
