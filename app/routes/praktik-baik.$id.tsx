import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { fail, guard } from "../auth/guard.server";
import { monthIndex } from "../components/charts/scale";
import { MetricTrend } from "../components/metric-trend";
import { Paragraphs } from "../components/paragraphs";
import { formatDate } from "../domain/format";
import { METRICS, metricByCode, monthValue, periodLabel } from "../domain/metrics";
import { TOPIC_LABELS } from "../domain/topics";
import { metricsOfOffice, metricTrends } from "../models/metric.server";
import { adoptPractice, getPractice, withdrawAdoption } from "../models/practice.server";
import { idParam } from "../lib/params";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.practice.title ?? "Praktik baik"} — Pleno` }];

function idOf(params: { id?: string }) {
  return idParam(params);
}

/** The metric a practice page shows first: data quality where there is one, else size. */
const PREFERRED = ["duplicate_rate", "duplicate_rate_percent", "tms_rate", "new_voter_rate", "dpb"];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "public" });
  const found = getPractice(idOf(args.params));
  const { practice, office } = found;
  const available = METRICS.filter((m) => metricsOfOffice(office.id).includes(m.code));
  const asked = new URL(args.request.url).searchParams.get("metrik");
  const chosen =
    available.find((m) => m.code === asked) ?? PREFERRED.map((c) => available.find((m) => m.code === c)).find(Boolean) ?? available[0];
  const rows = chosen ? (metricTrends(chosen.code, [office.id]).get(office.id) ?? []) : [];
  const since = monthValue(practice.since);
  const mine = actor?.office.id === office.id;
  const adopted = !!actor && found.adoptedBy.some((a) => a.officeId === actor.office.id);
  return {
    practice: {
      id: practice.id,
      title: practice.title,
      summary: practice.summary,
      body: practice.body,
      evidence: practice.evidence,
      since: practice.since,
      sinceLabel: periodLabel(practice.since),
    },
    office,
    topics: found.topics,
    adoptedBy: found.adoptedBy.map((a) => ({ code: a.code, name: a.name, at: formatDate(a.at, "Asia/Jakarta", false) })),
    metrics: available.map((m) => ({ code: m.code, label: m.label })),
    chosen: chosen ? { code: chosen.code, label: chosen.label, unit: chosen.unit } : null,
    rows,
    sinceX: since ? monthIndex(since) : null,
    viewer: {
      signedIn: !!actor,
      canEdit: mine && actor?.membership.role === "secretariat",
      canAdopt: !!actor && !mine && actor.membership.role === "secretariat",
      adopted,
      officeName: actor?.office.name ?? null,
    },
  };
}

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const id = idOf(args.params);
  const intent = (await args.request.formData()).get("intent");
  if (intent === "terapkan") adoptPractice(actor, id);
  else if (intent === "batal-terapkan") withdrawAdoption(actor, id);
  else fail(400, "Perintah tidak dikenal.");
  return redirect(`/praktik-baik/${id}`);
}

export default function PracticePage() {
  const { practice, office, topics, adoptedBy, metrics, chosen, rows, sinceX, viewer } = useLoaderData<typeof loader>();
  return (
    <article className="stack narrow">
      <p className="no-print">
        <Link to="/praktik-baik">← Praktik baik</Link>
      </p>
      <header>
        <p className="eyebrow">Praktik baik</p>
        <h1>{practice.title}</h1>
        <dl className="facts">
          <div>
            <dt>Kantor</dt>
            <dd>
              <Link to={`/praktik-baik?kantor=${office.code}`}>{office.name}</Link>
            </dd>
          </div>
          <div>
            <dt>Diterapkan sejak</dt>
            <dd>{practice.sinceLabel}</dd>
          </div>
        </dl>
        <ul className="tags" aria-label="Topik">
          {topics.map((t) => (
            <li key={t}>
              <Link to={`/praktik-baik?topik=${t}`}>{TOPIC_LABELS[t]}</Link>
            </li>
          ))}
        </ul>
        {viewer.canEdit ? (
          <p className="no-print">
            <Link className="button button--secondary button--small" to={`/praktik-baik/${practice.id}/ubah`}>
              Ubah praktik baik
            </Link>
          </p>
        ) : null}
      </header>
      <p className="lead-text">{practice.summary}</p>
      <section aria-labelledby="body-title">
        <h2 id="body-title">Uraian</h2>
        <Paragraphs text={practice.body} />
      </section>
      {practice.evidence ? (
        <section aria-labelledby="evidence-title">
          <h2 id="evidence-title">Bukti</h2>
          <Paragraphs text={practice.evidence} />
        </section>
      ) : null}

      <section aria-labelledby="trend-title">
        <h2 id="trend-title">Apakah membantu? Tren {office.name}</h2>
        {chosen ? (
          <>
            {metrics.length > 1 ? (
              <Form method="get" className="filters no-print">
                <div className="field">
                  <label htmlFor="metrik">Metrik</label>
                  <select id="metrik" name="metrik" defaultValue={chosen.code}>
                    {metrics.map((m) => (
                      <option key={m.code} value={m.code}>
                        {m.label}
                      </option>
                    ))}
                  </select>
                </div>
                <button className="button button--secondary" type="submit">
                  Tampilkan
                </button>
              </Form>
            ) : null}
            <MetricTrend
              id="practice-trend"
              metric={metricByCode(chosen.code) ?? { label: chosen.label, unit: chosen.unit }}
              offices={[{ key: office.code, name: office.name, rows }]}
              markers={sinceX !== null ? [{ x: sinceX, label: `mulai ${practice.sinceLabel}` }] : []}
            />
            <p className="muted">
              <Link to={`/papan?metrik=${chosen.code}&sorot=${office.code}`}>Bandingkan {office.name} dengan kantor lain di papan banding</Link>
            </p>
          </>
        ) : (
          <p>Belum ada angka metrik untuk {office.name}.</p>
        )}
      </section>

      <section aria-labelledby="adopt-title">
        <h2 id="adopt-title">Kantor yang menerapkan</h2>
        {adoptedBy.length === 0 ? (
          <p>Belum ada kantor lain yang menyatakan menerapkan praktik ini.</p>
        ) : (
          <ul className="list-plain">
            {adoptedBy.map((a) => (
              <li key={a.code}>
                <Link to={`/praktik-baik?kantor=${a.code}`}>{a.name}</Link> <small className="muted">sejak {a.at}</small>
              </li>
            ))}
          </ul>
        )}
        {viewer.canAdopt ? (
          <Form method="post" className="no-print">
            {viewer.adopted ? (
              <button className="button button--secondary" name="intent" value="batal-terapkan">
                Batalkan: {viewer.officeName} tidak lagi menerapkan ini
              </button>
            ) : (
              <button className="button" name="intent" value="terapkan">
                Kami menerapkan ini
              </button>
            )}
          </Form>
        ) : !viewer.signedIn ? (
          <p className="muted no-print">Sekretariat kantor KPU lain dapat masuk untuk menyatakan kantornya menerapkan praktik ini.</p>
        ) : null}
      </section>
    </article>
  );
}
