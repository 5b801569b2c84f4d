import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { VisitForm, withExtraDelegateRow } from "../components/visit-form";
import { visitSchema } from "../domain/knowledge-schema";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { officeOptions } from "../models/office-directory.server";
import { createVisit, hostOfficeProblem, transitionVisit } from "../models/visit.server";

export const meta: MetaFunction = () => [{ title: "Tulis laporan kunjungan — Pleno" }];

const WRITERS = ["visitor", "secretariat"] as const;

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: WRITERS });
  return { offices: officeOptions().filter((o) => o.id !== actor.office.id), officeName: actor.office.name };
}

type ActionData = { errors?: FieldErrors; values: Record<string, unknown> };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: WRITERS });
  const values = formDataToObject(await args.request.formData());
  const intent = values.intent;
  if (intent === "tambah-baris") return json<ActionData>({ values: withExtraDelegateRow(values) });
  if (intent !== "simpan" && intent !== "ajukan") return json<ActionData>({ errors: { _form: "Perintah tidak dikenal." }, values }, { status: 400 });
  const result = validate(visitSchema, values);
  if (!result.ok) return json<ActionData>({ errors: result.errors, values }, { status: 400 });
  const problem = hostOfficeProblem(actor, result.data.hostOfficeId);
  if (problem) return json<ActionData>({ errors: { hostOfficeId: problem }, values }, { status: 400 });
  const visit = createVisit(actor, result.data);
  if (intent === "ajukan") transitionVisit(actor, visit.id, "submit");
  return redirect(`/kunjungan/${visit.id}`);
}

export default function NewVisit() {
  const { offices, officeName } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <p>
        <Link to="/kunjungan">← Laporan kunjungan</Link>
      </p>
      <h1>Tulis laporan kunjungan kerja</h1>
      <p className="lead">
        Kantor pengunjung: <strong>{officeName}</strong>. Laporan tampil untuk umum setelah dikonfirmasi sekretariat kantor tuan rumah.
      </p>
      <VisitForm values={data?.values ?? {}} errors={data?.errors} offices={offices} submitLabel="Simpan sebagai draf" />
    </div>
  );
}
