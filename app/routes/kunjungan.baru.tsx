import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { VisitForm } from "../components/visit-form";
import { formDataToObject } from "../lib/forms";
import { readVisitForm } from "../lib/visit-form.server";
import { officeOptions } from "../models/office-directory.server";
import { createVisit, transitionVisit } from "../models/visit.server";

export const meta: MetaFunction = () => [{ title: "Tulis laporan kunjungan — Pleno" }];

const WRITERS = ["visitor", "secretariat"] as const;

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: WRITERS });
  return { offices: officeOptions().filter((o) => o.id !== actor.office.id), officeName: actor.office.name };
}

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: WRITERS });
  const form = readVisitForm(actor, formDataToObject(await args.request.formData()));
  if ("answer" in form) return form.answer;
  const visit = createVisit(actor, form.data);
  if (form.intent === "ajukan") transitionVisit(actor, visit.id, "submit");
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
