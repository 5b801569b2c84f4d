import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { PracticeForm } from "../components/practice-form";
import { practiceSchema } from "../domain/knowledge-schema";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { createPractice } from "../models/practice.server";

export const meta: MetaFunction = () => [{ title: "Tulis praktik baik — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  return { officeName: actor.office.name };
}

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const values = formDataToObject(await args.request.formData());
  const result = validate(practiceSchema, values);
  if (!result.ok) return json<{ errors: FieldErrors; values: Record<string, unknown> }>({ errors: result.errors, values }, { status: 400 });
  const practice = createPractice(actor, result.data);
  return redirect(`/praktik-baik/${practice.id}`);
}

export default function NewPractice() {
  const { officeName } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <p>
        <Link to="/praktik-baik">← Praktik baik</Link>
      </p>
      <h1>Tulis praktik baik</h1>
      <p className="lead">Praktik baik {officeName}; langsung tampil untuk umum di perpustakaan praktik baik.</p>
      <PracticeForm values={data?.values ?? {}} errors={data?.errors} submitLabel="Terbitkan praktik baik" />
    </div>
  );
}
