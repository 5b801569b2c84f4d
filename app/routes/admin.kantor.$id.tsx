import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ROLES } from "../domain/enums";
import { guard } from "../auth/guard.server";
import { idParam } from "../lib/params";
import { FormAlert, SelectField, TextField } from "../components/fields";
import { formatNumber, zoneLabel } from "../domain/format";
import { DIVISIONS, OFFICE_LEVEL_LABELS, POSITION_LABELS, ROLE_LABELS } from "../domain/labels";
import { newAccountSchema } from "../domain/account-schema";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { areaCounts, createAccount, requireOfficeInScope, stakeholderOptions } from "../models/admin.server";
import { officeMembers } from "../models/office.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.office.name ?? "Kantor"} — Admin Pleno` }];


export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["admin"] });
  const office = requireOfficeInScope(actor, idParam(args.params));
  return {
    office,
    areas: areaCounts(office.code, office.level),
    members: officeMembers(office.id).map(({ membership, user }) => ({
      id: membership.id,
      userId: user.id,
      name: user.name,
      email: user.email,
      role: membership.role,
      position: membership.position,
      division: membership.division,
      title: membership.title,
      isActive: membership.isActive && user.isActive,
    })),
    stakeholders: stakeholderOptions(office.id),
  };
}

type ActionData =
  | { ok: false; errors: FieldErrors; values: Record<string, unknown> }
  | { ok: true; email: string; existing: boolean; temporaryPassword: string | null };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["admin"] });
  const office = requireOfficeInScope(actor, idParam(args.params));
  const values = formDataToObject(await args.request.formData());
  const result = validate(newAccountSchema, values);
  const keep = { ...values, password: "" };
  if (!result.ok) return json<ActionData>({ ok: false, errors: result.errors, values: keep }, { status: 400 });
  const created = await createAccount(actor, office.id, result.data);
  if (!created.ok) return json<ActionData>({ ok: false, errors: created.errors, values: keep }, { status: 400 });
  return json<ActionData>({
    ok: true,
    email: result.data.email,
    existing: created.result.existing,
    temporaryPassword: created.result.temporaryPassword,
  });
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

export default function AdminOffice() {
  const { office, areas, members, stakeholders } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const failed = data && !data.ok ? data : null;
  const values = failed?.values ?? {};
  const errors = failed?.errors ?? {};
  return (
    <div className="stack">
      <p>
        <Link to="/admin">← Kantor KPU</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{office.name}</h1>
          <p className="lead">
            {OFFICE_LEVEL_LABELS[office.level]} · kode <code>{office.code}</code> · zona waktu {zoneLabel(office.timeZone)} (
            {office.timeZone})
          </p>
        </div>
      </div>
      <div className="grid">
        {areas.regencies !== null ? (
          <div className="card stat">
            <span className="stat__value">{formatNumber(areas.regencies)}</span>
            <span className="stat__label">kabupaten/kota</span>
          </div>
        ) : null}
        {areas.districts !== null ? (
          <div className="card stat">
            <span className="stat__value">{formatNumber(areas.districts)}</span>
            <span className="stat__label">kecamatan</span>
          </div>
        ) : null}
        {areas.villages !== null ? (
          <div className="card stat">
            <span className="stat__value">{formatNumber(areas.villages)}</span>
            <span className="stat__label">desa/kelurahan</span>
          </div>
        ) : null}
      </div>

      <section aria-labelledby="members-title">
        <h2 id="members-title">Anggota kantor</h2>
        {members.length === 0 ? (
          <p>Kantor ini belum memiliki akun.</p>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
            <table>
              <thead>
                <tr>
                  <th scope="col">Nama</th>
                  <th scope="col">E-mail</th>
                  <th scope="col">Peran</th>
                  <th scope="col">Jabatan / divisi</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m) => (
                  <tr key={m.id}>
                    <td>
                      <Link to={`/admin/pengguna/${m.userId}`}>{m.name}</Link>
                    </td>
                    <td>{m.email}</td>
                    <td>{ROLE_LABELS[m.role]}</td>
                    <td>
                      {m.position ? POSITION_LABELS[m.position] : m.title}
                      {m.division ? `, ${m.division}` : ""}
                    </td>
                    <td>{m.isActive ? <span className="badge badge--ok">aktif</span> : <span className="badge badge--bad">nonaktif</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="card" aria-labelledby="new-account">
        <h2 id="new-account">Buat akun di kantor ini</h2>
        {data?.ok ? (
          <div className="alert alert--ok" role="status">
            {data.existing
              ? `Akun ${data.email} sudah ada; perannya di kantor ini telah ditambahkan.`
              : `Akun ${data.email} telah dibuat.`}
            {data.temporaryPassword ? (
              <>
                {" "}
                Kata sandi sementara (hanya ditampilkan sekali): <code>{data.temporaryPassword}</code>
              </>
            ) : null}
          </div>
        ) : null}
        <FormAlert errors={errors} />
        <Form method="post" noValidate key={data?.ok ? data.email : "form"}>
          <div className="form-grid">
            <TextField label="Nama lengkap" name="name" required maxLength={120} defaultValue={str(values.name)} error={errors.name} />
            <TextField label="E-mail" name="email" type="email" required maxLength={254} defaultValue={str(values.email)} error={errors.email} />
            <TextField
              label="Kata sandi awal"
              name="password"
              type="password"
              autoComplete="new-password"
              maxLength={200}
              hint="Minimal 10 karakter. Kosongkan agar Pleno membuat kata sandi sementara."
              error={errors.password}
            />
            <SelectField
              label="Peran"
              name="role"
              required
              placeholder="— pilih peran —"
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
              defaultValue={str(values.role)}
              error={errors.role}
            />
            <SelectField
              label="Jabatan komisioner"
              name="position"
              placeholder="— bukan komisioner —"
              options={[
                { value: "ketua", label: "Ketua" },
                { value: "anggota", label: "Anggota" },
              ]}
              hint="Wajib untuk peran komisioner."
              defaultValue={str(values.position)}
              error={errors.position}
            />
            <SelectField
              label="Divisi"
              name="division"
              placeholder="— tidak ada —"
              options={DIVISIONS.map((d) => ({ value: d, label: d }))}
              defaultValue={str(values.division)}
              error={errors.division}
            />
            <TextField label="Jabatan tertulis" name="title" maxLength={120} hint="Contoh: Kasubbag Perencanaan, Data dan Informasi" defaultValue={str(values.title)} error={errors.title} />
            <SelectField
              label="Organisasi (untuk peserta)"
              name="stakeholderId"
              placeholder="— bukan peserta —"
              options={stakeholders.map((s) => ({ value: String(s.id), label: s.name }))}
              hint="Wajib untuk peran peserta."
              defaultValue={str(values.stakeholderId)}
              error={errors.stakeholderId}
            />
          </div>
          <button type="submit" className="button">
            Buat akun
          </button>
        </Form>
      </section>
    </div>
  );
}
