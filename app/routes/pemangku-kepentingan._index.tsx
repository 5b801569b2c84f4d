import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { STAKEHOLDER_TYPES } from "../domain/enums";
import { guard } from "../auth/guard.server";
import { SelectField, TextField } from "../components/fields";
import { formatNumber } from "../domain/format";
import { STAKEHOLDER_TYPE_LABELS } from "../domain/labels";
import { waMeNumber } from "../domain/phone";
import { activeContactsByStakeholder, listStakeholders } from "../models/stakeholder.server";

export const meta: MetaFunction = () => [{ title: "Pemangku Kepentingan — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const url = new URL(args.request.url);
  const filter = {
    q: (url.searchParams.get("q") ?? "").trim().slice(0, 100),
    type: url.searchParams.get("jenis") ?? "",
    status: url.searchParams.get("status") ?? "aktif",
    withoutContact: url.searchParams.get("tanpaKontak") === "1",
  };
  const rows = listStakeholders(actor, filter);
  const contacts = activeContactsByStakeholder(
    actor,
    rows.map((r) => r.stakeholder.id),
  );
  return {
    filter,
    imported: Number(url.searchParams.get("diimpor") ?? 0) || 0,
    officeName: actor.office.name,
    organisations: rows.map((r) => ({
      id: r.stakeholder.id,
      name: r.stakeholder.name,
      type: r.stakeholder.type,
      isActive: r.stakeholder.isActive,
      contacts: (contacts.get(r.stakeholder.id) ?? []).map((c) => ({
        id: c.id,
        name: c.name,
        position: c.position,
        whatsapp: c.whatsapp,
        email: c.email,
      })),
    })),
  };
}

const TYPE_OPTIONS = STAKEHOLDER_TYPES.map((t) => ({ value: t, label: STAKEHOLDER_TYPE_LABELS[t] }));

export default function Stakeholders() {
  const { filter, organisations, officeName, imported } = useLoaderData<typeof loader>();
  const contactCount = organisations.reduce((n, o) => n + o.contacts.length, 0);
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Pemangku Kepentingan</h1>
          <p className="lead">Direktori organisasi dan kontak mitra {officeName}.</p>
        </div>
        <div className="row">
          <Link className="button" to="/pemangku-kepentingan/baru">
            Tambah organisasi
          </Link>
          <Link className="button button--secondary" to="/pemangku-kepentingan/impor">
            Impor CSV
          </Link>
        </div>
      </div>

      {imported ? (
        <div className="alert alert--ok" role="status">
          {formatNumber(imported)} organisasi berhasil diimpor.
        </div>
      ) : null}

      <Form method="get" className="filters" role="search" aria-label="Saring organisasi">
        <TextField label="Cari nama organisasi atau kontak" name="q" type="search" defaultValue={filter.q} />
        <SelectField label="Jenis" name="jenis" options={TYPE_OPTIONS} placeholder="Semua jenis" defaultValue={filter.type} />
        <SelectField
          label="Status"
          name="status"
          defaultValue={filter.status}
          options={[
            { value: "aktif", label: "Aktif" },
            { value: "nonaktif", label: "Nonaktif" },
            { value: "semua", label: "Semua" },
          ]}
        />
        {filter.withoutContact ? <input type="hidden" name="tanpaKontak" value="1" /> : null}
        <button type="submit" className="button button--secondary">
          Terapkan
        </button>
      </Form>

      <p aria-live="polite">
        {formatNumber(organisations.length)} organisasi, {formatNumber(contactCount)} kontak aktif
        {filter.withoutContact ? (
          <>
            {" "}
            · hanya organisasi tanpa kontak aktif (<Link to="/pemangku-kepentingan">tampilkan semua</Link>)
          </>
        ) : null}
      </p>

      {organisations.length === 0 ? (
        <div className="card">
          <p>Tidak ada organisasi yang cocok dengan saringan ini.</p>
        </div>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
          <table>
            <caption className="visually-hidden">Daftar organisasi pemangku kepentingan</caption>
            <thead>
              <tr>
                <th scope="col">Organisasi</th>
                <th scope="col">Jenis</th>
                <th scope="col">Kontak</th>
              </tr>
            </thead>
            <tbody>
              {organisations.map((o) => (
                <tr key={o.id}>
                  <td>
                    <Link to={`/pemangku-kepentingan/${o.id}`}>{o.name}</Link>
                    {o.isActive ? null : (
                      <>
                        {" "}
                        <span className="badge badge--bad">nonaktif</span>
                      </>
                    )}
                  </td>
                  <td>{STAKEHOLDER_TYPE_LABELS[o.type]}</td>
                  <td>
                    {o.contacts.length === 0 ? (
                      <span className="badge badge--warn">belum ada kontak</span>
                    ) : (
                      <ul className="list-plain">
                        {o.contacts.map((c) => (
                          <li key={c.id}>
                            <strong>{c.name}</strong>
                            {c.position ? `, ${c.position}` : ""}
                            <br />
                            {c.whatsapp ? (
                              <a href={`https://wa.me/${waMeNumber(c.whatsapp)}`} rel="noreferrer noopener" target="_blank">
                                WhatsApp {c.whatsapp}
                              </a>
                            ) : (
                              <span className="muted">tanpa WhatsApp</span>
                            )}
                            {c.email ? (
                              <>
                                {" · "}
                                <a href={`mailto:${c.email}`}>{c.email}</a>
                              </>
                            ) : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
