import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { fail, guard } from "../auth/guard.server";
import { formatNumber } from "../domain/format";
import { MAX_IMPORT_BYTES, validRows, type ImportColumn, type ImportPreview } from "../domain/metric-import";
import { METRICS } from "../domain/metrics";
import { existingImportedKeys, importMetrics, previewMetricImport } from "../models/metric.server";

export const meta: MetaFunction = () => [{ title: "Impor metrik — Pleno" }];

const COLUMNS: { key: ImportColumn; label: string }[] = [
  { key: "region_code", label: "region_code" },
  { key: "office", label: "office" },
  { key: "period", label: "period" },
  { key: "metric", label: "metric" },
  { key: "value", label: "value" },
  { key: "source", label: "source" },
];
const GOOD_ROWS_SHOWN = 20;

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["admin"] });
  const saved = Number(new URL(args.request.url).searchParams.get("tersimpan"));
  return {
    scope: actor.office.level === "ri" ? "semua kantor" : `${actor.office.name} dan KPU kabupaten/kota di bawahnya`,
    saved: Number.isInteger(saved) && saved > 0 ? saved : null,
    metrics: METRICS.map((m) => ({ code: m.code, label: m.label, unit: m.unit })),
  };
}

type ActionData = {
  csv: string;
  error?: string;
  preview?: {
    fileErrors: string[];
    total: number;
    badRows: number;
    replaces: number;
    rows: ImportPreview["rows"];
    hiddenGoodRows: number;
  };
};

async function readUpload(request: Request): Promise<{ csv: string; intent: unknown }> {
  const length = Number(request.headers.get("Content-Length") ?? 0);
  if (length > MAX_IMPORT_BYTES * 1.5) fail(413, "Berkas terlalu besar (paling besar 2 MB).");
  const form = await request.formData();
  const file = form.get("file");
  const pasted = form.get("csv");
  const intent = form.get("intent");
  if (file && typeof file === "object" && "size" in file && file.size > 0) {
    if (file.size > MAX_IMPORT_BYTES) fail(413, "Berkas terlalu besar (paling besar 2 MB).");
    return { csv: await file.text(), intent };
  }
  return { csv: typeof pasted === "string" ? pasted.slice(0, MAX_IMPORT_BYTES) : "", intent };
}

function summarise(csv: string, preview: ImportPreview, replaces: number): ActionData {
  const bad = preview.rows.filter((r) => Object.keys(r.errors).length > 0);
  const good = preview.rows.filter((r) => Object.keys(r.errors).length === 0);
  const shown = [...bad, ...good.slice(0, GOOD_ROWS_SHOWN)].sort((a, b) => a.line - b.line);
  return {
    csv,
    preview: {
      fileErrors: preview.fileErrors,
      total: preview.rows.length,
      badRows: preview.badRows,
      replaces,
      rows: shown,
      hiddenGoodRows: Math.max(0, good.length - GOOD_ROWS_SHOWN),
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["admin"] });
  const { csv, intent } = await readUpload(args.request);
  if (intent !== "periksa" && intent !== "simpan") fail(400, "Perintah tidak dikenal.");
  if (!csv.trim()) return json<ActionData>({ csv, error: "Pilih berkas CSV atau tempelkan isinya." }, { status: 400 });
  if (intent === "simpan") {
    const result = importMetrics(actor, csv);
    if ("saved" in result) return redirect(`/admin/metrik?tersimpan=${result.saved}`);
    return json<ActionData>(summarise(csv, result.preview, 0), { status: 400 });
  }
  const preview = previewMetricImport(actor, csv);
  const rows = validRows(preview);
  const existing = rows ? existingImportedKeys(rows) : new Set<string>();
  const replaces = rows ? rows.filter((r) => existing.has(`${r.officeId}|${r.period}|${r.metric}`)).length : 0;
  return json<ActionData>(summarise(csv, preview, replaces), { status: rows ? 200 : 400 });
}

