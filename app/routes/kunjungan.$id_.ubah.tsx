import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { VisitForm, withExtraDelegateRow } from "../components/visit-form";
import { visitSchema } from "../domain/knowledge-schema";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { officeOptions } from "../models/office-directory.server";
import { getVisitForEdit, hostOfficeProblem, transitionVisit, updateVisit } from "../models/visit.server";
import { idParam } from "../lib/params";

export const meta: MetaFunction = () => [{ title: "Ubah laporan kunjungan — Pleno" }];

const WRITERS = ["visitor", "secretariat"] as const;

function idOf(params: { id?: string }) {
  return idParam(params);
}

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: WRITERS });
  const found = getVisitForEdit(actor, idOf(args.params));
  const v = found.visit;
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    returnReason: v.returnReason,
    values: {
      hostOfficeId: String(v.hostOfficeId),
      visitDate: v.visitDate,
      title: v.title,
      questions: v.questions,
      hostPresentation: v.hostPresentation,
      practicesObserved: v.practicesObserved,
      followUpPlan: v.followUpPlan,
      topics: found.topics,
      delegates: found.delegates,
    } as Record<string, unknown>,
    offices: officeOptions().filter((o) => o.id !== actor.office.id),
  };
}

type ActionData = { errors?: FieldErrors; values: Record<string, unknown> };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: WRITERS });
  const id = idOf(args.params);
  getVisitForEdit(actor, id);
  const values = formDataToObject(await args.request.formData());
  const intent = values.intent;
  if (intent === "tambah-baris") return json<ActionData>({ values: withExtraDelegateRow(values) });
  if (intent !== "simpan" && intent !== "ajukan") return json<ActionData>({ errors: { _form: "Perintah tidak dikenal." }, values }, { status: 400 });
  const result = validate(visitSchema, values);
  if (!result.ok) return json<ActionData>({ errors: result.errors, values }, { status: 400 });
  const problem = hostOfficeProblem(actor, result.data.hostOfficeId);
  if (problem) return json<ActionData>({ errors: { hostOfficeId: problem }, values }, { status: 400 });
  const version = Number(values.version);
  if (!updateVisit(actor, id, version, result.data))
    return json<ActionData>(
      { errors: { _form: "Laporan ini telah diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru." }, values },
      { status: 409 },
    );
  if (intent === "ajukan") transitionVisit(actor, id, "submit");
  return redirect(`/kunjungan/${id}`);
}

export default function EditVisit() {
  const { id, version, values, offices, status, returnReason } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="stack narrow">
      <p>
        <Link to={`/kunjungan/${id}`}>← Kembali ke laporan</Link>
      </p>
      <h1>Ubah laporan kunjungan</h1>
      {status === "dikembalikan" && returnReason ? (
        <div className="alert alert--warn">
          <strong>Dikembalikan oleh tuan rumah:</strong> {returnReason}
        </div>
      ) : null}
      <VisitForm values={data?.values ?? values} errors={data?.errors} offices={offices} version={version} submitLabel="Simpan perubahan" />
    </div>
  );
}
