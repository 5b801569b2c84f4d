import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { VerifyCodeForm } from "../components/verify-code-form";
import { formatDate, formatShortDateTime, type ZoneName } from "../domain/format";
import { VERIFY_CODE } from "../domain/signing";
import { readUpload, UploadError } from "../lib/upload.server";
import { MAX_CHECK_BYTES, matchesPublication, publicationByCode } from "../models/signing.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data && data.found ? `Verifikasi berita acara ${data.number} — Pleno` : "Verifikasi berita acara — Pleno" },
  { name: "robots", content: "noindex" },
];

function lookUp(code: string) {
  return VERIFY_CODE.test(code) ? publicationByCode(code) : null;
}

/** Public: what was published under this code; an unknown code reveals nothing. */
export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { access: "public" });
  const code = args.params.code ?? "";
  const found = lookUp(code);
  if (!found) return json({ found: false as const }, { status: 404 });
  const { publication: p, office, signers, replacedBy, replaces } = found;
  const zone = office.timeZone as ZoneName;
  return json({
    found: true as const,
    code: p.code,
    office: office.name,
    number: p.number,
    subject: p.subject,
    date: formatDate(p.meetingDate, zone),
    kind: p.kind,
    publishedAt: formatShortDateTime(p.publishedAt, zone),
    sha256: p.sha256,
    contentSha256: p.contentSha256,
    signers: signers.map((s) => ({ name: s.name, title: s.title, at: formatShortDateTime(s.decidedAt!, zone) })),
    replacedBy: replacedBy ?? null,
    replaces: replaces ?? null,
  });
}

type ActionData = { error: string } | { matches: boolean; sha256: string };

export async function action(args: ActionFunctionArgs) {
  await guard(args, { access: "public" });
  const code = args.params.code ?? "";
  if (!lookUp(code)) return json<ActionData>({ error: "Kode verifikasi tidak dikenal." }, { status: 404 });
  let form: FormData;
  try {
    form = await readUpload(args.request, MAX_CHECK_BYTES);
  } catch (error) {
    if (error instanceof UploadError) return json<ActionData>({ error: error.message }, { status: 413 });
    throw error;
  }
  const file = form.get("berkas");
  if (!(file instanceof File) || file.size === 0) return json<ActionData>({ error: "Pilih berkas PDF yang ingin dicocokkan." }, { status: 400 });
  const result = matchesPublication(code, new Uint8Array(await file.arrayBuffer()))!;
  return json<ActionData>(result);
}

export default function VerifyPage() {
  const d = useLoaderData<typeof loader>();
  const check = useActionData<typeof action>();
  if (!d.found) {
    return (
      <article className="stack" style={{ maxWidth: "46rem" }}>
        <h1>Kode verifikasi tidak dikenal</h1>
        <p className="lead">Tidak ada berita acara yang diterbitkan dengan kode ini. Periksa kembali kode pada lembar pengesahan atau kode QR.</p>
        <VerifyCodeForm />
        <p>
          <Link to="/berita-acara">Register publik berita acara</Link>
        </p>
      </article>
    );
  }
  return (
    <article className="stack" style={{ maxWidth: "52rem" }}>
      <h1>Verifikasi berita acara</h1>
      {d.replacedBy ? (
        <div className="alert alert--warn" role="status">
          Status: <strong>diganti</strong> oleh berita acara <Link to={`/verifikasi/${d.replacedBy.code}`}>{d.replacedBy.number}</Link>.
        </div>
      ) : (
        <div className="alert alert--ok" role="status">
          Status: <strong>berlaku</strong>.
        </div>
      )}
      <dl className="facts">
        <dt>Kantor</dt>
        <dd>{d.office}</dd>
        <dt>Nomor</dt>
        <dd>{d.number}</dd>
        <dt>Tentang</dt>
        <dd>{d.subject}</dd>
        <dt>Tanggal rapat</dt>
        <dd>{d.date}</dd>
        <dt>Diterbitkan</dt>
        <dd>
          {d.publishedAt} — {d.kind === "pindaian" ? "pindaian berita acara bertanda tangan basah (kertas)" : "ditandatangani elektronik dan disegel sertifikat kantor"}
        </dd>
        <dt>SHA-256 berkas</dt>
        <dd className="hash">{d.sha256}</dd>
        {d.contentSha256 ? (
          <>
            <dt>SHA-256 isi yang ditandatangani</dt>
            <dd className="hash">{d.contentSha256}</dd>
          </>
        ) : null}
        {d.replaces ? (
          <>
            <dt>Menggantikan</dt>
            <dd>
              <Link to={`/verifikasi/${d.replaces.code}`}>{d.replaces.number}</Link>
            </dd>
          </>
        ) : null}
      </dl>
      {d.signers.length ? (
        <section aria-labelledby="signers-title">
          <h2 id="signers-title">Penanda tangan</h2>
          <ul className="list-plain">
            {d.signers.map((s) => (
              <li key={s.name}>
                {s.name} ({s.title}) — {s.at}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="no-print">
        <a className="button button--secondary" href={`/verifikasi/${d.code}.pdf`}>
          Unduh berkas yang diterbitkan
        </a>
      </p>
      <section className="card no-print" aria-labelledby="match-title">
        <h2 id="match-title">Cocokkan berkas Anda</h2>
        <p className="muted">Pilih berkas PDF yang Anda terima: Pleno memeriksa apakah isinya sama persis, bita demi bita, dengan yang diterbitkan.</p>
        <Form method="post" encType="multipart/form-data" className="row" noValidate>
          <div className="field">
            <label htmlFor="f-berkas">Berkas PDF (maks. 25 MB)</label>
            <input id="f-berkas" type="file" name="berkas" accept="application/pdf" aria-describedby={check ? "match-result" : undefined} />
          </div>
          <button type="submit" className="button">
            Cocokkan
          </button>
        </Form>
        {check ? (
          "error" in check ? (
            <div id="match-result" className="alert alert--error" role="alert">
              {check.error}
            </div>
          ) : check.matches ? (
            <div id="match-result" className="alert alert--ok" role="status">
              Cocok: berkas Anda sama persis dengan berita acara yang diterbitkan.
            </div>
          ) : (
            <div id="match-result" className="alert alert--error" role="alert">
              Tidak cocok: berkas Anda berbeda dari berita acara yang diterbitkan (SHA-256 berkas Anda <span className="hash">{check.sha256}</span>).
            </div>
          )
        ) : null}
      </section>
    </article>
  );
}