export default function MetricImport() {
  const { scope, saved, metrics } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const preview = data?.preview;
  const ok = preview && preview.fileErrors.length === 0 && preview.badRows === 0;
  return (
    <div className="stack">
      <p>
        <Link to="/papan">← Papan banding</Link>
      </p>
      <h1>Impor metrik terbitan</h1>
      <p className="lead">
        Angka yang diterbitkan kantor KPU (untuk kantor yang belum memakai Pleno atau periode sebelum Pleno), dengan sumbernya. Cakupan akun Anda: {scope}.
      </p>
      {saved ? (
        <div className="alert alert--ok" role="status">
          {formatNumber(saved)} angka tersimpan dan tampil di papan banding.
        </div>
      ) : null}
      {data?.error ? (
        <div className="alert alert--error" role="alert">
          {data.error}
        </div>
      ) : null}

      <section className="card" aria-labelledby="upload-title">
        <h2 id="upload-title">1. Pilih berkas</h2>
        <p>
          Kolom (baris pertama): <code>region_code,office,period,metric,value,source</code>. Periode <code>2025-10</code>, <code>2025-Q4</code> atau{" "}
          <code>2025-S2</code>; nilai dengan titik desimal tanpa pemisah ribuan; sumber wajib diisi. Tidak ada yang disimpan sebelum Anda memeriksa
          pratinjau dan menekan Simpan.
        </p>
        <Form method="post" encType="multipart/form-data" className="stack">
          <input type="hidden" name="intent" value="periksa" />
          <div className="field">
            <label htmlFor="file">Berkas CSV</label>
            <input id="file" name="file" type="file" accept=".csv,text/csv" />
          </div>
          <div className="field">
            <label htmlFor="csv">atau tempelkan isi CSV</label>
            <textarea id="csv" name="csv" rows={6} defaultValue={preview ? "" : (data?.csv ?? "")} />
          </div>
          <button type="submit" className="button" disabled={busy}>
            Periksa
          </button>
        </Form>
        <details>
          <summary>Kode metrik</summary>
          <ul>
            {metrics.map((m) => (
              <li key={m.code}>
                <code>{m.code}</code> — {m.label} ({m.unit === "count" ? "bilangan bulat" : m.unit === "ratio" ? "rasio 0–1" : "persen 0–100"})
              </li>
            ))}
          </ul>
        </details>
      </section>

      {preview ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">2. Pratinjau</h2>
          {preview.fileErrors.length ? (
            <div className="alert alert--error" role="alert">
              <ul>
                {preview.fileErrors.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            </div>
          ) : ok ? (
            <div className="alert alert--ok" role="status">
              {formatNumber(preview.total)} baris siap disimpan
              {preview.replaces ? `; ${formatNumber(preview.replaces)} di antaranya menggantikan angka impor sebelumnya` : ""}.
            </div>
          ) : (
            <div className="alert alert--error" role="alert">
              {formatNumber(preview.badRows)} dari {formatNumber(preview.total)} baris bermasalah. Perbaiki berkas lalu periksa lagi; tidak ada yang disimpan.
            </div>
          )}
          {preview.rows.length ? (
            <div className="table-wrap">
              <table>
                <caption>Baris bermasalah dan contoh baris yang benar</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Baris
                    </th>
                    {COLUMNS.map((c) => (
                      <th key={c.key} scope="col">
                        {c.label}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.line} className={Object.keys(r.errors).length ? "is-bad" : undefined}>
                      <td className="num">{r.line}</td>
                      {COLUMNS.map((c) => {
                        const error = r.errors[c.key];
                        const warning = r.warnings[c.key];
                        return (
                          <td key={c.key} className={error ? "cell-bad" : undefined}>
                            {r.cells[c.key] || <span className="muted">(kosong)</span>}
                            {error ? <span className="cell-message">{error}</span> : null}
                            {warning ? <span className="cell-message cell-message--warn">{warning}</span> : null}
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {preview.hiddenGoodRows ? <p className="muted">{formatNumber(preview.hiddenGoodRows)} baris benar lainnya tidak ditampilkan.</p> : null}
          {ok ? (
            <Form method="post" encType="multipart/form-data">
              <input type="hidden" name="intent" value="simpan" />
              <input type="hidden" name="csv" value={data.csv} />
              <button type="submit" className="button" disabled={busy}>
                Simpan {formatNumber(preview.total)} angka
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
