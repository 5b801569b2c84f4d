import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { formatNumber } from "../domain/format";
import { STAKEHOLDER_TYPE_LABELS } from "../domain/labels";
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, namesInCsv, parseStakeholderCsv, type ImportProblem } from "../domain/stakeholder-import";
import { IMPORT_COLUMNS } from "../domain/stakeholder-schema";
import { asText, readUpload, UploadError } from "../lib/upload.server";
import { existingStakeholderNames, importStakeholders } from "../models/stakeholder.server";
import type { Actor } from "../auth/guard.server";

export const meta: MetaFunction = () => [{ title: "Impor pemangku kepentingan — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { roles: ["secretariat"] });
  return null;
}

type Preview = {
  csv: string;
  fileName: string;
  problems: ImportProblem[];
  rows: { row: number; name: string; type: string; contact: string; whatsapp: string }[];
  organisations: number;
  contacts: number;
};
type ActionData = { error: string } | { preview: Preview };

function check(actor: Actor, csv: string, fileName: string) {
  const result = parseStakeholderCsv(csv, existingStakeholderNames(actor, namesInCsv(csv)));
  const preview: Preview = {
    csv,
    fileName,
    problems: result.problems,
    organisations: result.organisations,
    contacts: result.contacts,
    rows: result.rows.map((r) => ({
      row: r.row,
      name: r.org.name,
      type: STAKEHOLDER_TYPE_LABELS[r.org.type],
      contact: r.contact ? `${r.contact.name}${r.contact.position ? `, ${r.contact.position}` : ""}` : "",
      whatsapp: r.contact?.whatsapp ?? "",
    })),
  };
  return { preview, rows: result.rows };
}

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  let form: FormData;
  try {
    form = await readUpload(args.request, MAX_IMPORT_BYTES);
  } catch (error) {
    if (error instanceof UploadError) return json<ActionData>({ error: error.message }, { status: 413 });
    throw error;
  }
  const intent = form.get("intent");
  if (intent === "preview") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return json<ActionData>({ error: "Pilih berkas CSV yang akan diimpor." }, { status: 400 });
    }
    const text = asText(new Uint8Array(await file.arrayBuffer()));
    if (text === null) {
      return json<ActionData>({ error: "Berkas ini bukan teks CSV (UTF-8). Simpan ulang dari spreadsheet sebagai CSV UTF-8." }, { status: 400 });
    }
    return json<ActionData>({ preview: check(actor, text, file.name.slice(0, 120)).preview });
  }
  if (intent === "confirm") {
    const csv = form.get("csv");
    if (typeof csv !== "string" || csv.length > MAX_IMPORT_BYTES) {
      return json<ActionData>({ error: "Data impor tidak lengkap. Unggah ulang berkasnya." }, { status: 400 });
    }
    const { preview, rows } = check(actor, csv, String(form.get("fileName") ?? "").slice(0, 120));
    if (preview.problems.length) return json<ActionData>({ preview }, { status: 400 });
    const added = importStakeholders(actor, rows);
    return redirect(`/pemangku-kepentingan?diimpor=${added}`);
  }
  return json<ActionData>({ error: "Permintaan tidak dikenal." }, { status: 400 });
}

export default function ImportStakeholders() {
  const data = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const preview = data && "preview" in data ? data.preview : null;
  return (
    <div className="stack">
      <p>
        <Link to="/pemangku-kepentingan">← Pemangku Kepentingan</Link>
      </p>
      <h1>Impor pemangku kepentingan dari CSV</h1>
      <section className="card">
        <p>
          Satu baris untuk satu kontak. Kolom: <code>{IMPORT_COLUMNS.join(", ")}</code> (wajib: nama dan jenis). Baris
          dengan nama organisasi yang sama menjadi satu organisasi dengan beberapa kontak. Paling besar 1 MB dan{" "}
          {formatNumber(MAX_IMPORT_ROWS)} baris. Tidak ada yang disimpan sebelum Anda memeriksa pratinjau.
        </p>
        <p>
          <a href="/pemangku-kepentingan/impor/contoh" download>
            Unduh contoh berkas CSV
          </a>
        </p>
        {data && "error" in data ? (
          <div className="alert alert--error" role="alert">
            {data.error}
          </div>
        ) : null}
        <Form method="post" encType="multipart/form-data" className="row">
          <input type="hidden" name="intent" value="preview" />
          <div className="field">
            <label htmlFor="f-file">Berkas CSV</label>
            <input id="f-file" name="file" type="file" accept=".csv,text/csv" required />
          </div>
          <button type="submit" className="button" disabled={busy}>
            Periksa berkas
          </button>
        </Form>
      </section>

      {preview ? (
        <section className="card stack" aria-labelledby="preview-title">
          <h2 id="preview-title">Pratinjau {preview.fileName}</h2>
          {preview.problems.length ? (
            <>
              <div className="alert alert--error" role="alert">
                Ditemukan {formatNumber(preview.problems.length)} masalah. Perbaiki berkasnya lalu unggah ulang; belum ada
                yang disimpan.
              </div>
              <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
                <table>
                  <caption>Masalah per baris dan kolom</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="num">
                        Baris
                      </th>
                      <th scope="col">Kolom</th>
                      <th scope="col">Masalah</th>
                    </tr>
                  </thead>
                  <tbody>
                    {preview.problems.map((p, i) => (
                      <tr key={i} className="is-bad">
                        <td className="num">{p.row}</td>
                        <td>{p.column}</td>
                        <td>{p.message}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : (
            <div className="alert alert--ok" role="status">
              Berkas siap diimpor: {formatNumber(preview.organisations)} organisasi dengan {formatNumber(preview.contacts)}{" "}
              kontak.
            </div>
          )}
          {preview.rows.length ? (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
              <table>
                <caption>Baris yang sudah benar</caption>
                <thead>
                  <tr>
                    <th scope="col" className="num">
                      Baris
                    </th>
                    <th scope="col">Organisasi</th>
                    <th scope="col">Jenis</th>
                    <th scope="col">Kontak</th>
                    <th scope="col">WhatsApp</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.rows.map((r) => (
                    <tr key={r.row}>
                      <td className="num">{r.row}</td>
                      <td>{r.name}</td>
                      <td>{r.type}</td>
                      <td>{r.contact}</td>
                      <td>{r.whatsapp}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {preview.problems.length === 0 ? (
            <Form method="post">
              <input type="hidden" name="intent" value="confirm" />
              <input type="hidden" name="csv" value={preview.csv} />
              <input type="hidden" name="fileName" value={preview.fileName} />
              <button type="submit" className="button" disabled={busy}>
                Impor {formatNumber(preview.organisations)} organisasi
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
