import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams, useSubmit } from "@remix-run/react";
import { useRef } from "react";
import { useFieldArray, useForm, type FieldErrors as RhfErrors } from "react-hook-form";
import { FEEDBACK_CATEGORIES, STANCES } from "../domain/enums";
import { fail, guard } from "../auth/guard.server";
import { readSnapshot } from "../db.server";
import {
  CATEGORY_LABELS,
  emptyPoint,
  FOLLOW_UP_LABELS,
  MAX_ATTACHMENT_BYTES,
  MAX_POINTS,
  sniffAttachment,
  STANCE_LABELS,
  type FeedbackFormValues,
  type FeedbackInput,
} from "../domain/feedback-schema";
import { locationMarkup, withSelected } from "../domain/location-options";
import { feedbackResolver } from "../domain/feedback-check";
import { feedbackSchema } from "../domain/feedback-schema.server";
import { formatDate, formatDateTime, formatNumber, formatTime, type ZoneName } from "../domain/format";
import { periodInWords } from "../domain/periods";
import { formDataToObject, validate, type FieldErrors } from "../lib/form-data";
import { readFeedbackForm, TOO_LARGE } from "../lib/feedback-upload.server";
import {
  locationList,
  locationProblems,
  recapForComment,
  resolveToken,
  saveSubmission,
  storeAttachment,
  submissionOf,
  type StoredAttachment,
} from "../models/feedback.server";

export const meta: MetaFunction = () => [{ title: "Formulir tanggapan — Pleno" }, { name: "robots", content: "noindex" }];

const UNKNOWN_LINK =
  "Tautan formulir tanggapan ini tidak dikenal atau sudah tidak berlaku. Mintalah tautan baru kepada sekretariat KPU yang mengundang Anda.";

function context(token: string | undefined) {
  const ctx = resolveToken(token ?? "");
  if (!ctx) fail(404, UNKNOWN_LINK);
  return ctx;
}

export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { access: "public" });
  return readSnapshot(() => formPage(args.params.token));
}

/** What the form page shows for a link, read in one snapshot of the database. */
function formPage(token: string | undefined) {
  const ctx = context(token);
  const zone = ctx.office.timeZone as ZoneName;
  const submission = submissionOf(ctx.invitation.id);
  const now = Date.now();
  const state = !ctx.window ? "belum-dibuka" : ctx.window.deadline.getTime() < now ? "ditutup" : "dibuka";
  return {
    state,
    office: ctx.office.name,
    organisation: ctx.stakeholder.name,
    meeting: {
      title: ctx.meeting.title,
      period: periodInWords(ctx.meeting.period),
      date: formatDate(ctx.meeting.startsAt, zone),
      time: `${formatTime(ctx.meeting.startsAt, zone)} s.d. ${formatTime(ctx.meeting.endsAt, zone)}`,
      place: ctx.meeting.place,
    },
    agenda: ctx.agenda.map((a) => a.title),
    deadline: ctx.window ? formatDateTime(ctx.window.deadline, zone) : null,
    recap: recapForComment(ctx),
    locations: locationList(ctx.office.code),
    submission: submission
      ? {
          reference: submission.reference,
          version: submission.version,
          updatedAt: formatDateTime(submission.updatedAt, zone),
          values: {
            responderName: submission.responderName,
            responderPosition: submission.responderPosition,
            stance: submission.stance,
            points: submission.points.map((p) => ({
              category: p.category,
              districtCode: p.districtCode,
              villageCode: p.villageCode ?? "",
              voters: p.voters,
              description: p.description,
              keepAttachment: p.attachmentPath ? "1" : undefined,
            })),
          } as FeedbackFormValues,
          attachments: submission.points.map((p) => p.attachmentName),
          answers: submission.points.map((p) => ({ answer: p.answer, status: p.followUpStatus ? FOLLOW_UP_LABELS[p.followUpStatus] : null })),
        }
      : null,
  };
}

type ActionData = { errors: FieldErrors; values: Record<string, unknown> };

