import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { formatDate, formatShortDateTime, type ZoneName } from "../domain/format";
import { Pagination, pageParam } from "../components/pagination";
import { checkRegister, REGISTER_PAGE_SIZE, registerListing, registerOffices } from "../models/signing.server";

export const meta: MetaFunction = () => [{ title: "Register publik berita acara — Pleno" }];

/**
 * Public register: every office's published berita acara, newest first, each entry with the
 * SHA-256 of its PDF and of the previous entry (one hash chain per office). The button checks the
 * chains and says where one breaks.
 */
export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { access: "public" });
  const url = new URL(args.request.url);
  const offices = registerOffices();
  const wanted = url.searchParams.get("kantor") ?? "";
  const office = offices.find((o) => o.code === wanted)?.code;
  const page = pageParam(url);
  const { rows, total } = registerListing(office, page);
  const check = url.searchParams.get("periksa") === "1" ? checkRegister(office ? [office] : undefined) : null;
  return {
    offices,
    office: office ?? "",
    page,
    total,
    pageSize: REGISTER_PAGE_SIZE,
    entries: rows.map((r) => ({
      id: r.entry.id,
      seq: r.entry.seq,
      office: r.office,
      number: r.entry.documentNumber,
      subject: r.subject,
      kind: r.kind,
      code: r.code,
      date: formatDate(r.meetingDate, r.timeZone as ZoneName, false),
      publishedAt: formatShortDateTime(new Date(r.entry.publishedAt), r.timeZone as ZoneName),
      sha256: r.entry.documentSha256,
      previousHash: r.entry.previousHash,
      replaced: !!r.replaced,
    })),
    check: check?.map((c) => ({ office: c.officeName, ok: c.result.ok, entries: c.result.ok ? c.result.entries : null, seq: c.result.ok ? null : c.result.seq, reason: c.result.ok ? null : c.result.reason })),
  };
}

export default function Register() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Register publik berita acara</h1>
      <p className="lead">
        Berita acara yang sudah ditandatangani dan diterbitkan, terbaru di atas. Setiap entri memuat SHA-256 berkas PDF-nya dan hash entri sebelumnya, sehingga
        entri yang dihapus, disisipkan, atau diubah dapat diketahui. Cocokkan berkas Anda di <Link to="/verifikasi">halaman verifikasi</Link>.
      </p>
      <Form method="get" className="row">
        <div className="field">
          <label htmlFor="f-kantor">Kantor</label>
          <select id="f-kantor" name="kantor" defaultValue={d.office}>
            <option value="">Semua kantor</option>
            {d.offices.map((o) => (
              <option key={o.code} value={o.code}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Tampilkan
        </button>
        <button type="submit" name="periksa" value="1" className="button">
          Periksa rantai hash
        </button>
      </Form>
      {d.check ? (
        <section aria-labelledby="check-title" className="stack">
          <h2 id="check-title">Hasil pemeriksaan rantai</h2>
          {d.check.length === 0 ? <p>Belum ada entri.</p> : null}
          {d.check.map((c) =>
            c.ok ? (
              <div key={c.office} className="alert alert--ok" role="status">
                {c.office}: rantai utuh ({c.entries} entri).
              </div>
            ) : (
              <div key={c.office} className="alert alert--error" role="alert">
                {c.office}: rantai putus pada entri nomor urut {c.seq} — {c.reason}.
              </div>
            ),
          )}
        </section>
      ) : null}
      {d.entries.length === 0 ? <p>Belum ada berita acara yang diterbitkan.</p> : null}
      <ol className="list-plain" aria-label="Entri register">
        {d.entries.map((e) => (
          <li key={e.id}>
            <p>
              <strong>
                {e.office} · entri {e.seq}
              </strong>{" "}
              {e.replaced ? <span className="badge badge--warn">diganti</span> : <span className="badge badge--ok">berlaku</span>}{" "}
              {e.kind === "pindaian" ? <span className="badge">pindaian kertas</span> : null}
            </p>
            <p>
              {e.number} · {e.subject} · rapat {e.date} · diterbitkan {e.publishedAt}
            </p>
            <p className="muted">
              SHA-256 PDF: <span className="hash">{e.sha256}</span>
              <br />
              Hash entri sebelumnya: <span className="hash">{e.previousHash}</span>
            </p>
            <p className="row">
              <Link to={`/verifikasi/${e.code}`}>
                Verifikasi<span className="visually-hidden"> {e.number}</span>
              </Link>
              <a href={`/verifikasi/${e.code}.pdf`}>Unduh PDF {e.number}</a>
            </p>
          </li>
        ))}
      </ol>
      <Pagination page={d.page} pageSize={d.pageSize} total={d.total} />
    </div>
  );
}
