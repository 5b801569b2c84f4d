import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { FOLLOW_UP_STATUSES } from "../domain/enums";
import { fail, guard } from "../auth/guard.server";
import { idParam } from "../lib/params";
import { FormAlert, SelectField, TextArea, TextField } from "../components/fields";
import { answerSchema } from "../domain/feedback-answer-schema";
import { CATEGORY_LABELS, FOLLOW_UP_LABELS, STANCE_LABELS } from "../domain/feedback-schema";
import { formatDateTime, formatNumber, utcToZoned, zonedToUtc } from "../domain/format";
import { DIVISIONS } from "../domain/labels";
import { periodInWords } from "../domain/periods";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { answerPoint, feedbackForMeeting, openFeedback, revokeLink, windowOf } from "../models/feedback.server";
import { getMeeting } from "../models/meeting.server";

export const meta: MetaFunction = () => [{ title: "Tanggapan peserta — Pleno" }];


export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const id = idParam(args.params);
  const meeting = getMeeting(actor, id);
  const zone = actor.office.timeZone;
  const window = windowOf(id);
  return {
    meeting: { id, title: meeting.title, period: periodInWords(meeting.period) },
    window: window
      ? { deadline: formatDateTime(window.deadline, zone), date: utcToZoned(window.deadline, zone).date, time: utcToZoned(window.deadline, zone).time, showRecap: window.showRecap }
      : null,
    organisations: feedbackForMeeting(actor, id).map((r) => ({
      invitationId: r.invitation.id,
      name: r.stakeholder.name,
      link: r.link,
      submission: r.submission
        ? {
            reference: r.submission.reference,
            responder: `${r.submission.responderName}, ${r.submission.responderPosition}`,
            stance: STANCE_LABELS[r.submission.stance],
            version: r.submission.version,
            updatedAt: formatDateTime(r.submission.updatedAt, zone),
            points: r.submission.points.map((p) => ({
              id: p.id,
              category: CATEGORY_LABELS[p.category],
              where: `${p.districtCode}${p.villageCode ? ` / ${p.villageCode}` : ""}`,
              voters: p.voters,
              description: p.description,
              attachment: p.attachmentName,
              answer: p.answer ?? "",
              followUpStatus: p.followUpStatus ?? "",
              division: p.division ?? "",
            })),
          }
        : null,
    })),
  };
}

type ActionData = { form: string; errors: FieldErrors; values: Record<string, unknown> };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const id = idParam(args.params);
  getMeeting(actor, id);
  const values = formDataToObject(await args.request.formData());
  const back = (msg: string) => redirect(`/rapat/${id}/tanggapan?pesan=${encodeURIComponent(msg)}`);
  if (values.intent === "open") {
    const date = String(values.date ?? "");
    const time = String(values.time ?? "");
    const errors: FieldErrors = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) errors.date = "Tanggal batas wajib diisi.";
    if (!/^\d{2}:\d{2}$/.test(time)) errors.time = "Jam batas wajib diisi (JJ:MM).";
    if (Object.keys(errors).length) return json<ActionData>({ form: "open", errors, values }, { status: 400 });
    const deadline = zonedToUtc(date, time, actor.office.timeZone);
    if (deadline.getTime() < Date.now()) return json<ActionData>({ form: "open", errors: { date: "Batas waktu harus di masa depan." }, values }, { status: 400 });
    openFeedback(actor, id, deadline, values.showRecap === "1");
    return back("Formulir tanggapan dibuka.");
  }
  if (values.intent === "revoke") {
    revokeLink(actor, id, Number(values.invitationId));
    return back("Tautan lama dicabut; tautan baru siap dibagikan.");
  }
  if (values.intent === "answer") {
    const result = validate(answerSchema, values);
    if (!result.ok) return json<ActionData>({ form: `answer-${values.pointId}`, errors: result.errors, values }, { status: 400 });
    answerPoint(actor, id, Number(values.pointId), result.data);
    return back("Jawaban tersimpan.");
  }
  fail(400);
}

