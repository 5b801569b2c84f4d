import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useFetcher, useLoaderData, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { fail, guard, type Actor } from "../auth/guard.server";
import { DocumentBlocks } from "../components/document-blocks";
import type { TemplateError } from "../domain/template";
import { checkTemplate, EDITABLE_TEMPLATES, effectiveSource, overrideOf, previewTemplate, resetOverride, saveOverride } from "../models/templates.server";

export const meta: MetaFunction = () => [{ title: "Templat dokumen — Pleno" }];

function nameOf(value: string | null) {
  const name = value ?? "berita-acara-pleno-terbuka";
  if (!EDITABLE_TEMPLATES[name]) fail(404);
  return name;
}

function preview(actor: Actor, name: string, source: string) {
  const errors = checkTemplate(name, source);
  if (errors.length) return { errors, document: null };
  return { errors, document: previewTemplate(actor, name, source) };
}

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const name = nameOf(new URL(args.request.url).searchParams.get("nama"));
  const source = effectiveSource(actor.office.id, name);
  return {
    name,
    templates: Object.entries(EDITABLE_TEMPLATES).map(([key, t]) => ({ key, label: t.label })),
    source,
    own: Boolean(overrideOf(actor.office.id, name)),
    ...preview(actor, name, source),
  };
}

type ActionData = { errors: TemplateError[]; source: string; document: ReturnType<typeof preview>["document"] };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const form = await args.request.formData();
  const name = nameOf(String(form.get("name")));
  const source = String(form.get("source") ?? "").replace(/\r\n?/g, "\n");
  const intent = form.get("intent");
  if (intent === "reset") {
    resetOverride(actor, name);
    return redirect(`/berita-acara/templat?nama=${name}&pesan=${encodeURIComponent("Kembali ke templat bawaan.")}`);
  }
  if (source.length > 50_000) return json<ActionData>({ errors: [{ line: 0, message: "templat terlalu panjang (maksimal 50.000 karakter)" }], source: "", document: null }, { status: 400 });
  const result = preview(actor, name, source);
  if (intent === "save" && result.errors.length === 0) {
    saveOverride(actor, name, source);
    return redirect(`/berita-acara/templat?nama=${name}&pesan=${encodeURIComponent("Templat kantor disimpan.")}`);
  }
  return json<ActionData>({ ...result, source }, { status: result.errors.length ? 400 : 200 });
}

export default function TemplateEditor() {
  const d = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const live = useFetcher<typeof action>();
  const [params] = useSearchParams();
  const timer = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => () => clearTimeout(timer.current), []);
  const shown = live.data ?? data;
  const errors = shown?.errors ?? d.errors;
  const document = shown ? shown.document : d.document;
  return (
    <div className="stack">
      <p>
        <Link to="/rapat">← Rapat</Link>
      </p>
      <h1>Templat dokumen kantor</h1>
      <p className="lead">
        Ubah kata-kata berita acara, surat undangan, dan daftar hadir kantor Anda. Penanda seperti <code>{"{{tanggal_kata}}"}</code> diisi
        dari data rapat; bagian <code>{" {{#each masukan}} … {{/each}}"}</code> diulang untuk setiap organisasi. Pratinjau memakai rapat
        terakhir kantor Anda yang cocok dengan templat ini.
      </p>
      {params.get("pesan") && !data ? (
        <div className="alert alert--ok" role="status">
          {params.get("pesan")}
        </div>
      ) : null}
      <Form method="get" className="filters">
        <div className="field">
          <label htmlFor="f-nama">Templat</label>
          <select id="f-nama" name="nama" defaultValue={d.name}>
            {d.templates.map((t) => (
              <option key={t.key} value={t.key}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          Buka
        </button>
      </Form>
      <div className="editor-grid">
        <Form method="post" className="card" noValidate>
          <input type="hidden" name="name" value={d.name} />
          <p className="muted">{d.own ? "Kantor Anda memakai kata-kata sendiri." : "Kantor Anda memakai templat bawaan."}</p>
          {errors.length ? (
            <div className="alert alert--error" role="alert">
              Templat belum dapat dipakai:
              <ul>
                {errors.map((e, i) => (
                  <li key={i}>
                    Baris {e.line}: {e.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="field">
            <label htmlFor="f-source">Isi templat</label>
            <textarea
              id="f-source"
              name="source"
              rows={28}
              spellCheck={false}
              className="code-input"
              defaultValue={data?.source ?? d.source}
              aria-invalid={errors.length ? true : undefined}
              onChange={(e) => {
                const form = e.currentTarget.form!;
                clearTimeout(timer.current);
                timer.current = setTimeout(() => {
                  const body = new FormData(form);
                  body.set("intent", "preview");
                  live.submit(body, { method: "post" });
                }, 500);
              }}
            />
          </div>
          <div className="row">
            <button type="submit" name="intent" value="preview" className="button button--secondary">
              Pratinjau
            </button>
            <button type="submit" name="intent" value="save" className="button">
              Simpan templat kantor
            </button>
            {d.own ? (
              <button type="submit" name="intent" value="reset" className="button button--ghost">
                Kembalikan ke bawaan
              </button>
            ) : null}
          </div>
        </Form>
        <section aria-labelledby="preview-title" aria-live="polite">
          <h2 id="preview-title">Pratinjau</h2>
          {document ? (
            <DocumentBlocks blocks={document.blocks} tables={document.tables} kop={document.kop} logo={document.logo} />
          ) : (
            <p className="muted">
              {errors.length
                ? "Perbaiki kesalahan templat untuk melihat pratinjau."
                : "Belum ada rapat selesai kantor Anda yang dapat dipakai untuk pratinjau templat ini."}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
