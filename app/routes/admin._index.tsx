import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { SelectField, TextField } from "../components/fields";
import { Pagination, pageParam } from "../components/pagination";
import { formatNumber, zoneLabel } from "../domain/format";
import { OFFICE_LEVEL_LABELS } from "../domain/labels";
import { OFFICE_PAGE_SIZE, searchOffices } from "../models/office.server";

export const meta: MetaFunction = () => [{ title: "Admin: kantor KPU — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["admin"] });
  const url = new URL(args.request.url);
  const filter = {
    q: (url.searchParams.get("q") ?? "").trim().slice(0, 100),
    level: url.searchParams.get("tingkat"),
    withoutSecretariat: url.searchParams.get("tanpaSekretariat") === "1",
  };
  const page = pageParam(url);
  const { total, rows } = searchOffices(actor, filter, page);
  return {
    filter,
    page,
    total,
    scope: actor.office.name,
    offices: rows.map((r) => ({ ...r.office, members: r.members })),
  };
}

export default function AdminOffices() {
  const { filter, page, total, offices, scope } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Kantor KPU</h1>
          <p className="lead">Cakupan Anda: {scope}.</p>
        </div>
        <Link className="button button--secondary" to="/admin/pengguna">
          Daftar akun
        </Link>
      </div>
      <Form method="get" className="filters" role="search" aria-label="Cari kantor">
        <TextField label="Nama atau kode wilayah" name="q" type="search" defaultValue={filter.q} hint="Contoh: Jepara atau 33.20" />
        <SelectField
          label="Tingkat"
          name="tingkat"
          defaultValue={filter.level ?? ""}
          placeholder="Semua tingkat"
          options={Object.entries(OFFICE_LEVEL_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <div className="field">
          <label htmlFor="f-tanpa">
            <input id="f-tanpa" type="checkbox" name="tanpaSekretariat" value="1" defaultChecked={filter.withoutSecretariat} /> Hanya
            kantor tanpa akun sekretariat
          </label>
        </div>
        <button type="submit" className="button button--secondary">
          Cari
        </button>
      </Form>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
        <table>
          <caption className="visually-hidden">Daftar kantor KPU</caption>
          <thead>
            <tr>
              <th scope="col">Kode</th>
              <th scope="col">Kantor</th>
              <th scope="col">Tingkat</th>
              <th scope="col">Zona</th>
              <th scope="col" className="num">
                Anggota aktif
              </th>
            </tr>
          </thead>
          <tbody>
            {offices.map((o) => (
              <tr key={o.id}>
                <td>
                  <code>{o.code}</code>
                </td>
                <td>
                  <Link to={`/admin/kantor/${o.id}`}>{o.name}</Link>
                </td>
                <td>{OFFICE_LEVEL_LABELS[o.level]}</td>
                <td>{zoneLabel(o.timeZone)}</td>
                <td className="num">{formatNumber(o.members)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {offices.length === 0 ? <p>Tidak ada kantor yang cocok.</p> : null}
      <Pagination page={page} pageSize={OFFICE_PAGE_SIZE} total={total} />
    </div>
  );
}
