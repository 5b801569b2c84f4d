import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { fail, guard, type Actor } from "../auth/guard.server";
import { RecapGrid, rowsFromForm, type GridRow } from "../components/recap-grid";
import { isPeriod, periodLabel, recapColumns, validateRows, type Column, type Problem } from "../domain/recap";
import {
  MAX_UPLOAD_BYTES,
  applyMapping,
  findHeader,
  guessMapping,
  loadStash,
  readUpload,
  stashUpload,
  type Grid,
  type Header,
} from "../lib/recap-file.server";
import { latestVersion, saveRecapRows, tmsCategoriesOf, validationContext, type RecapLevel } from "../models/recap.server";

export const meta: MetaFunction = () => [{ title: "Impor rekap — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { roles: ["secretariat"] });
  return json({ maxMb: MAX_UPLOAD_BYTES / 1024 / 1024 });
}

type Step =
  | { step: "upload"; error: string; period: string; level: RecapLevel }
  | {
      step: "preview";
      token: string;
      fileName: string;
      period: string;
      periodLabel: string;
      level: RecapLevel;
      headers: string[];
      columns: Column[];
      mapping: Record<string, number>;
      categories: { code: string; label: string }[];
      rows: GridRow[];
      problems: Problem[];
      missing: string[];
      replacesDraft: boolean;
    };

function preview(actor: Actor, token: string, stash: { fileName: string; period: string; level: RecapLevel; grid: Grid; header: Header }, mapping: Record<string, number> | null) {
  const categories = tmsCategoriesOf(actor.office.id).map((c) => ({ code: c.code, label: c.label }));
  const columns = recapColumns(categories);
  const map = mapping ?? guessMapping(columns, stash.header);
  const raw = applyMapping(stash.grid, stash.header, map);
  const { context, areas } = validationContext(actor.office, stash.level, stash.period);
  const { problems } = validateRows(raw, context);
  const names = new Map(areas.map((a) => [a.code, a.name]));
  const rows: GridRow[] = raw.map((r) => {
    const text = String(r.cells.area ?? "").trim();
    const code = context.areasByCode.has(text) ? text : (context.areaCodeByName.get(text.toLowerCase().replace(/^(kecamatan|kec\.|desa|kelurahan)\s+/, "")) ?? text);
    const cells: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.cells)) if (k !== "area") cells[k] = String(v ?? "");
    return { line: r.line, area: code, name: names.get(code) ?? text, cells };
  });
  const missing = columns.filter((c) => !c.optional && (map[c.key] ?? -1) < 0).map((c) => c.label);
  const existing = latestVersion(actor.office.id, stash.level, stash.period);
  if (existing?.status === "ditetapkan")
    problems.unshift({ row: 0, column: "_file", message: `Rekap ${periodLabel(stash.period)} sudah ditetapkan; impor tidak dapat menggantinya. Buat koreksi dari halaman rekap.` });
  return {
    step: "preview" as const,
    token,
    fileName: stash.fileName,
    period: stash.period,
    periodLabel: periodLabel(stash.period),
    level: stash.level,
    headers: stash.header.names,
    columns,
    mapping: map,
    categories,
    rows,
    problems,
    missing,
    replacesDraft: existing?.status === "draf",
  };
}

