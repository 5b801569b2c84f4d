import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { FormAlert } from "../components/fields";
import { ContactFields, OrganisationFields } from "../components/stakeholder-fields";
import { newStakeholderSchema } from "../domain/stakeholder-schema";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { createStakeholder, stakeholderNameTaken } from "../models/stakeholder.server";

export const meta: MetaFunction = () => [{ title: "Tambah organisasi — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { roles: ["secretariat"] });
  return null;
}

type ActionData = { errors: FieldErrors; values: Record<string, unknown> };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const values = formDataToObject(await args.request.formData());
  const result = validate(newStakeholderSchema, values);
  if (!result.ok) return json<ActionData>({ errors: result.errors, values }, { status: 400 });
  if (stakeholderNameTaken(actor, result.data.name)) {
    return json<ActionData>({ errors: { name: "Organisasi dengan nama ini sudah ada di direktori." }, values }, { status: 400 });
  }
  const { contact, ...org } = result.data;
  const created = createStakeholder(actor, org, contact ? [contact] : []);
  return redirect(`/pemangku-kepentingan/${created.id}?disimpan=1`);
}

export default function NewStakeholder() {
  const data = useActionData<typeof action>();
  const values = data?.values ?? {};
  const errors = data?.errors ?? {};
  const contact = (values.contact ?? {}) as Record<string, unknown>;
  return (
    <div className="stack">
      <p>
        <Link to="/pemangku-kepentingan">← Pemangku Kepentingan</Link>
      </p>
      <h1>Tambah organisasi</h1>
      <FormAlert errors={errors} />
      <Form method="post" className="card" noValidate>
        <OrganisationFields values={values} errors={errors} />
        <fieldset>
          <legend>Kontak pertama (boleh dikosongkan)</legend>
          <ContactFields values={contact} errors={errors} prefix="contact." />
        </fieldset>
        <button type="submit" className="button">
          Simpan organisasi
        </button>
      </Form>
    </div>
  );
}
