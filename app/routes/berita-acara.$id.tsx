import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { fail, guard } from "../auth/guard.server";
import { idParam } from "../lib/params";
import { DocumentBlocks } from "../components/document-blocks";
import { FormAlert, TextArea } from "../components/fields";
import { diffLines } from "../domain/diff";
import { formatShortDateTime } from "../domain/format";
import { periodInWords } from "../domain/periods";
import type { FieldErrors } from "../lib/forms";
import { getMeeting } from "../models/meeting.server";
import { minutesBlocks } from "../models/minutes-document.server";
import { auditCountOf, auditOf, requestOrigin } from "../models/audit.server";
import { AUDIT_LABELS, describeAudit } from "../domain/audit";
import { abandonMinutes, getMinutes, saveMinutesVersion, submitMinutes, versionsOf } from "../models/minutes.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Berita acara ${data?.minutes.number ?? ""} — Pleno` }];

/** Rows of the audit log shown on the page; the whole log is in the meeting's dossier. */
const AUDIT_ROWS_SHOWN = 500;

const STATUS = { draf: "Draf", diajukan: "Diajukan untuk ditinjau komisioner", dibatalkan: "Dibatalkan" } as const;


export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const m = getMinutes(actor, idParam(args.params));
  const meeting = getMeeting(actor, m.meetingId);
  const versions = versionsOf(m.id);
  const current = versions.find((v) => v.version.version === m.currentVersion)!;
  const url = new URL(args.request.url);
  const from = Number(url.searchParams.get("dari"));
  const to = Number(url.searchParams.get("ke"));
  const a = versions.find((v) => v.version.version === from);
  const b = versions.find((v) => v.version.version === to);
  return {
    canEdit: actor.membership.role === "secretariat" && m.status === "draf",
    minutes: { id: m.id, number: m.number, status: m.status, currentVersion: m.currentVersion, voidReason: m.voidReason },
    meeting: { id: meeting.id, title: meeting.title, period: periodInWords(meeting.period) },
    notes: current.version.notes,
    versions: versions.map((v) => ({ version: v.version.version, by: v.by, at: formatShortDateTime(v.version.savedAt, actor.office.timeZone) })),
    diff: a && b ? { from, to, lines: diffLines(a.version.notes, b.version.notes) } : null,
    document: minutesBlocks(actor, meeting.id, m.number, current.version.notes),
    auditTotal: auditCountOf(m.id),
    audit: auditOf(m.id, AUDIT_ROWS_SHOWN).map((r) => ({
      id: r.id,
      at: formatShortDateTime(r.at, actor.office.timeZone),
      who: r.userName || "Sistem",
      action: AUDIT_LABELS[r.action],
      what: describeAudit(r.action, r.detail),
      ip: r.ip,
      userAgent: r.userAgent,
    })),
  };
}

type ActionData = { errors: FieldErrors; values: Record<string, string> };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const id = idParam(args.params);
  getMinutes(actor, id);
  const form = await args.request.formData();
  const intent = form.get("intent");
  const notes = String(form.get("notes") ?? "").replace(/\r\n?/g, "\n");
  if (intent === "save") {
    if (notes.length > 5000) return json<ActionData>({ errors: { notes: "Catatan paling banyak 5.000 karakter." }, values: { notes } }, { status: 400 });
    const ok = saveMinutesVersion(actor, id, Number(form.get("version")), notes.trim(), requestOrigin(args));
    if (!ok) {
      return json<ActionData>(
        { errors: { _form: "Draf ini baru saja disimpan oleh orang lain. Teks Anda masih ada di bawah; muat ulang untuk melihat versi terbaru, lalu simpan lagi." }, values: { notes } },
        { status: 409 },
      );
    }
    return redirect(`/berita-acara/${id}?pesan=${encodeURIComponent("Versi baru tersimpan.")}`);
  }
  if (intent === "submit") {
    submitMinutes(actor, id, requestOrigin(args));
    return redirect(`/berita-acara/${id}?pesan=${encodeURIComponent("Draf diajukan kepada komisioner untuk ditinjau.")}`);
  }
  if (intent === "abandon") {
    const reason = String(form.get("reason") ?? "").trim();
    if (reason.length < 5) return json<ActionData>({ errors: { reason: "Alasan pembatalan wajib diisi (minimal 5 karakter)." }, values: { reason } }, { status: 400 });
    abandonMinutes(actor, id, reason.slice(0, 500), requestOrigin(args));
    return redirect(`/berita-acara/${id}?pesan=${encodeURIComponent("Draf dibatalkan; nomornya dicatat batal di register.")}`);
  }
  fail(400);
}

