import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { fail, guard } from "../auth/guard.server";
import { FormAlert, SelectField, TextArea, TextField } from "../components/fields";
import { deliverySchema } from "../domain/delivery-schema";
import { formatNumber } from "../domain/format";
import { isPeriod, periodLabel } from "../domain/recap";
import { DELIVERY_KIND_LABELS, DELIVERY_STATUS_LABELS } from "../domain/recap-labels";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { createDelivery, deliveriesForPeriod, deliveryPeriods, getDelivery, updateDelivery } from "../models/recap.server";
import { listStakeholders } from "../models/stakeholder.server";
import { DELIVERY_KINDS, DELIVERY_STATUSES } from "../../db/schema/recap";

export const meta: MetaFunction = () => [{ title: "Masukan data pemangku kepentingan — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const url = new URL(args.request.url);
  const periods = deliveryPeriods(actor.office.id);
  const asked = url.searchParams.get("periode") ?? "";
  const period = isPeriod(asked) ? asked : (periods[0] ?? "");
  const editId = Number(url.searchParams.get("ubah"));
  const editing = actor.membership.role === "secretariat" && Number.isInteger(editId) && editId > 0 ? getDelivery(actor, editId) : null;
  return json({
    canEdit: actor.membership.role === "secretariat",
    period,
    periodLabel: period ? periodLabel(period) : "",
    periods: periods.map((p) => ({ value: p, label: periodLabel(p) })),
    deliveries: period
      ? deliveriesForPeriod(actor.office.id, period).map((d) => ({ ...d.delivery, organisation: d.stakeholderName }))
      : [],
    organisations: listStakeholders(actor, {}).map((s) => ({ value: String(s.stakeholder.id), label: s.stakeholder.name })),
    editing,
  });
}

type ActionData = { errors: FieldErrors; values: Record<string, unknown> };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const form = await args.request.formData();
  const values = formDataToObject(form);
  const intent = values.intent;
  if (intent !== "create" && intent !== "update") fail(400);
  const result = validate(deliverySchema, values);
  if (!result.ok) return json<ActionData>({ errors: result.errors, values }, { status: 400 });
  if (intent === "update") updateDelivery(actor, Number(values.id), result.data);
  else createDelivery(actor, result.data);
  return redirect(`/rekap/masukan-data?periode=${result.data.period}&disimpan=1`);
}

const kindOptions = DELIVERY_KINDS.map((k) => ({ value: k, label: DELIVERY_KIND_LABELS[k] }));
const statusOptions = DELIVERY_STATUSES.map((s) => ({ value: s, label: DELIVERY_STATUS_LABELS[s] }));

export default function DeliveriesPage() {
  const data = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const e = failed?.errors ?? {};
  const editing = data.editing;
  const v = (key: string, fallback: string) => {
    const got = failed?.values[key];
    return typeof got === "string" ? got : fallback;
  };
  return (
    <div className="stack">
      <p>
        <Link to="/rekap">← Rekap DPB</Link>
      </p>
      <h1>Masukan data pemangku kepentingan</h1>
      <p className="lead">Data yang diserahkan organisasi per periode dan TMS atau pemilih baru yang dihasilkannya.</p>

      <Form method="get" className="filters">
        <SelectField label="Periode" name="periode" options={data.periods} defaultValue={data.period} />
        <button className="button button--secondary" type="submit">
          Tampilkan
        </button>
      </Form>

      <section aria-labelledby="list-title">
        <h2 id="list-title">{data.period ? `Masukan ${data.periodLabel}` : "Belum ada masukan data"}</h2>
        {data.deliveries.length ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
            <table>
              <thead>
                <tr>
                  <th scope="col">Organisasi</th>
                  <th scope="col">Jenis data</th>
                  <th scope="col" className="num">Jumlah data</th>
                  <th scope="col">Diterima</th>
                  <th scope="col">Status</th>
                  <th scope="col" className="num">TMS</th>
                  <th scope="col" className="num">Pemilih baru</th>
                  <th scope="col">Catatan</th>
                  {data.canEdit ? <th scope="col">Aksi</th> : null}
                </tr>
              </thead>
              <tbody>
                {data.deliveries.map((d) => (
                  <tr key={d.id}>
                    <td>{d.organisation}</td>
                    <td>{DELIVERY_KIND_LABELS[d.kind]}</td>
                    <td className="num">{formatNumber(d.recordCount)}</td>
                    <td>{d.receivedOn}</td>
                    <td>{DELIVERY_STATUS_LABELS[d.status]}</td>
                    <td className="num">{formatNumber(d.resultingTms)}</td>
                    <td className="num">{formatNumber(d.resultingNewVoters)}</td>
                    <td>{d.notes}</td>
                    {data.canEdit ? (
                      <td>
                        <Link to={`?periode=${d.period}&ubah=${d.id}#form-title`}>Ubah</Link>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      {data.canEdit ? (
        <section aria-labelledby="form-title" className="card">
          <h2 id="form-title">{editing ? "Ubah masukan data" : "Catat masukan data"}</h2>
          <FormAlert errors={failed?.errors} />
          <Form method="post" key={editing?.id ?? "new"}>
            {editing ? <input type="hidden" name="id" value={editing.id} /> : null}
            <div className="form-grid">
              <TextField label="Periode" name="period" placeholder="2025-Q3" defaultValue={v("period", editing?.period ?? data.period)} error={e.period} />
              <SelectField label="Organisasi" name="stakeholderId" options={data.organisations} placeholder="Pilih organisasi" defaultValue={v("stakeholderId", editing ? String(editing.stakeholderId) : "")} error={e.stakeholderId} />
              <SelectField label="Jenis data" name="kind" options={kindOptions} placeholder="Pilih jenis" defaultValue={v("kind", editing?.kind ?? "")} error={e.kind} />
              <TextField label="Jumlah data" name="recordCount" inputMode="numeric" defaultValue={v("recordCount", editing ? String(editing.recordCount) : "")} error={e.recordCount} />
              <TextField label="Tanggal diterima" name="receivedOn" type="date" defaultValue={v("receivedOn", editing?.receivedOn ?? "")} error={e.receivedOn} />
              <SelectField label="Status" name="status" options={statusOptions} defaultValue={v("status", editing?.status ?? "diterima")} error={e.status} />
              <TextField label="TMS yang dihasilkan" name="resultingTms" inputMode="numeric" defaultValue={v("resultingTms", editing ? String(editing.resultingTms) : "0")} error={e.resultingTms} />
              <TextField label="Pemilih baru yang dihasilkan" name="resultingNewVoters" inputMode="numeric" defaultValue={v("resultingNewVoters", editing ? String(editing.resultingNewVoters) : "0")} error={e.resultingNewVoters} />
            </div>
            <TextArea label="Catatan" name="notes" defaultValue={v("notes", editing?.notes ?? "")} error={e.notes} />
            <button className="button" type="submit" name="intent" value={editing ? "update" : "create"}>
              {editing ? "Simpan perubahan" : "Catat"}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}
