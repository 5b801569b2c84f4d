import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { VisitForm } from "../components/visit-form";
import { formDataToObject } from "../lib/forms";
import { readVisitForm, type VisitActionData } from "../lib/visit-form.server";
import { officeOptions } from "../models/office-directory.server";
import { getVisitForEdit, transitionVisit, updateVisit } from "../models/visit.server";
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

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: WRITERS });
  const id = idOf(args.params);
  getVisitForEdit(actor, id);
  const values = formDataToObject(await args.request.formData());
  const form = readVisitForm(actor, values);
  if ("answer" in form) return form.answer;
  if (!updateVisit(actor, id, Number(values.version), form.data))
    return json<VisitActionData>(
      { errors: { _form: "Laporan ini telah diubah oleh orang lain. Muat ulang halaman untuk melihat versi terbaru." }, values },
      { status: 409 },
    );
  if (form.intent === "ajukan") transitionVisit(actor, id, "submit");
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