export default function MinutesPage() {
  const d = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const errors = data?.errors ?? {};
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={`/rapat/${d.meeting.id}`}>← {d.meeting.title}</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>Berita acara {d.minutes.number}</h1>
          <p className="lead">
            {d.meeting.title} · {d.meeting.period} · {STATUS[d.minutes.status]} · versi {d.minutes.currentVersion}
          </p>
        </div>
        <a className="button button--secondary no-print" href={`/berita-acara/${d.minutes.id}.pdf`}>
          Unduh PDF
        </a>
      </div>
      {params.get("pesan") && !data ? (
        <div className="alert alert--ok" role="status">
          {params.get("pesan")}
        </div>
      ) : null}
      {d.minutes.status === "dibatalkan" ? <div className="alert alert--warn">Dibatalkan: {d.minutes.voidReason}</div> : null}

      <DocumentBlocks blocks={d.document.blocks} tables={d.document.tables} kop={d.document.kop} logo={d.document.logo} />

      {d.canEdit ? (
        <section className="card no-print" aria-labelledby="edit-title">
          <h2 id="edit-title">Ubah catatan rapat</h2>
          <p className="muted">Bagian lain berita acara ditulis dari data rapat (kehadiran, rekap, tanggapan, keputusan); ubah datanya di halaman rapat.</p>
          <FormAlert errors={errors._form ? errors : null} />
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="save" />
            <input type="hidden" name="version" value={d.minutes.currentVersion} />
            <TextArea label="Catatan rapat" name="notes" rows={5} maxLength={5000} defaultValue={data?.values.notes ?? d.notes} error={errors.notes} />
            <button type="submit" className="button">
              Simpan sebagai versi baru
            </button>
          </Form>
          <div className="row">
            <Form method="post">
              <input type="hidden" name="intent" value="submit" />
              <button type="submit" className="button button--secondary">
                Ajukan kepada komisioner
              </button>
            </Form>
          </div>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="abandon" />
            <TextArea label="Batalkan draf ini (alasan)" name="reason" rows={2} maxLength={500} error={errors.reason} />
            <button type="submit" className="button button--ghost">
              Batalkan draf dan nomornya
            </button>
          </Form>
        </section>
      ) : null}

      <section className="card no-print" aria-labelledby="audit-title">
        <h2 id="audit-title">Jejak audit</h2>
        <p className="muted">Setiap tindakan atas berita acara ini dicatat dan tidak dapat diubah atau dihapus. Waktu dalam zona kantor.</p>
        {d.auditTotal > d.audit.length ? (
          <p>
            Menampilkan {d.audit.length} tindakan terakhir dari {d.auditTotal}. Jejak lengkap ada di{" "}
            <a href={`/rapat/${d.meeting.id}/berkas.zip`}>berkas rapat (ZIP)</a>.
          </p>
        ) : null}
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Jejak audit, dapat digulir ke samping">
          <table>
            <caption className="visually-hidden">Jejak audit berita acara {d.minutes.number}</caption>
            <thead>
              <tr>
                <th scope="col">Waktu</th>
                <th scope="col">Siapa</th>
                <th scope="col">Tindakan</th>
                <th scope="col">Dari alamat</th>
              </tr>
            </thead>
            <tbody>
              {d.audit.map((r) => (
                <tr key={r.id}>
                  <td>{r.at}</td>
                  <td>{r.who}</td>
                  <td>{r.what}</td>
                  <td title={r.userAgent || undefined}>{r.ip || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card no-print" aria-labelledby="versions-title">
        <h2 id="versions-title">Versi</h2>
        <ul className="list-plain">
          {d.versions.map((v) => (
            <li key={v.version}>
              Versi {v.version} · {v.at}
              {v.by ? ` · ${v.by}` : ""}
              {v.version > 1 ? (
                <>
                  {" · "}
                  <Link to={`?dari=${v.version - 1}&ke=${v.version}#banding`}>bandingkan dengan versi {v.version - 1}</Link>
                </>
              ) : null}
            </li>
          ))}
        </ul>
        {d.diff ? (
          <div id="banding">
            <h3>
              Perbedaan versi {d.diff.from} → {d.diff.to}
            </h3>
            <pre className="mail-body">
              {d.diff.lines.map((l, i) => (
                <span key={i} className={l.kind === "added" ? "diff-added" : l.kind === "removed" ? "diff-removed" : undefined}>
                  {l.kind === "added" ? "+ " : l.kind === "removed" ? "− " : "  "}
                  {l.text}
                  {"\n"}
                </span>
              ))}
            </pre>
          </div>
        ) : null}
      </section>
    </div>
  );
}