export async function action(args: ActionFunctionArgs) {
  await guard(args, { access: "public" });
  const ctx = context(args.params.token);
  if (!ctx.window) fail(410, "Formulir tanggapan untuk rapat ini belum dibuka.");
  if (ctx.window.deadline.getTime() < Date.now()) fail(410, "Batas waktu penyampaian tanggapan sudah lewat; tanggapan tidak dapat diubah lagi.");
  if (Number(args.request.headers.get("Content-Length") ?? 0) > (MAX_POINTS + 1) * MAX_ATTACHMENT_BYTES) fail(413);
  const form = await readFeedbackForm(args.request, MAX_ATTACHMENT_BYTES);
  const values = formDataToObject(form);
  const points = (Array.isArray(values.points) ? values.points : []) as Record<string, unknown>[];
  const intent = String(values.intent ?? "save");

  // Without JavaScript, adding and removing points is a round trip that keeps everything typed.
  if (intent === "add-point") {
    if (points.length >= MAX_POINTS) return json<ActionData>({ errors: { points: `Paling banyak ${MAX_POINTS} poin.` }, values }, { status: 400 });
    return json<ActionData>({ errors: {}, values: { ...values, points: [...points, emptyPoint()] } });
  }
  const remove = /^remove-point-(\d+)$/.exec(intent);
  if (remove) {
    return json<ActionData>({ errors: {}, values: { ...values, points: points.filter((_, i) => i !== Number(remove[1])) } });
  }

  const result = validate(feedbackSchema, values);
  if (!result.ok) return json<ActionData>({ errors: result.errors, values }, { status: 400 });
  const errors: FieldErrors = { ...locationProblems(ctx.office.code, result.data) };
  const files = new Map<number, { bytes: Uint8Array; type: string; name: string }>();
  for (let i = 0; i < result.data.points.length; i++) {
    const file = form.get(`points.${i}.attachment`);
    if (!(file instanceof File) || (file.size === 0 && file.type !== TOO_LARGE)) continue;
    if (file.type === TOO_LARGE) {
      errors[`points.${i}.attachment`] = "Lampiran paling besar 5 MB.";
      continue;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const type = sniffAttachment(bytes);
    if (!type) errors[`points.${i}.attachment`] = "Lampiran harus berkas PDF, JPG atau PNG (diperiksa dari isi berkas, bukan dari namanya).";
    else files.set(i, { bytes, type, name: file.name });
  }
  if (Object.keys(errors).length) return json<ActionData>({ errors, values }, { status: 400 });
  const stored = new Map<number, StoredAttachment>();
  for (const [i, f] of files) stored.set(i, storeAttachment(f.bytes, f.type, f.name));
  const saved = saveSubmission(ctx, result.data, stored);
  return redirect(`/tanggapan/${args.params.token}?terkirim=${encodeURIComponent(saved.reference)}`);
}

function errorAt(errors: RhfErrors<FeedbackFormValues>, path: string): string | undefined {
  let node: unknown = errors;
  for (const key of path.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}

function valueAt(values: Record<string, unknown>, path: string): string {
  let node: unknown = values;
  for (const key of path.split(".")) node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  return node === undefined || node === null ? "" : String(node);
}

export default function FeedbackForm() {
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const submit = useSubmit();
  const formRef = useRef<HTMLFormElement>(null);
  const start = (actionData?.values as FeedbackFormValues | undefined) ??
    data.submission?.values ?? { responderName: "", responderPosition: "", stance: "" as never, points: [emptyPoint()] };
  const { register, control, handleSubmit, formState } = useForm<FeedbackFormValues, unknown, FeedbackInput>({
    resolver: feedbackResolver,
    defaultValues: start,
    mode: "onTouched",
  });
  const { fields, append, remove } = useFieldArray({ control, name: "points" });
  const serverErrors = actionData?.errors ?? {};
  const err = (path: string) => errorAt(formState.errors, path) ?? serverErrors[path];
  const val = (path: string) => valueAt(start as unknown as Record<string, unknown>, path);
  const received = params.get("terkirim");
  const busy = navigation.state !== "idle";
  const open = data.state === "dibuka";
  const locations = locationMarkup(data.locations);

  return (
    <div className="stack feedback">
      <header>
        <p className="muted">{data.office}</p>
        <h1>Formulir tanggapan</h1>
        <p className="lead">
          {data.organisation} · {data.meeting.title} ({data.meeting.period})
        </p>
      </header>

      {received ? (
        <div className="alert alert--ok" role="status">
          Tanggapan Anda telah diterima. Nomor tanda terima: <strong>{received}</strong>.{" "}
          <a href={`${typeof window === "undefined" ? "" : window.location.pathname}/tanda-terima.pdf`}>Unduh salinan (PDF)</a>
        </div>
      ) : null}

      <section className="card" aria-labelledby="meeting-title">
        <h2 id="meeting-title">Rapat</h2>
        <dl className="facts">
          <dt>Hari, tanggal</dt>
          <dd>{data.meeting.date}</dd>
          <dt>Waktu</dt>
          <dd>{data.meeting.time}</dd>
          <dt>Tempat</dt>
          <dd>{data.meeting.place}</dd>
          {data.deadline ? (
            <>
              <dt>Batas tanggapan</dt>
              <dd>{data.deadline}</dd>
            </>
          ) : null}
        </dl>
        <h3>Agenda</h3>
        <ol>
          {data.agenda.map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ol>
      </section>

      {data.recap ? (
        <section className="card" aria-labelledby="recap-title">
          <h2 id="recap-title">Ringkasan rekapitulasi {periodInWords(data.recap.period)}</h2>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
            <table>
              <thead>
                <tr>
                  <th scope="col">Uraian</th>
                  <th scope="col" className="num">L+P</th>
                </tr>
              </thead>
              <tbody>
                <tr><th scope="row">DPB sebelumnya</th><td className="num">{formatNumber(data.recap.previous.l + data.recap.previous.p)}</td></tr>
                <tr><th scope="row">Pemilih baru</th><td className="num">{formatNumber(data.recap.newVoters.l + data.recap.newVoters.p)}</td></tr>
                <tr><th scope="row">TMS</th><td className="num">{formatNumber(data.recap.tms.l + data.recap.tms.p)}</td></tr>
                <tr><th scope="row">DPB</th><td className="num">{formatNumber(data.recap.dpb.l + data.recap.dpb.p)}</td></tr>
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      {data.state === "belum-dibuka" ? (
        <div className="alert alert--warn">Formulir tanggapan untuk rapat ini belum dibuka oleh sekretariat.</div>
      ) : null}

      {data.state === "ditutup" ? (
        <section className="card" aria-labelledby="closed-title">
          <h2 id="closed-title">Tanggapan Anda dan jawaban KPU</h2>
          <p>Batas waktu sudah lewat; tanggapan tidak dapat diubah lagi.</p>
          {data.submission ? (
            <ol>
              {data.submission.values.points.map((p, i) => (
                <li key={i}>
                  <strong>{CATEGORY_LABELS[p.category as keyof typeof CATEGORY_LABELS]}</strong>: {p.description}
                  <br />
                  <span className="muted">
                    Jawaban KPU: {data.submission!.answers[i]?.answer ?? "belum dijawab"}
                    {data.submission!.answers[i]?.status ? ` (${data.submission!.answers[i]!.status})` : ""}
                  </span>
                </li>
              ))}
            </ol>
          ) : (
            <p>Organisasi Anda tidak menyampaikan tanggapan.</p>
          )}
        </section>
      ) : null}

      {open ? (
        <Form
          ref={formRef}
          method="post"
          encType="multipart/form-data"
          noValidate
          className="card"
          onSubmit={(event) => {
            const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
            if (submitter?.value && submitter.value !== "save") return; // add/remove round trips
            handleSubmit(() => submit(formRef.current, { method: "post", encType: "multipart/form-data" }))(event);
          }}
        >
          <h2>{data.submission ? `Ubah tanggapan (versi ${data.submission.version}, ${data.submission.updatedAt})` : "Tanggapan Anda"}</h2>
          {Object.keys(serverErrors).length || Object.keys(formState.errors).length ? (
            <div className="alert alert--error" role="alert">
              Periksa kembali isian yang ditandai. {serverErrors.points ?? ""}
            </div>
          ) : null}
          <Field label="Nama" name="responderName" error={err("responderName")}>
            <input id="f-responderName" {...register("responderName")} defaultValue={val("responderName")} autoComplete="name" maxLength={120} aria-invalid={err("responderName") ? true : undefined} aria-describedby={err("responderName") ? "e-responderName" : undefined} />
          </Field>
          <Field label="Jabatan" name="responderPosition" error={err("responderPosition")}>
            <input id="f-responderPosition" {...register("responderPosition")} defaultValue={val("responderPosition")} maxLength={120} aria-invalid={err("responderPosition") ? true : undefined} aria-describedby={err("responderPosition") ? "e-responderPosition" : undefined} />
          </Field>
          <div className="field">
            <span className="label">Organisasi</span>
            <span>{data.organisation}</span>
          </div>
          <fieldset className="field" aria-describedby={err("stance") ? "e-stance" : undefined}>
            <legend>Sikap terhadap hasil rekapitulasi</legend>
            {STANCES.map((s) => (
              <label key={s} className="choice">
                <input type="radio" value={s} {...register("stance")} defaultChecked={val("stance") === s} /> {STANCE_LABELS[s]}
              </label>
            ))}
            {err("stance") ? (
              <p className="field-error" id="e-stance" role="alert">
                {err("stance")}
              </p>
            ) : null}
          </fieldset>

          {fields.map((field, i) => {
            const p = (k: string) => `points.${i}.${k}`;
            // The selects' options are markup keyed to the point's own first values, so that removing
            // an earlier point never rewrites (and resets) the options of the ones after it.
            return (
              <fieldset key={field.id} className="point">
                <legend>Poin {i + 1}</legend>
                <Field label="Kategori" name={p("category")} error={err(p("category"))}>
                  <select id={`f-${p("category")}`} {...register(`points.${i}.category`)} defaultValue={val(p("category"))}>
                    <option value="">— pilih —</option>
                    {FEEDBACK_CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {CATEGORY_LABELS[c]}
                      </option>
                    ))}
                  </select>
                </Field>
                <Field label="Kecamatan" name={p("districtCode")} error={err(p("districtCode"))}>
                  <select
                    id={`f-${p("districtCode")}`}
                    {...register(`points.${i}.districtCode`)}
                    defaultValue={field.districtCode ?? ""}
                    dangerouslySetInnerHTML={{ __html: withSelected(locations.districts, field.districtCode ?? "") }}
                  />
                </Field>
                <Field label="Desa/kelurahan (boleh dikosongkan)" name={p("villageCode")} error={err(p("villageCode"))}>
                  <select
                    id={`f-${p("villageCode")}`}
                    {...register(`points.${i}.villageCode`)}
                    defaultValue={field.villageCode ?? ""}
                    dangerouslySetInnerHTML={{ __html: withSelected(locations.villages, field.villageCode ?? "") }}
                  />
                </Field>
                <Field label="Jumlah pemilih yang dimaksud" name={p("voters")} error={err(p("voters"))}>
                  <input id={`f-${p("voters")}`} type="number" inputMode="numeric" min={0} {...register(`points.${i}.voters`)} defaultValue={val(p("voters"))} />
                </Field>
                <Field label="Uraian" name={p("description")} error={err(p("description"))}>
                  <textarea id={`f-${p("description")}`} rows={4} maxLength={2000} {...register(`points.${i}.description`)} defaultValue={val(p("description"))} />
                </Field>
                <Field label="Lampiran (PDF, JPG atau PNG, paling besar 5 MB; boleh dikosongkan)" name={p("attachment")} error={err(p("attachment"))}>
                  <input id={`f-${p("attachment")}`} type="file" name={p("attachment")} accept="application/pdf,image/jpeg,image/png" />
                </Field>
                {data.submission?.attachments[i] && val(p("keepAttachment")) === "1" ? (
                  <label className="choice">
                    <input type="checkbox" value="1" {...register(`points.${i}.keepAttachment`)} defaultChecked /> Tetap pakai lampiran sebelumnya ({data.submission.attachments[i]})
                  </label>
                ) : null}
                {fields.length > 1 ? (
                  <button type="submit" name="intent" value={`remove-point-${i}`} className="button button--small button--ghost" formNoValidate onClick={(e) => { e.preventDefault(); remove(i); }}>
                    Hapus poin {i + 1}
                  </button>
                ) : null}
              </fieldset>
            );
          })}
          {fields.length < MAX_POINTS ? (
            <button type="submit" name="intent" value="add-point" className="button button--secondary" formNoValidate onClick={(e) => { e.preventDefault(); append(emptyPoint()); }}>
              Tambah poin
            </button>
          ) : null}
          <div className="row">
            <button type="submit" name="intent" value="save" className="button" disabled={busy}>
              {busy ? "Mengirim…" : data.submission ? "Simpan perubahan" : "Kirim tanggapan"}
            </button>
          </div>
        </Form>
      ) : null}
    </div>
  );
}

function Field({ label, name, error, children }: { label: string; name: string; error?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      {children}
      {error ? (
        <p className="field-error" id={`e-${name}`} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
