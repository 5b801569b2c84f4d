import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { MEETING_KINDS } from "../domain/enums";
import { guard } from "../auth/guard.server";
import { FormAlert, SelectField, TextField } from "../components/fields";
import { KIND_LABELS } from "../domain/agenda";
import { zoneLabel } from "../domain/format";
import { meetingSchema } from "../domain/meeting-schema";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { createMeeting, meetingDateProblems } from "../models/meeting.server";
import { commissionersOf } from "../models/office.server";

export const meta: MetaFunction = () => [{ title: "Jadwalkan rapat — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  return {
    zone: zoneLabel(actor.office.timeZone),
    commissioners: commissionersOf(actor.office.id).map((c) => ({ id: c.membership.id, label: `${c.user.name} (${c.membership.title})` })),
  };
}

type ActionData = { errors: FieldErrors; values: Record<string, unknown> };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const values = formDataToObject(await args.request.formData());
  const result = validate(meetingSchema, values);
  if (!result.ok) return json<ActionData>({ errors: result.errors, values }, { status: 400 });
  const { errors } = meetingDateProblems(result.data);
  if (Object.keys(errors).length) return json<ActionData>({ errors, values }, { status: 400 });
  const meeting = createMeeting(actor, result.data);
  return redirect(`/rapat/${meeting.id}?pesan=${encodeURIComponent("Rapat dijadwalkan dengan agenda standar.")}`);
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

export default function NewMeeting() {
  const { zone, commissioners } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const v = data?.values ?? { startTime: "09:00", endTime: "12:00" };
  const e = data?.errors ?? {};
  return (
    <div className="stack">
      <p>
        <Link to="/rapat">← Rapat</Link>
      </p>
      <h1>Jadwalkan rapat</h1>
      <FormAlert errors={e} />
      <Form method="post" className="card" noValidate>
        <div className="form-grid">
          <SelectField label="Jenis rapat" name="kind" placeholder="— pilih jenis —" options={MEETING_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} defaultValue={str(v.kind)} error={e.kind} />
          <TextField label="Periode" name="period" defaultValue={str(v.period)} hint="Bulanan 2025-10, triwulan 2025-Q4, semester 2025-S2" error={e.period} />
          <TextField label="Judul rapat" name="title" maxLength={200} defaultValue={str(v.title)} error={e.title} />
          <TextField label="Tanggal" name="date" type="date" defaultValue={str(v.date)} error={e.date} />
          <TextField label={`Jam mulai (${zone})`} name="startTime" type="time" defaultValue={str(v.startTime)} error={e.startTime} />
          <TextField label={`Jam selesai (${zone})`} name="endTime" type="time" defaultValue={str(v.endTime)} error={e.endTime} />
          <TextField label="Tempat" name="place" maxLength={200} defaultValue={str(v.place)} error={e.place} />
          <SelectField label="Pimpinan rapat" name="chairMembershipId" placeholder="— belum ditentukan —" options={commissioners.map((c) => ({ value: String(c.id), label: c.label }))} defaultValue={str(v.chairMembershipId)} error={e.chairMembershipId} />
        </div>
        <button type="submit" className="button">
          Jadwalkan
        </button>
      </Form>
    </div>
  );
}
