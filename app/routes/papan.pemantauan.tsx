import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { fail, guard } from "../auth/guard.server";
import { SelectField } from "../components/fields";
import { formatNumber } from "../domain/format";
import { periodEnd, periodLabel } from "../domain/metrics";
import { monitorRows } from "../models/metric.server";
import { provinceOptions } from "../models/office-directory.server";

export const meta: MetaFunction = () => [{ title: "Pemantauan kemajuan — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "signed-in" });
  // Monitoring is the work of KPU Provinsi and KPU RI (any role of those offices).
  if (actor.office.level === "kabkota") fail(403, "Pemantauan kemajuan hanya untuk KPU Provinsi dan KPU RI.");
  const asked = new URL(args.request.url).searchParams.get("provinsi")?.trim().slice(0, 2) || undefined;
  const province = actor.office.level === "ri" && asked && /^\d{2}$/.test(asked) ? asked : undefined;
  const rows = monitorRows(actor, province)
    .map((o) => ({
      code: o.code,
      name: o.name,
      dpb: o.dpb ? { value: o.dpb.value, period: o.dpb.period, end: periodEnd(o.dpb.period), source: o.dpb.source } : null,
    }))
    // Laggards first: no DPB at all, then the oldest latest period.
    .sort((a, b) => (a.dpb?.end ?? 0) - (b.dpb?.end ?? 0) || a.code.localeCompare(b.code));
  return {
    officeName: actor.office.name,
    isRi: actor.office.level === "ri",
    province: province ?? "",
    provinces: actor.office.level === "ri" ? provinceOptions() : [],
    rows: rows.map((r) => ({ ...r, periodText: r.dpb ? periodLabel(r.dpb.period) : null })),
    missing: rows.filter((r) => !r.dpb).length,
  };
}

export default function ProgressMonitor() {
  const { officeName, isRi, province, provinces, rows, missing } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Pemantauan kemajuan</h1>
          <p className="lead">
            KPU kabupaten/kota di bawah {officeName}: DPB terakhir yang tercatat di papan banding, yang tertinggal di atas.
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
        {rows.length} kantor · <strong>{missing}</strong> belum memiliki angka DPB.
      </p>
      <div className="table-wrap">
        <table>
          <caption>DPB terakhir per kantor (yang tertinggal di atas)</caption>
          <thead>
            <tr>
              <th scope="col">Kode</th>
              <th scope="col">Kantor</th>
              <th scope="col" className="num">
                DPB terakhir
              </th>
              <th scope="col">Periode</th>
              <th scope="col">Sumber</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} className={r.dpb ? undefined : "is-bad"}>
                <td>{r.code}</td>
                <td>{r.name}</td>
                <td className="num">{r.dpb ? formatNumber(r.dpb.value) : "—"}</td>
                <td>{r.periodText ?? <span className="badge badge--bad">belum ada</span>}</td>
                <td className="source">{r.dpb?.source ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
