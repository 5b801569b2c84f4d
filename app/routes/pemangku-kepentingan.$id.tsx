import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { fail, guard } from "../auth/guard.server";
import { idParam } from "../lib/params";
import { FormAlert } from "../components/fields";
import { ContactFields, OrganisationFields } from "../components/stakeholder-fields";
import { STAKEHOLDER_TYPE_LABELS } from "../domain/labels";
import { contactSchema, stakeholderSchema } from "../domain/stakeholder-schema";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import {
  addContact,
  contactsOf,
  getStakeholder,
  setContactActive,
  setStakeholderActive,
  stakeholderNameTaken,
  updateContact,
  updateStakeholder,
} from "../models/stakeholder.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.organisation.name ?? "Organisasi"} — Pleno` },
];


export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const organisation = getStakeholder(actor, idParam(args.params));
  return { organisation, contacts: contactsOf(organisation.id) };
}

const intentSchema = z.enum([
  "update-org",
  "deactivate-org",
  "activate-org",
  "add-contact",
  "update-contact",
  "deactivate-contact",
  "activate-contact",
]);

type ActionData = { form: string; errors: FieldErrors; values: Record<string, unknown> };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const id = idParam(args.params);
  const organisation = getStakeholder(actor, id);
  const values = formDataToObject(await args.request.formData());
  const intent = intentSchema.safeParse(values.intent);
  if (!intent.success) fail(400);
  const contactId = Number(values.contactId);
  const back = redirect(`/pemangku-kepentingan/${id}?disimpan=1`);

  switch (intent.data) {
    case "update-org": {
      const result = validate(stakeholderSchema, values);
      if (!result.ok) return json<ActionData>({ form: "org", errors: result.errors, values }, { status: 400 });
      if (stakeholderNameTaken(actor, result.data.name, id)) {
        return json<ActionData>({ form: "org", errors: { name: "Organisasi dengan nama ini sudah ada di direktori." }, values }, { status: 400 });
      }
      const version = Number(values.version);
      if (!updateStakeholder(actor, id, version, result.data)) {
        return json<ActionData>(
          {
            form: "org",
            errors: {
              _form:
                "Data organisasi ini baru saja diubah oleh orang lain, sehingga perubahan Anda belum disimpan. Isian Anda masih ada di bawah: muat ulang halaman untuk melihat versi terbaru, lalu simpan lagi.",
            },
            values,
          },
          { status: 409 },
        );
      }
      return back;
    }
    case "deactivate-org":
    case "activate-org":
      setStakeholderActive(actor, organisation.id, intent.data === "activate-org");
      return back;
    case "add-contact": {
      const result = validate(contactSchema, values);
      if (!result.ok) return json<ActionData>({ form: "add-contact", errors: result.errors, values }, { status: 400 });
      addContact(actor, id, result.data);
      return back;
    }
    case "update-contact": {
      const result = validate(contactSchema, values);
      if (!result.ok) return json<ActionData>({ form: `contact-${contactId}`, errors: result.errors, values }, { status: 400 });
      updateContact(actor, contactId, result.data);
      return back;
    }
    case "deactivate-contact":
    case "activate-contact":
      setContactActive(actor, contactId, intent.data === "activate-contact");
      return back;
  }
}

export default function StakeholderDetail() {
  const { organisation, contacts } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errorsFor = (form: string) => (data?.form === form ? data.errors : {});
  const valuesFor = (form: string, fallback: Record<string, unknown>) => (data?.form === form ? data.values : fallback);
  const orgValues = valuesFor("org", organisation);
  return (
    <div className="stack">
      <p>
        <Link to="/pemangku-kepentingan">← Pemangku Kepentingan</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{organisation.name}</h1>
          <p className="lead">
            {STAKEHOLDER_TYPE_LABELS[organisation.type]}{" "}
            {organisation.isActive ? (
              <span className="badge badge--ok">aktif</span>
            ) : (
              <span className="badge badge--bad">nonaktif</span>
            )}
          </p>
        </div>
        <Form method="post">
          <input type="hidden" name="intent" value={organisation.isActive ? "deactivate-org" : "activate-org"} />
          <button type="submit" className="button button--secondary">
            {organisation.isActive ? "Nonaktifkan organisasi" : "Aktifkan kembali"}
          </button>
        </Form>
      </div>
      {params.get("disimpan") && !data ? (
        <div className="alert alert--ok" role="status">
          Perubahan tersimpan.
        </div>
      ) : null}

      <section className="card" aria-labelledby="org-form">
        <h2 id="org-form">Data organisasi</h2>
        <FormAlert errors={errorsFor("org")} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="update-org" />
          <input type="hidden" name="version" value={String(data?.form === "org" ? data.values.version : organisation.version)} />
          <OrganisationFields values={orgValues} errors={errorsFor("org")} />
          <button type="submit" className="button">
            Simpan perubahan
          </button>
        </Form>
      </section>

      <section className="card" aria-labelledby="contacts-title">
        <h2 id="contacts-title">Kontak</h2>
        {contacts.length === 0 ? <p>Belum ada kontak.</p> : null}
        {contacts.map((c) => (
          <details key={c.id} className="contact" open={data?.form === `contact-${c.id}`}>
            <summary>
              <strong>{c.name}</strong>
              {c.position ? `, ${c.position}` : ""} {c.whatsapp ? `· ${c.whatsapp}` : ""}{" "}
              {c.isActive ? null : <span className="badge badge--bad">nonaktif</span>}
            </summary>
            <FormAlert errors={errorsFor(`contact-${c.id}`)} />
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="update-contact" />
              <input type="hidden" name="contactId" value={c.id} />
              <ContactFields values={valuesFor(`contact-${c.id}`, c)} errors={errorsFor(`contact-${c.id}`)} idPrefix={`c${c.id}-`} />
              <div className="row">
                <button type="submit" className="button">
                  Simpan kontak
                </button>
              </div>
            </Form>
            <Form method="post">
              <input type="hidden" name="intent" value={c.isActive ? "deactivate-contact" : "activate-contact"} />
              <input type="hidden" name="contactId" value={c.id} />
              <button type="submit" className="link-button">
                {c.isActive ? "Nonaktifkan kontak ini" : "Aktifkan kembali kontak ini"}
              </button>
            </Form>
          </details>
        ))}
        <h3>Tambah kontak</h3>
        <FormAlert errors={errorsFor("add-contact")} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="add-contact" />
          <ContactFields values={valuesFor("add-contact", {})} errors={errorsFor("add-contact")} idPrefix="new-" />
          <button type="submit" className="button">
            Tambah kontak
          </button>
        </Form>
      </section>
    </div>
  );
}
