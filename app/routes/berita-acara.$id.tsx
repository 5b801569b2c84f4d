import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { fail, guard, type Actor } from "../auth/guard.server";
import { describeQuorum } from "../domain/quorum";
import type { Minutes } from "../models/minutes.server";
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

import { abandonMinutes, getMinutes, saveMinutesVersion, versionsOf } from "../models/minutes.server";
import { MAX_SCAN_BYTES, publicationOfMinutes, publishScan, remindByEmail, remindByWhatsapp, sealFailureOf, sealMinutes, signingOverview, startCorrection, submitForSignature } from "../models/signing.server";
import { readUpload, UploadError } from "../lib/upload.server";
import { snapshotBlocks } from "../models/minutes-document.server";
import { frozenVersion } from "../models/signing.server";
import { db } from "../db.server";
import { minutes as minutesTable } from "../../db/schema";
import { and, eq, ne } from "drizzle-orm";
import { logoBytes } from "../models/document-settings.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Berita acara ${data?.minutes.number ?? ""} — Pleno` }];

const STATUS = { draf: "Draf", diajukan: "Menunggu tanda tangan komisioner", ditandatangani: "Ditandatangani dan diterbitkan", dibatalkan: "Dibatalkan" } as const;
/** Rows of the audit log shown on the page; the whole log is in the meeting's dossier. */
const AUDIT_ROWS_SHOWN = 500;
const DECISION = { menunggu: "menunggu", ditandatangani: "sudah menandatangani", ditolak: "menolak" } as const;


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
    document: m.status === "diajukan" || m.status === "ditandatangani" ? snapshotBlocks(frozenVersion(actor, m).content, !!logoBytes(actor.office.id)) : minutesBlocks(actor, meeting.id, m.number, current.version.notes),
    signing: signingSection(actor, m),
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

function signingSection(actor: Actor, m: Minutes) {
  const zone = actor.office.timeZone;
  const publication = publicationOfMinutes(m.id);
  const replaces = m.replacesMinutesId ? db().select({ id: minutesTable.id, number: minutesTable.number }).from(minutesTable).where(eq(minutesTable.id, m.replacesMinutesId)).get() : null;
  const correction = db()
    .select({ id: minutesTable.id, number: minutesTable.number })
    .from(minutesTable)
    .where(and(eq(minutesTable.replacesMinutesId, m.id), ne(minutesTable.status, "dibatalkan")))
    .get();
  const overview = m.status === "draf" || m.status === "dibatalkan" ? null : signingOverview(actor, m);
  const failure = m.status === "diajukan" ? sealFailureOf(m.id) : undefined;
  return {
    isSecretariat: actor.membership.role === "secretariat",
    quorum: overview ? describeQuorum(overview.quorum) : null,
    ketuaSignsLast: overview?.ketuaSignsLast ?? false,
    absent: overview?.absent ?? [],
    signatures: (overview?.signatures ?? []).map((s) => ({
      id: s.id,
      name: s.name,
      title: s.title,
      status: s.status,
      reason: s.reason,
      at: s.decidedAt ? formatShortDateTime(s.decidedAt, zone) : null,
      viewed: !!s.viewedAt,
      reminded: s.remindedAt ? formatShortDateTime(s.remindedAt, zone) : null,
    })),
    isMine: overview?.signatures.some((s) => s.membershipId === actor.membership.id && s.status === "menunggu") ?? false,
    allSigned: (overview?.signatures.length ?? 0) > 0 && overview!.signatures.every((s) => s.status === "ditandatangani"),
    failure: failure ? { reason: failure.reason, at: formatShortDateTime(failure.failedAt, zone) } : null,
    publication: publication
      ? { code: publication.code, kind: publication.kind, sha256: publication.sha256, at: formatShortDateTime(publication.publishedAt, zone), replaced: !!publication.replacedById }
      : null,
    replaces,
    correction,
    maxScanMb: MAX_SCAN_BYTES / 1024 / 1024,
  };
}

