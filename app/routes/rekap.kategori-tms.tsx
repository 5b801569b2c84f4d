import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { FormAlert } from "../components/fields";
import { tmsCategoriesSchema } from "../domain/tms-category-schema";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { saveTmsCategories, tmsCategoriesOf } from "../models/recap.server";

export const meta: MetaFunction = () => [{ title: "Kategori TMS — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  return json({
    canEdit: actor.membership.role === "secretariat",
    categories: tmsCategoriesOf(actor.office.id, false).map((c) => ({
      id: c.id,
      code: c.code,
      label: c.label,
      legalBasis: c.legalBasis,
      sortOrder: c.sortOrder,
      isActive: c.isActive,
    })),
  });
}

type ActionData = { errors: FieldErrors; values: Record<string, unknown> };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const values = formDataToObject(await args.request.formData());
  const result = validate(tmsCategoriesSchema, values);
  if (!result.ok) return json<ActionData>({ errors: result.errors, values }, { status: 400 });
  if (!saveTmsCategories(actor, result.data))
    return json<ActionData>({ errors: { "add.code": "Kode ini sudah dipakai kategori lain." }, values }, { status: 400 });
  return redirect("/rekap/kategori-tms?disimpan=1");
}

export default function TmsCategoriesPage() {
  const { canEdit, categories } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const [params] = useSearchParams();
  const e = failed?.errors ?? {};
  const sent = (failed?.values ?? {}) as { cat?: Record<string, string>[]; add?: Record<string, string> };
  return (
    <div className="stack">
      <p>
        <Link to="/rekap">← Rekap DPB</Link>
      </p>
      <h1>Kategori TMS</h1>
      <p className="lead">
        Kriteria PKPU 6/2021 Pasal 18 ayat (3) dengan kode yang dipakai operator. Kode tidak dapat diubah karena dipakai rekap yang sudah ada; label, urutan dan status aktif dapat diubah.
      </p>
      {params.get("disimpan") ? (
        <div className="alert alert--ok" role="status">
          Kategori disimpan.
        </div>
      ) : null}
      <FormAlert errors={failed?.errors} />
      <Form method="post">
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
          <table>
            <thead>
              <tr>
                <th scope="col">Kode</th>
                <th scope="col">Label</th>
                <th scope="col">Dasar (PKPU 6/2021)</th>
                <th scope="col">Urutan</th>
                <th scope="col">Aktif</th>
              </tr>
            </thead>
            <tbody>
              {categories.map((c, i) => (
                <tr key={c.id}>
                  <th scope="row">{c.code}</th>
                  <td>
                    <input type="hidden" name={`cat.${i}.id`} value={c.id} />
                    <input aria-label={`Label kategori ${c.code}`} name={`cat.${i}.label`} defaultValue={sent.cat?.[i]?.label ?? c.label} disabled={!canEdit} aria-invalid={e[`cat.${i}.label`] ? true : undefined} />
                    {e[`cat.${i}.label`] ? <span className="field-error">{e[`cat.${i}.label`]}</span> : null}
                  </td>
                  <td>{c.legalBasis || "–"}</td>
                  <td>
                    <input aria-label={`Urutan kategori ${c.code}`} name={`cat.${i}.sortOrder`} inputMode="numeric" size={4} defaultValue={sent.cat?.[i]?.sortOrder ?? c.sortOrder} disabled={!canEdit} />
                    {e[`cat.${i}.sortOrder`] ? <span className="field-error">{e[`cat.${i}.sortOrder`]}</span> : null}
                  </td>
                  <td>
                    <input type="checkbox" aria-label={`Kategori ${c.code} aktif`} name={`cat.${i}.isActive`} defaultChecked={failed ? sent.cat?.[i]?.isActive === "on" : c.isActive} disabled={!canEdit} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {canEdit ? (
          <fieldset>
            <legend>Tambah kategori</legend>
            <div className="form-grid">
              <div className="field">
                <label htmlFor="add-code">Kode</label>
                <input id="add-code" name="add.code" defaultValue={sent.add?.code ?? ""} aria-invalid={e["add.code"] ? true : undefined} />
                {e["add.code"] ? <p className="field-error">{e["add.code"]}</p> : null}
              </div>
              <div className="field">
                <label htmlFor="add-label">Label</label>
                <input id="add-label" name="add.label" defaultValue={sent.add?.label ?? ""} aria-invalid={e["add.label"] ? true : undefined} />
                {e["add.label"] ? <p className="field-error">{e["add.label"]}</p> : null}
              </div>
              <div className="field">
                <label htmlFor="add-order">Urutan</label>
                <input id="add-order" name="add.sortOrder" inputMode="numeric" defaultValue={sent.add?.sortOrder ?? ""} />
                {e["add.sortOrder"] ? <p className="field-error">{e["add.sortOrder"]}</p> : null}
              </div>
            </div>
          </fieldset>
        ) : null}
        {canEdit ? (
          <button className="button" type="submit">
            Simpan kategori
          </button>
        ) : null}
      </Form>
    </div>
  );
}
