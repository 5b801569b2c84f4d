import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { fail, guard } from "../auth/guard.server";
import { TextField } from "../components/fields";
import { numberingSchema } from "../domain/numbering-schema";
import { LOGO_MAX_BYTES, LOGO_MAX_PIXELS, LOGO_MIN_PIXELS } from "../domain/image";
import { formatNumber } from "../domain/format";
import { formDataToObject, validate } from "../lib/forms";
import { readUpload, UploadError } from "../lib/upload.server";
import { exampleNumber, logoOf, removeLogo, saveLogo, setNumbering, setPaper } from "../models/document-settings.server";
import { settingsOf } from "../models/register.server";

export const meta: MetaFunction = () => [{ title: "Pengaturan dokumen — Pleno" }];

const PAPERS = [
  { value: "A4", label: "A4 (210 × 297 mm)" },
  { value: "F4", label: "F4 / folio (215 × 330 mm)" },
] as const;

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const logo = logoOf(actor.office.id);
  const settings = settingsOf(actor.office.id);
  return {
    office: actor.office.name,
    paper: settings.paper,
    numbering: { numberFormat: settings.numberFormat, classification: settings.classification, example: exampleNumber(actor.office.id, settings) },
    logo: logo
      ? { width: logo.width, height: logo.height, bytes: logo.data.length, type: logo.mediaType === "image/png" ? "PNG" : "JPG", version: logo.sha256.slice(0, 12) }
      : null,
  };
}

type ActionData = { form: "logo" | "paper" | "numbering"; errors: Record<string, string>; values?: Record<string, unknown> };

const done = (message: string) => redirect(`/pengaturan/dokumen?pesan=${encodeURIComponent(message)}`);

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  let form: FormData;
  try {
    form = await readUpload(args.request, LOGO_MAX_BYTES);
  } catch (error) {
    if (error instanceof UploadError) return json<ActionData>({ form: "logo", errors: { logo: "Berkas logo lebih dari 1 MB." } }, { status: 413 });
    throw error;
  }
  const intent = form.get("intent");
  if (intent === "paper") {
    const paper = form.get("paper");
    if (paper !== "A4" && paper !== "F4") return json<ActionData>({ form: "paper", errors: { paper: "Pilih ukuran kertas A4 atau F4." } }, { status: 400 });
    setPaper(actor, paper);
    return done(`Ukuran kertas ${paper} disimpan untuk semua dokumen kantor.`);
  }
  if (intent === "numbering") {
    const result = validate(numberingSchema, formDataToObject(form));
    if (!result.ok) return json<ActionData>({ form: "numbering", errors: result.errors, values: result.values }, { status: 400 });
    setNumbering(actor, result.data);
    return done(`Format nomor disimpan. Nomor berikutnya, misalnya: ${exampleNumber(actor.office.id, result.data)}.`);
  }
  if (intent === "remove-logo") {
    removeLogo(actor);
    return done("Logo dihapus dari kop dokumen.");
  }
  if (intent !== "logo") fail(400);
  const file = form.get("logo");
  if (!file || typeof file === "string" || file.size === 0)
    return json<ActionData>({ form: "logo", errors: { logo: "Pilih berkas logo PNG atau JPG." } }, { status: 400 });
  const result = saveLogo(actor, new Uint8Array(await file.arrayBuffer()));
  if (!result.ok) return json<ActionData>({ form: "logo", errors: { logo: result.reason } }, { status: 415 });
  return done(`Logo disimpan (${result.width} × ${result.height} piksel) dan dipakai di kop setiap dokumen.`);
}