function parseMapping(text: string): Record<string, number> | null {
  try {
    const value = JSON.parse(text) as unknown;
    if (!value || typeof value !== "object") return null;
    return Object.fromEntries(Object.entries(value).filter(([, v]) => Number.isInteger(v))) as Record<string, number>;
  } catch {
    return null;
  }
}

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const { request } = args;
  const length = Number(request.headers.get("Content-Length") ?? 0);
  if (length > MAX_UPLOAD_BYTES + 64 * 1024)
    return json<Step>({ step: "upload", error: "Berkas lebih dari 10 MB dan tidak diterima.", period: "", level: "kecamatan" }, { status: 413 });
  const form = await request.formData();
  const intent = form.get("intent");
  const level: RecapLevel = form.get("level") === "desa" ? "desa" : "kecamatan";
  const period = String(form.get("period") ?? "").trim();

  if (intent === "upload") {
    const refuse = (error: string, status = 400) => json<Step>({ step: "upload", error, period, level }, { status });
    if (!isPeriod(period)) return refuse("Periode ditulis seperti 2025-10, 2025-Q2 atau 2025-S1.");
    const file = form.get("file");
    if (!file || typeof file === "string" || file.size === 0) return refuse("Pilih berkas CSV atau XLSX.");
    if (file.size > MAX_UPLOAD_BYTES) return refuse("Berkas lebih dari 10 MB dan tidak diterima.", 413);
    const grid = await readUpload(new Uint8Array(await file.arrayBuffer()));
    if ("refused" in grid) return refuse(grid.refused, 415);
    const header = findHeader(grid);
    if (!header) return refuse("Baris judul kolom tidak ditemukan: berkas harus memuat kolom Kode atau Kecamatan/Desa seperti Model A-Rekap PDPB.", 422);
    const stash = { officeId: actor.office.id, userId: actor.user.id, period, level, fileName: file.name.slice(0, 200), grid, header };
    return json<Step>(preview(actor, stashUpload(stash), stash, null));
  }

  if (intent === "map") {
    const token = String(form.get("token") ?? "");
    const stash = loadStash(token, actor.office.id, actor.user.id);
    if (!stash) return json<Step>({ step: "upload", error: "Unggahan sudah tidak tersedia. Unggah ulang berkasnya.", period: "", level }, { status: 410 });
    const mapping: Record<string, number> = {};
    for (const [name, value] of form.entries())
      if (name.startsWith("map|") && typeof value === "string") mapping[name.slice(4)] = Number.parseInt(value, 10);
    for (const k of Object.keys(mapping)) if (!Number.isInteger(mapping[k]) || mapping[k] >= stash.header.names.length) mapping[k] = -1;
    return json<Step>(preview(actor, token, stash, mapping));
  }

  if (intent === "save") {
    if (!isPeriod(period)) fail(400);
    const raw = rowsFromForm(form);
    const result = saveRecapRows(actor, { period, level, raw });
    if (result.ok) return redirect(`/rekap/${result.recapId}?disimpan=1`);
    const token = String(form.get("token") ?? "");
    const stash = loadStash(token, actor.office.id, actor.user.id);
    if (!stash) return json<Step>({ step: "upload", error: "Unggahan sudah tidak tersedia. Unggah ulang berkasnya.", period, level }, { status: 410 });
    const base = preview(actor, token, stash, parseMapping(String(form.get("mapping") ?? "")));
    const rows = base.rows.map((r, i) => (raw[i] ? { ...r, cells: raw[i].cells } : r));
    return json<Step>({ ...base, rows, problems: result.problems }, { status: 400 });
  }
  fail(400);
}

export default function RecapImport() {
  const { maxMb } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as Step | undefined;
  const upload = !data || data.step === "upload";
  return (
    <div className="stack">
      <p>
        <Link to="/rekap">← Semua rekap</Link>
      </p>
      <h1>Impor rekap dari CSV atau XLSX</h1>
      {upload ? (
        <section aria-labelledby="up-title" className="card">
          <h2 id="up-title">1. Unggah berkas</h2>
          <p className="muted">
            Berkas CSV atau XLSX dengan susunan Model A-Rekap PDPB, paling besar {maxMb} MB. Tidak ada yang disimpan sebelum Anda memeriksa pratinjau.
          </p>
          {data?.step === "upload" ? (
            <div className="alert alert--error" role="alert">
              {data.error}
            </div>
          ) : null}
          <Form method="post" encType="multipart/form-data">
            <div className="form-grid">
              <div className="field">
                <label htmlFor="period">Periode</label>
                <input id="period" name="period" required placeholder="2025-Q3" defaultValue={data?.step === "upload" ? data.period : ""} />
              </div>
              <div className="field">
                <label htmlFor="level">Tingkat</label>
                <select id="level" name="level" defaultValue={data?.step === "upload" ? data.level : "kecamatan"}>
                  <option value="kecamatan">Per kecamatan</option>
                  <option value="desa">Per desa/kelurahan</option>
                </select>
              </div>
              <div className="field">
                <label htmlFor="file">Berkas (.csv atau .xlsx)</label>
                <input id="file" name="file" type="file" required accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
              </div>
            </div>
            <button className="button" type="submit" name="intent" value="upload">
              Unggah dan periksa
            </button>
          </Form>
        </section>
      ) : (
        <PreviewStep data={data} />
      )}
    </div>
  );
}