type ActionData = { errors: FieldErrors; values: Record<string, string> };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const id = idParam(args.params);
  getMinutes(actor, id);
  let form: FormData;
  try {
    form = await readUpload(args.request, MAX_SCAN_BYTES);
  } catch (error) {
    if (error instanceof UploadError) return json<ActionData>({ errors: { scan: error.message }, values: {} }, { status: 413 });
    throw error;
  }
  const intent = form.get("intent");
  const back = (message: string) => redirect(`/berita-acara/${id}?pesan=${encodeURIComponent(message)}`);
  if (intent === "seal") {
    const sealed = await sealMinutes(actor, id, requestOrigin(args));
    return back(sealed.ok ? "Berita acara telah disegel dan diterbitkan." : `Penyegelan gagal: ${sealed.reason}`);
  }
  if (actor.membership.role !== "secretariat") fail(403);
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
    submitForSignature(actor, id, requestOrigin(args));
    return back("Draf diajukan kepada komisioner yang hadir untuk ditinjau dan ditandatangani.");
  }
  if (intent === "remind-email") return back(await remindByEmail(actor, id, Number(form.get("signatureId"))));
  if (intent === "remind-wa") return redirect(remindByWhatsapp(actor, id, Number(form.get("signatureId"))));
  if (intent === "scan") {
    const file = form.get("scan");
    const bytes = file instanceof File ? Buffer.from(await file.arrayBuffer()) : Buffer.alloc(0);
    const result = publishScan(actor, id, bytes, requestOrigin(args));
    if (!result.ok) return json<ActionData>({ errors: { scan: result.message }, values: {} }, { status: 400 });
    return back("Pindaian berita acara bertanda tangan diterbitkan di register.");
  }
  if (intent === "correct") {
    const correction = startCorrection(actor, id);
    return redirect(`/berita-acara/${correction.id}?pesan=${encodeURIComponent("Draf koreksi dibuat. Setelah ditandatangani, berita acara lama tercatat diganti.")}`);
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
        {d.signing.publication ? (
          <a className="button button--secondary no-print" href={`/verifikasi/${d.signing.publication.code}.pdf`}>
            Unduh PDF {d.signing.publication.kind === "pindaian" ? "pindaian" : "bersegel"}
          </a>
        ) : (
          <a className="button button--secondary no-print" href={`/berita-acara/${d.minutes.id}.pdf`}>
            Unduh PDF
          </a>
        )}
      </div>
      {params.get("pesan") && !data ? (
        <div className="alert alert--ok" role="status">
          {params.get("pesan")}
        </div>
      ) : null}
      {d.minutes.status === "dibatalkan" ? <div className="alert alert--warn">Dibatalkan: {d.minutes.voidReason}</div> : null}

      <SigningSection minutesId={d.minutes.id} status={d.minutes.status} signing={d.signing} error={errors.scan} />

      <DocumentBlocks blocks={d.document.blocks} tables={d.document.tables} kop={d.document.kop} logo={Boolean(d.document.logo)} />

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

type SigningData = ReturnType<typeof useLoaderData<typeof loader>>["signing"];

function SigningSection({ minutesId, status, signing, error }: { minutesId: number; status: string; signing: SigningData; error?: string }) {
  const s = signing;
  return (
    <>
      {s.replaces ? (
        <div className="alert alert--warn">
          Koreksi yang menggantikan berita acara <Link to={`/berita-acara/${s.replaces.id}`}>{s.replaces.number}</Link>.
        </div>
      ) : null}
      {s.publication ? (
        <section className="card" aria-labelledby="published-title">
          <h2 id="published-title">{s.publication.kind === "pindaian" ? "Diterbitkan dari pindaian kertas" : "Disegel dan diterbitkan"}</h2>
          <p>
            Diterbitkan {s.publication.at}. SHA-256 berkas: <span className="hash">{s.publication.sha256}</span>
          </p>
          {s.publication.replaced && s.correction ? (
            <p>
              Diganti oleh koreksi <Link to={`/berita-acara/${s.correction.id}`}>{s.correction.number}</Link>.
            </p>
          ) : null}
          <div className="row">
            <Link className="button button--secondary" to={`/verifikasi/${s.publication.code}`}>
              Halaman verifikasi
            </Link>
            {s.isSecretariat && !s.correction ? (
              <Form method="post">
                <input type="hidden" name="intent" value="correct" />
                <button type="submit" className="button button--ghost">
                  Buat koreksi (versi pengganti)
                </button>
              </Form>
            ) : null}
            {s.correction && !s.publication.replaced ? <Link to={`/berita-acara/${s.correction.id}`}>Draf koreksi {s.correction.number}</Link> : null}
          </div>
        </section>
      ) : null}
      {status === "diajukan" || status === "ditandatangani" ? (
        <section className="card" aria-labelledby="signers-title">
          <h2 id="signers-title">Penanda tangan</h2>
          {s.quorum ? <p className="muted">{s.quorum}</p> : null}
          <p className="muted">{s.ketuaSignsLast ? "Ketua menandatangani terakhir." : "Penandatanganan paralel."}</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Nama</th>
                  <th scope="col">Jabatan</th>
                  <th scope="col">Status</th>
                  {status === "diajukan" && s.isSecretariat ? <th scope="col">Pengingat</th> : null}
                </tr>
              </thead>
              <tbody>
                {s.signatures.map((sig) => (
                  <tr key={sig.id}>
                    <td>{sig.name}</td>
                    <td>{sig.title}</td>
                    <td>
                      {DECISION[sig.status]}
                      {sig.at ? `, ${sig.at}` : ""}
                      {sig.reason ? ` — alasan: ${sig.reason}` : ""}
                      {sig.status === "menunggu" && sig.viewed ? " (sudah dibuka)" : ""}
                    </td>
                    {status === "diajukan" && s.isSecretariat ? (
                      <td>
                        {sig.status === "menunggu" ? (
                          <div className="row">
                            <Form method="post">
                              <input type="hidden" name="intent" value="remind-email" />
                              <input type="hidden" name="signatureId" value={sig.id} />
                              <button type="submit" className="button button--ghost" aria-label={`Kirim pengingat e-mail kepada ${sig.name}`}>
                                E-mail
                              </button>
                            </Form>
                            <Form method="post">
                              <input type="hidden" name="intent" value="remind-wa" />
                              <input type="hidden" name="signatureId" value={sig.id} />
                              <button type="submit" className="button button--ghost" aria-label={`Kirim pengingat WhatsApp kepada ${sig.name}`}>
                                WhatsApp
                              </button>
                            </Form>
                            {sig.reminded ? <span className="muted">diingatkan {sig.reminded}</span> : null}
                          </div>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {s.absent.length ? (
            <>
              <h3>Tidak hadir (tidak menandatangani)</h3>
              <ul>
                {s.absent.map((a) => (
                  <li key={a.name}>
                    {a.name} ({a.title}): {a.reason}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {s.isMine ? (
            <p>
              <Link className="button" to={`/berita-acara/${minutesId}/tanda-tangan`}>
                Tinjau dan tandatangani
              </Link>
            </p>
          ) : null}
          {s.failure ? (
            <div className="alert alert--error" role="alert">
              Berita acara belum disegel ({s.failure.at}): {s.failure.reason}
            </div>
          ) : null}
          {status === "diajukan" && s.allSigned ? (
            <Form method="post">
              <input type="hidden" name="intent" value="seal" />
              <button type="submit" className="button">
                {s.failure ? "Coba segel lagi" : "Segel dan terbitkan"}
              </button>
            </Form>
          ) : null}
          {status === "diajukan" && s.isSecretariat ? (
            <Form method="post" encType="multipart/form-data" className="stack" noValidate>
              <input type="hidden" name="intent" value="scan" />
              <div className="field">
                <label htmlFor="f-scan">Atau unggah pindaian berita acara bertanda tangan basah (PDF, maks. {s.maxScanMb} MB)</label>
                <input id="f-scan" type="file" name="scan" accept="application/pdf" aria-invalid={error ? true : undefined} aria-describedby={error ? "scan-error" : undefined} />
                {error ? (
                  <p className="field-error" id="scan-error" role="alert">
                    {error}
                  </p>
                ) : null}
              </div>
              <button type="submit" className="button button--secondary">
                Terbitkan pindaian kertas
              </button>
            </Form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