export default function DocumentSettings() {
  const d = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === "submitting";
  const logoError = data?.form === "logo" ? data.errors.logo : undefined;
  const paperError = data?.form === "paper" ? data.errors.paper : undefined;
  const numberingErrors = data?.form === "numbering" ? data.errors : {};
  const numberingValues = data?.form === "numbering" && data.values ? data.values : d.numbering;
  return (
    <div className="stack">
      <p>
        <Link to="/rapat">← Rapat</Link>
      </p>
      <h1>Pengaturan dokumen</h1>
      <p className="lead">
        Logo, ukuran kertas, dan format nomor berlaku untuk semua dokumen {d.office}: berita acara, surat undangan, daftar hadir, dan tanda terima
        tanggapan. Kata-kata dokumen diubah di <Link to="/berita-acara/templat">templat dokumen</Link>.
      </p>
      {params.get("pesan") && !data ? (
        <div className="alert alert--ok" role="status">
          {params.get("pesan")}
        </div>
      ) : null}

      <section className="card stack" aria-labelledby="logo-title">
        <h2 id="logo-title">Logo pada kop</h2>
        {d.logo ? (
          <figure className="logo-preview">
            <img src={`/pengaturan/dokumen/logo?v=${d.logo.version}`} alt={`Logo ${d.office} yang dipakai di kop`} width={96} />
            <figcaption className="muted">
              {d.logo.type}, {d.logo.width} × {d.logo.height} piksel, {formatNumber(Math.ceil(d.logo.bytes / 1024))} KB
            </figcaption>
          </figure>
        ) : (
          <p className="muted">Belum ada logo: kop dokumen hanya memuat nama kantor.</p>
        )}
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          <div className="field">
            <label htmlFor="f-logo">{d.logo ? "Ganti logo" : "Unggah logo"}</label>
            <input
              id="f-logo"
              name="logo"
              type="file"
              accept="image/png,image/jpeg"
              aria-invalid={logoError ? true : undefined}
              aria-describedby={`logo-hint${logoError ? " logo-error" : ""}`}
            />
            <span className="hint" id="logo-hint">
              PNG atau JPG, paling besar 1 MB, {LOGO_MIN_PIXELS}–{formatNumber(LOGO_MAX_PIXELS)} piksel per sisi. Latar putih atau transparan
              paling rapi.
            </span>
            {logoError ? (
              <p className="field-error" id="logo-error" role="alert">
                {logoError}
              </p>
            ) : null}
          </div>
          <div className="row">
            <button type="submit" name="intent" value="logo" className="button" disabled={busy}>
              Simpan logo
            </button>
          </div>
        </Form>
        {d.logo ? (
          <Form method="post">
            <button type="submit" name="intent" value="remove-logo" className="button button--ghost">
              Hapus logo
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card stack" aria-labelledby="paper-title">
        <h2 id="paper-title">Ukuran kertas</h2>
        <Form method="post" className="stack">
          <fieldset>
            <legend>Kertas untuk semua dokumen</legend>
            {PAPERS.map((p) => (
              <label key={p.value} className="choice">
                <input type="radio" name="paper" value={p.value} defaultChecked={d.paper === p.value} /> {p.label}
              </label>
            ))}
            {paperError ? (
              <p className="field-error" role="alert">
                {paperError}
              </p>
            ) : null}
          </fieldset>
          <p className="hint">Margin mengikuti dokumen KPU: kiri 3 cm untuk jilid, atas 2 cm, kanan 2 cm, bawah 2,2 cm.</p>
          <div className="row">
            <button type="submit" name="intent" value="paper" className="button">
              Simpan ukuran kertas
            </button>
          </div>
        </Form>
      </section>

      <section className="card stack" aria-labelledby="numbering-title">
        <h2 id="numbering-title">Nomor dokumen</h2>
        <p>
          Contoh nomor berita acara berikutnya: <strong>{d.numbering.example}</strong>
        </p>
        <Form method="post" className="stack" noValidate>
          <TextField
            label="Format nomor"
            name="numberFormat"
            defaultValue={String(numberingValues.numberFormat ?? "")}
            error={numberingErrors.numberFormat}
            maxLength={120}
            hint="Penanda: {nomor} nomor urut register, {klasifikasi}, {jenis} (BA, UND), {kode} kode wilayah, {satker} (KPU-Kab/KPU-Kot), {bulan} bulan Romawi, {tahun}. Berlaku untuk nomor yang diambil sesudah disimpan."
          />
          <TextField
            label="Kode klasifikasi"
            name="classification"
            defaultValue={String(numberingValues.classification ?? "")}
            error={numberingErrors.classification}
            maxLength={30}
            hint="Contoh: PL.01.2 (pemutakhiran data pemilih)."
          />
          <div className="row">
            <button type="submit" name="intent" value="numbering" className="button">
              Simpan format nomor
            </button>
          </div>
        </Form>
      </section>
    </div>
  );
}