function PreviewStep({ data }: { data: Extract<Step, { step: "preview" }> }) {
  const fileProblems = data.problems.filter((p) => p.row === 0);
  const blocking = data.problems.length > 0 || data.missing.length > 0;
  return (
    <>
      <section aria-labelledby="map-title" className="card">
        <h2 id="map-title">2. Pemetaan kolom: {data.fileName}</h2>
        <p className="muted">Kolom berkas dipasangkan otomatis dari judulnya. Ubah bila ada yang salah, lalu periksa ulang.</p>
        {data.missing.length ? (
          <div className="alert alert--error" role="alert">
            Kolom wajib belum dipasangkan: {data.missing.join(", ")}.
          </div>
        ) : null}
        <Form method="post">
          <input type="hidden" name="token" value={data.token} />
          <input type="hidden" name="level" value={data.level} />
          <div className="form-grid">
            {data.columns.map((c) => (
              <div className="field" key={c.key}>
                <label htmlFor={`map-${c.key}`}>
                  {c.label}
                  {c.optional ? " (pilihan)" : ""}
                </label>
                <select id={`map-${c.key}`} name={`map|${c.key}`} defaultValue={String(data.mapping[c.key] ?? -1)}>
                  <option value="-1">— tidak ada —</option>
                  {data.headers.map((h, i) => (
                    <option key={i} value={i}>
                      {h || `Kolom ${i + 1}`}
                    </option>
                  ))}
                </select>
              </div>
            ))}
          </div>
          <button className="button button--secondary" type="submit" name="intent" value="map">
            Terapkan pemetaan
          </button>
        </Form>
      </section>

      <section aria-labelledby="prev-title">
        <h2 id="prev-title">3. Pratinjau {data.periodLabel}</h2>
        {blocking ? (
          <div className="alert alert--error" role="alert">
            {data.problems.length} masalah ditemukan; belum ada yang disimpan. Perbaiki sel yang ditandai (atau berkasnya), lalu simpan.
            {fileProblems.length ? (
              <ul>
                {fileProblems.map((p) => (
                  <li key={p.message}>{p.message}</li>
                ))}
              </ul>
            ) : null}
          </div>
        ) : (
          <div className="alert alert--ok" role="status">
            Tidak ada masalah. {data.rows.length} baris siap disimpan{data.replacesDraft ? " (menggantikan draf periode ini)" : ""}.
          </div>
        )}
        {data.problems.length ? (
          <details>
            <summary>Daftar masalah per baris dan kolom</summary>
            <ul>
              {data.problems.map((p, i) => (
                <li key={i}>
                  {p.row ? `Baris ${p.row}, ` : ""}
                  {data.columns.find((c) => c.key === p.column)?.label ?? p.column}: {p.message}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
        <Form method="post">
          <input type="hidden" name="token" value={data.token} />
          <input type="hidden" name="period" value={data.period} />
          <input type="hidden" name="level" value={data.level} />
          <input type="hidden" name="mapping" value={JSON.stringify(data.mapping)} />
          <RecapGrid
            rows={data.rows}
            categories={data.categories}
            problems={data.problems}
            editable
            previousLocked={false}
            areaLabel={data.level === "desa" ? "Desa/Kelurahan" : "Kecamatan"}
            caption={`Pratinjau ${data.fileName}`}
          />
          <p>
            <button className="button" type="submit" name="intent" value="save">
              Simpan semua baris
            </button>
          </p>
        </Form>
      </section>
    </>
  );
}
