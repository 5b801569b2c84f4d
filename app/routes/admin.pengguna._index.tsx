import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { SelectField, TextField } from "../components/fields";
import { Pagination, pageParam } from "../components/pagination";
import { formatShortDateTime } from "../domain/format";
import { ROLE_LABELS } from "../domain/labels";
import { searchUsers, USER_PAGE_SIZE } from "../models/admin.server";

export const meta: MetaFunction = () => [{ title: "Admin: akun — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["admin"] });
  const url = new URL(args.request.url);
  const q = (url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const status = url.searchParams.get("status") ?? "";
  const page = pageParam(url);
  const { total, rows } = searchUsers(actor, q, status, page);
  return { q, status, page, total, users: rows, zone: actor.office.timeZone };
}

export default function AdminUsers() {
  const { q, status, page, total, users, zone } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/admin">← Kantor KPU</Link>
      </p>
      <h1>Akun</h1>
      <Form method="get" className="filters" role="search" aria-label="Cari akun">
        <TextField label="Nama atau e-mail" name="q" type="search" defaultValue={q} />
        <SelectField
          label="Status"
          name="status"
          defaultValue={status}
          placeholder="Semua"
          options={[
            { value: "aktif", label: "Aktif" },
            { value: "nonaktif", label: "Nonaktif" },
          ]}
        />
        <button type="submit" className="button button--secondary">
          Cari
        </button>
      </Form>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
        <table>
          <thead>
            <tr>
              <th scope="col">Nama</th>
              <th scope="col">E-mail</th>
              <th scope="col">Peran</th>
              <th scope="col">Terakhir masuk</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={`/admin/pengguna/${u.id}`}>{u.name}</Link>
                </td>
                <td>{u.email}</td>
                <td>
                  {u.memberships.map((m, i) => (
                    <div key={i}>
                      {ROLE_LABELS[m.role]} · {m.office}
                      {m.isActive ? "" : " (nonaktif)"}
                    </div>
                  ))}
                </td>
                <td>{u.lastSignInAt ? formatShortDateTime(new Date(u.lastSignInAt), zone) : "belum pernah"}</td>
                <td>{u.isActive ? <span className="badge badge--ok">aktif</span> : <span className="badge badge--bad">nonaktif</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {users.length === 0 ? <p>Tidak ada akun yang cocok.</p> : null}
      <Pagination page={page} pageSize={USER_PAGE_SIZE} total={total} />
    </div>
  );
}
