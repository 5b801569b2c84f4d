import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { readSnapshot } from "../db.server";
import { SelectField, TextField } from "../components/fields";
import { Marked } from "../components/marked";
import { MAX_QUERY_LENGTH } from "../domain/fts-query";
import { periodLabel } from "../domain/metrics";
import { isTopic, TOPIC_LABELS, TOPIC_OPTIONS } from "../domain/topics";
import { provinceOptions } from "../models/office-directory.server";
import { officesWithPractices, searchPractices } from "../models/practice.server";

export const meta: MetaFunction = () => [{ title: "Praktik baik — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "public" });
  const url = new URL(args.request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, MAX_QUERY_LENGTH);
  const topicParam = url.searchParams.get("topik");
  const topic = isTopic(topicParam) ? topicParam : undefined;
  const office = url.searchParams.get("kantor")?.trim().slice(0, 10) || undefined;
  const province = url.searchParams.get("provinsi")?.trim().slice(0, 2) || undefined;
  const { hits, query, offices, provinces } = readSnapshot(() => ({
    ...searchPractices({ q, topic, office, province }),
    offices: officesWithPractices(),
    provinces: provinceOptions(),
  }));
  return {
    filter: { q, topic: topic ?? "", office: office ?? "", province: province ?? "" },
    searched: query !== null,
    hits: hits.map((h) => ({ ...h, sinceLabel: periodLabel(h.since) })),
    offices,
    provinces,
    canWrite: actor?.membership.role === "secretariat",
  };
}

export default function Practices() {
  const { filter, searched, hits, offices, provinces, canWrite } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Praktik baik</h1>
          <p className="lead">Cara kerja kantor KPU yang terbukti membantu menjaga data pemilih, untuk ditiru dan disesuaikan.</p>
        </div>
        {canWrite ? (
          <Link className="button" to="/praktik-baik/baru">
            Tulis praktik baik
          </Link>
        ) : null}
      </div>
      <Form method="get" className="filters" role="search" aria-label="Cari praktik baik">
        <TextField label="Cari" name="q" type="search" defaultValue={filter.q} maxLength={MAX_QUERY_LENGTH} placeholder="mis. koordinasi, formulir, operator" />
        <SelectField label="Topik" name="topik" placeholder="Semua topik" defaultValue={filter.topic} options={TOPIC_OPTIONS} />
        <SelectField label="Kantor" name="kantor" placeholder="Semua kantor" defaultValue={filter.office} options={offices.map((o) => ({ value: o.code, label: o.name }))} />
        <SelectField label="Provinsi" name="provinsi" placeholder="Semua provinsi" defaultValue={filter.province} options={provinces.map((p) => ({ value: p.code, label: p.name }))} />
        <button type="submit" className="button">
          Cari
        </button>
      </Form>
      <section aria-labelledby="results-title" aria-live="polite">
        <h2 id="results-title">
          {searched ? `${hits.length} praktik baik cocok dengan “${filter.q}”` : `${hits.length} praktik baik`}
        </h2>
        {hits.length === 0 ? (
          <p>Tidak ada praktik baik yang cocok. Coba kata lain atau hapus saringan.</p>
        ) : (
          <ol className="result-list">
            {hits.map((h) => (
              <li key={h.id} className="card">
                <h3>
                  <Link to={`/praktik-baik/${h.id}`}>
                    <Marked text={h.titleMarked} />
                  </Link>
                </h3>
                <p className="muted">
                  {h.officeName} · sejak {h.sinceLabel}
                  {h.adoptions ? ` · diterapkan ${h.adoptions} kantor lain` : ""}
                </p>
                <p>
                  <Marked text={h.excerpt} />
                </p>
                <ul className="tags" aria-label="Topik">
                  {h.topics.map((t) => (
                    <li key={t}>{TOPIC_LABELS[t]}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}