export default function MeetingFeedback() {
  const { meeting, window, organisations } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errorsOf = (form: string) => (data?.form === form ? data.errors : {});
  return (
    <div className="stack">
      <p>
        <Link to={`/rapat/${meeting.id}`}>← {meeting.title}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>Tanggapan peserta</h1>
          <p className="lead">
            {meeting.title} · {meeting.period}
          </p>
        </div>
        <a className="button button--secondary" href={`/rapat/${meeting.id}/tanggapan.csv`}>
          Ekspor CSV
        </a>
      </div>
      {params.get("pesan") && !data ? (
        <div className="alert alert--ok" role="status">
          {params.get("pesan")}
        </div>
      ) : null}
      <section className="card" aria-labelledby="open-title">
        <h2 id="open-title">{window ? `Dibuka sampai ${window.deadline}` : "Buka formulir tanggapan"}</h2>
        <FormAlert errors={errorsOf("open")} />
        <Form method="post" className="row" noValidate>
          <input type="hidden" name="intent" value="open" />
          <TextField label="Tanggal batas" name="date" type="date" defaultValue={window?.date ?? ""} error={errorsOf("open").date} />
          <TextField label="Jam batas" name="time" type="time" defaultValue={window?.time ?? "23:59"} error={errorsOf("open").time} />
          <div className="field">
            <label className="choice" htmlFor="f-showRecap">
              <input id="f-showRecap" type="checkbox" name="showRecap" value="1" defaultChecked={window?.showRecap ?? true} /> Tampilkan ringkasan rekap untuk ditanggapi
            </label>
          </div>
          <button type="submit" className="button">
            {window ? "Ubah batas" : "Buka formulir"}
          </button>
        </Form>
      </section>
      {organisations.length === 0 ? <p>Belum ada organisasi yang diundang ke rapat ini.</p> : null}
      {organisations.map((o) => (
        <section key={o.invitationId} className="card" aria-labelledby={`org-${o.invitationId}`}>
          <h2 id={`org-${o.invitationId}`}>{o.name}</h2>
          <p className="muted break">
            Tautan formulir: <code>{o.link}</code>
          </p>
          <Form method="post">
            <input type="hidden" name="intent" value="revoke" />
            <input type="hidden" name="invitationId" value={o.invitationId} />
            <button type="submit" className="link-button">
              Cabut tautan dan buat yang baru
            </button>
          </Form>
          {o.submission ? (
            <>
              <p>
                <strong>{o.submission.reference}</strong> · {o.submission.responder} · sikap: {o.submission.stance} · versi {o.submission.version} ({o.submission.updatedAt})
              </p>
              <ol>
                {o.submission.points.map((p) => (
                  <li key={p.id}>
                    <p>
                      <strong>{p.category}</strong> · {p.where} · {formatNumber(p.voters)} pemilih
                      <br />
                      {p.description}
                      {p.attachment ? <span className="muted"> (lampiran: {p.attachment})</span> : null}
                    </p>
                    <FormAlert errors={errorsOf(`answer-${p.id}`)} />
                    <Form method="post" noValidate>
                      <input type="hidden" name="intent" value="answer" />
                      <input type="hidden" name="pointId" value={p.id} />
                      <div className="form-grid">
                        <TextArea id={`ans-${p.id}`} label="Jawaban / tindak lanjut" name="answer" rows={2} maxLength={2000} defaultValue={p.answer} error={errorsOf(`answer-${p.id}`).answer} />
                        <SelectField id={`st-${p.id}`} label="Status" name="followUpStatus" placeholder="— pilih —" options={FOLLOW_UP_STATUSES.map((s) => ({ value: s, label: FOLLOW_UP_LABELS[s] }))} defaultValue={p.followUpStatus} error={errorsOf(`answer-${p.id}`).followUpStatus} />
                        <SelectField id={`dv-${p.id}`} label="Divisi penanggung jawab" name="division" placeholder="— pilih —" options={DIVISIONS.map((d) => ({ value: d, label: d }))} defaultValue={p.division} />
                      </div>
                      <button type="submit" className="button button--small">
                        Simpan jawaban
                      </button>
                    </Form>
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <p className="muted">Belum ada tanggapan.</p>
          )}
        </section>
      ))}
    </div>
  );
}
