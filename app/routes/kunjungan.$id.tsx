import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { fail, guard } from "../auth/guard.server";
import { TextArea } from "../components/fields";
import { Paragraphs } from "../components/paragraphs";
import { formatDate } from "../domain/format";
import { returnSchema } from "../domain/knowledge-schema";
import { TOPIC_LABELS, VISIT_STATUS_BADGE, VISIT_STATUS_LABELS } from "../domain/topics";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { getVisitFor, requireVisitAction, transitionVisit } from "../models/visit.server";
import { idParam } from "../lib/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.visit.title ?? "Laporan kunjungan"} — Pleno` }];

function idOf(params: { id?: string }) {
  return idParam(params);
}

/** A calendar date ("2021-12-13") in words, weekday included. */
function dayInWords(date: string) {
  return formatDate(new Date(`${date}T05:00:00Z`), "Asia/Jakarta");
}

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "public" });
  const found = getVisitFor(actor, idOf(args.params));
  const v = found.visit;
  return {
    visit: {
      id: v.id,
      title: v.title,
      status: v.status,
      returnReason: v.returnReason,
      date: dayInWords(v.visitDate),
      year: v.visitDate.slice(0, 4),
      questions: v.questions,
      hostPresentation: v.hostPresentation,
      practicesObserved: v.practicesObserved,
      followUpPlan: v.followUpPlan,
      confirmedAt: v.confirmedAt ? formatDate(v.confirmedAt, found.hostZone, false) : null,
    },
    host: { name: found.hostName, code: found.hostCode },
    guest: { name: found.guestName, code: found.guestCode },
    delegates: found.delegates,
    topics: found.topics,
    canEdit: found.canEdit,
    actions: found.actions,
  };
}

type ActionData = { errors: FieldErrors; values: Record<string, unknown> };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { access: "signed-in" });
  const id = idOf(args.params);
  const values = formDataToObject(await args.request.formData());
  switch (values.intent) {
    case "ajukan":
      transitionVisit(actor, id, "submit");
      break;
    case "konfirmasi":
      transitionVisit(actor, id, "confirm");
      break;
    case "kembalikan": {
      requireVisitAction(actor, id, "return");
      const result = validate(returnSchema, values);
      if (!result.ok) return json<ActionData>({ errors: result.errors, values }, { status: 400 });
      transitionVisit(actor, id, "return", result.data.reason);
      break;
    }
    default:
      fail(400, "Perintah tidak dikenal.");
  }
  return redirect(`/kunjungan/${id}`);
}

export default function VisitReport() {
  const { visit, host, guest, delegates, topics, canEdit, actions } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <article className="stack narrow">
      <p className="no-print">
        <Link to="/kunjungan">← Laporan kunjungan</Link>
      </p>
      <header>
        <p className="eyebrow">
          Laporan kunjungan kerja · <span className={VISIT_STATUS_BADGE[visit.status]}>{VISIT_STATUS_LABELS[visit.status]}</span>
        </p>
        <h1>{visit.title}</h1>
        <dl className="facts">
          <div>
            <dt>Kantor pengunjung</dt>
            <dd>
              <Link to={`/kunjungan?kantor=${guest.code}`}>{guest.name}</Link>
            </dd>
          </div>
          <div>
            <dt>Tuan rumah</dt>
            <dd>
              <Link to={`/kunjungan?kantor=${host.code}`}>{host.name}</Link>
            </dd>
          </div>
          <div>
            <dt>Tanggal</dt>
            <dd>{visit.date}</dd>
          </div>
          {visit.confirmedAt ? (
            <div>
              <dt>Dikonfirmasi tuan rumah</dt>
              <dd>{visit.confirmedAt}</dd>
            </div>
          ) : null}
        </dl>
        <ul className="tags" aria-label="Topik">
          {topics.map((t) => (
            <li key={t}>
              <Link to={`/kunjungan?topik=${t}`}>{TOPIC_LABELS[t]}</Link>
            </li>
          ))}
        </ul>
      </header>

      {visit.status === "dikembalikan" && visit.returnReason ? (
        <div className="alert alert--warn">
          <strong>Dikembalikan oleh tuan rumah:</strong> {visit.returnReason}
        </div>
      ) : null}
      {visit.status === "menunggu_konfirmasi" ? (
        <div className="alert alert--warn">Laporan ini belum terbit: hanya terlihat oleh kedua kantor sampai dikonfirmasi tuan rumah.</div>
      ) : null}

      {canEdit || actions.length ? (
        <section className="card no-print" aria-labelledby="actions-title">
          <h2 id="actions-title">Tindakan</h2>
          <div className="row">
            {canEdit ? (
              <Link className="button button--secondary" to={`/kunjungan/${visit.id}/ubah`}>
                Ubah laporan
              </Link>
            ) : null}
            {actions.includes("submit") ? (
              <Form method="post">
                <button className="button" name="intent" value="ajukan">
                  Ajukan ke tuan rumah
                </button>
              </Form>
            ) : null}
            {actions.includes("confirm") ? (
              <Form method="post">
                <button className="button" name="intent" value="konfirmasi">
                  Konfirmasi dan terbitkan
                </button>
              </Form>
            ) : null}
          </div>
          {actions.includes("return") ? (
            <Form method="post" className="stack">
              <TextArea
                label="Alasan pengembalian"
                name="reason"
                rows={3}
                defaultValue={typeof data?.values.reason === "string" ? data.values.reason : ""}
                error={data?.errors.reason}
                hint="Apa yang perlu diperbaiki kantor pengunjung sebelum laporan dapat terbit."
              />
              <button className="button button--secondary" name="intent" value="kembalikan">
                Kembalikan ke kantor pengunjung
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="delegates-title">
        <h2 id="delegates-title">Rombongan</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col" className="num">
                  No
                </th>
                <th scope="col">Nama</th>
                <th scope="col">Jabatan</th>
              </tr>
            </thead>
            <tbody>
              {delegates.map((d, i) => (
                <tr key={i}>
                  <td className="num">{i + 1}</td>
                  <td>{d.name}</td>
                  <td>{d.position}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="q-title">
        <h2 id="q-title">Pertanyaan yang dibawa</h2>
        <Paragraphs text={visit.questions} />
      </section>
      <section aria-labelledby="p-title">
        <h2 id="p-title">Paparan tuan rumah</h2>
        <Paragraphs text={visit.hostPresentation} />
      </section>
      <section aria-labelledby="o-title">
        <h2 id="o-title">Praktik yang diamati</h2>
        <Paragraphs text={visit.practicesObserved} />
      </section>
      <section aria-labelledby="f-title">
        <h2 id="f-title">Rencana tindak lanjut {guest.name}</h2>
        <Paragraphs text={visit.followUpPlan} />
      </section>
      <p className="no-print">
        <Link to={`/praktik-baik?kantor=${host.code}`}>Praktik baik {host.name}</Link> ·{" "}
        <Link to={`/papan?sorot=${host.code}`}>{host.name} di papan banding</Link>
      </p>
    </article>
  );
}
