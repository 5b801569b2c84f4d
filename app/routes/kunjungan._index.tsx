import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { SelectField } from "../components/fields";
import { formatDate } from "../domain/format";
import { isTopic, TOPIC_LABELS, TOPIC_OPTIONS, VISIT_STATUS_BADGE, VISIT_STATUS_LABELS } from "../domain/topics";
import { officeOptions, provinceOptions } from "../models/office-directory.server";
import { listPublishedVisits, listUnpublishedVisitsFor, visitYears } from "../models/visit.server";

export const meta: MetaFunction = () => [{ title: "Laporan kunjungan kerja — Pleno" }];

const day = (date: string) => formatDate(new Date(`${date}T05:00:00Z`), "Asia/Jakarta", false);

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "public" });
  const url = new URL(args.request.url);
  const office = url.searchParams.get("kantor")?.trim().slice(0, 10) || undefined;
  const province = url.searchParams.get("provinsi")?.trim().slice(0, 2) || undefined;
  const yearParam = url.searchParams.get("tahun") ?? "";
  const year = /^\d{4}$/.test(yearParam) ? yearParam : undefined;
  const topicParam = url.searchParams.get("topik");
  const topic = isTopic(topicParam) ? topicParam : undefined;
  const toRow = (v: ReturnType<typeof listPublishedVisits>[number]) => ({ ...v, day: day(v.visitDate) });
  const canWrite = actor?.membership.role === "visitor" || actor?.membership.role === "secretariat";
  return {
    filter: { office: office ?? "", province: province ?? "", year: year ?? "", topic: topic ?? "" },
    visits: listPublishedVisits({ office, province, year, topic }).map(toRow),
    mine: actor ? listUnpublishedVisitsFor(actor).map(toRow) : [],
    myOfficeName: actor?.office.name ?? null,
    canWrite,
    offices: officeOptions().filter((o) => o.level !== "ri"),
    provinces: provinceOptions(),
    years: visitYears(),
  };
}

export default function Visits() {
  const { filter, visits, mine, canWrite, offices, provinces, years, myOfficeName } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Laporan kunjungan kerja</h1>
          <p className="lead">Apa yang dipelajari kantor KPU ketika saling berkunjung: pertanyaan, paparan tuan rumah, praktik yang diamati dan tindak lanjutnya.</p>
        </div>
        {canWrite ? (
          <Link className="button" to="/kunjungan/baru">
            Tulis laporan kunjungan
          </Link>
        ) : null}
      </div>

      {mine.length ? (
        <section className="card" aria-labelledby="mine-title">
          <h2 id="mine-title">Belum terbit: laporan {myOfficeName}</h2>
          <p className="muted">Hanya terlihat oleh kantor pengunjung dan kantor tuan rumah sampai dikonfirmasi.</p>
          <ul className="list-plain">
            {mine.map((v) => (
              <li key={v.id}>
                <Link to={`/kunjungan/${v.id}`}>{v.title}</Link> <span className={VISIT_STATUS_BADGE[v.status]}>{VISIT_STATUS_LABELS[v.status]}</span>
                <br />
                <small className="muted">
                  {v.guestName} → {v.hostName} · {v.day}
                </small>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <Form method="get" className="filters" aria-label="Saring laporan">
        <SelectField
          label="Kantor"
          name="kantor"
          placeholder="Semua kantor"
          defaultValue={filter.office}
          options={offices.map((o) => ({ value: o.code, label: o.name }))}
        />
        <SelectField label="Provinsi" name="provinsi" placeholder="Semua provinsi" defaultValue={filter.province} options={provinces.map((p) => ({ value: p.code, label: p.name }))} />
        <SelectField label="Tahun" name="tahun" placeholder="Semua tahun" defaultValue={filter.year} options={years.map((y) => ({ value: y, label: y }))} />
        <SelectField label="Topik" name="topik" placeholder="Semua topik" defaultValue={filter.topic} options={TOPIC_OPTIONS} />
        <button type="submit" className="button">
          Terapkan
        </button>
      </Form>

      <section aria-labelledby="list-title">
        <h2 id="list-title">
          {visits.length} laporan terbit
        </h2>
        {visits.length === 0 ? (
          <p>Tidak ada laporan yang cocok dengan saringan ini.</p>
        ) : (
          <ul className="result-list">
            {visits.map((v) => (
              <li key={v.id} className="card">
                <h3>
                  <Link to={`/kunjungan/${v.id}`}>{v.title}</Link>
                </h3>
                <p className="muted">
                  {v.guestName} berkunjung ke {v.hostName} · {v.day}
                </p>
                <ul className="tags" aria-label="Topik">
                  {v.topics.map((t) => (
                    <li key={t}>{TOPIC_LABELS[t]}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
