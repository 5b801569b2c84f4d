import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { PracticeForm } from "../components/practice-form";
import { practiceSchema } from "../domain/knowledge-schema";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { getPracticeForEdit, updatePractice } from "../models/practice.server";
import { idParam } from "../lib/params";

export const meta: MetaFunction = () => [{ title: "Ubah praktik baik — Pleno" }];

function idOf(params: { id?: string }) {
  return idParam(params);
}

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const found = getPracticeForEdit(actor, idOf(args.params));
  const p = found.practice;
  return {
    id: p.id,
    values: { title: p.title, summary: p.summary, body: p.body, since: p.since, evidence: p.evidence, topics: found.topics } as Record<string, unknown>,
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const id = idOf(args.params);
  getPracticeForEdit(actor, id);
  const values = formDataToObject(await args.request.formData());
  const result = validate(practiceSchema, values);
  if (!result.ok) return json<{ errors: FieldErrors; values: Record<string, unknown> }>({ errors: result.errors, values }, { status: 400 });
  updatePractice(actor, id, result.data);
  return redirect(`/praktik-baik/${id}`);
}

export default function EditPractice() {
  const { id, values } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/praktik-baik/${id}`}>← Kembali ke praktik baik</Link>
      </p>
      <h1>Ubah praktik baik</h1>
      <PracticeForm values={data?.values ?? values} errors={data?.errors} submitLabel="Simpan perubahan" />
    </div>
  );
}
