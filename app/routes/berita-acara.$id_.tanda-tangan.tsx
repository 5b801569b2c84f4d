import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { fail, guard } from "../auth/guard.server";
import { DocumentBlocks } from "../components/document-blocks";
import { FormAlert, TextArea, TextField } from "../components/fields";
import { contextOf } from "../context";
import { formatShortDateTime } from "../domain/format";
import { mayDecideNow } from "../domain/signing";
import { idParam } from "../lib/params";
import { snapshotBlocks } from "../models/minutes-document.server";
import { getMinutes } from "../models/minutes.server";
import { totpEnabled } from "../models/totp.server";
import { frozenVersion, markViewedBySigner, refuseMinutes, signaturesOf, signingSettingsOf, signMinutes } from "../models/signing.server";
import { requestOrigin } from "../models/audit.server";
import { logoBytes } from "../models/document-settings.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Tanda tangan berita acara ${data?.number ?? ""} — Pleno` }];

const DECISION = { menunggu: "menunggu", ditandatangani: "sudah menandatangani", ditolak: "menolak" } as const;

/** A signatory reviews the exact frozen version of a submitted berita acara and signs or refuses it. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["commissioner"] });
  const m = getMinutes(actor, idParam(args.params));
  const base = { id: m.id, number: m.number, version: m.currentVersion };
  if (m.status !== "diajukan") return { ...base, open: false as const, status: m.status };
  markViewedBySigner(actor, m.id, requestOrigin(args));
  const frozen = frozenVersion(actor, m);
  const signatures = signaturesOf(actor, m);
  const mine = signatures.find((s) => s.membershipId === actor.membership.id);
  const may = mayDecideNow(signatures, actor.membership.id, signingSettingsOf(actor.office.id).ketuaSignsLast);
  return {
    ...base,
    open: true as const,
    sha256: frozen.sha256,
    document: snapshotBlocks(frozen.content, !!logoBytes(actor.office.id)),
    signatures: signatures.map((s) => ({
      id: s.id,
      name: s.name,
      title: s.title,
      status: s.status,
      at: s.decidedAt ? formatShortDateTime(s.decidedAt, actor.office.timeZone) : null,
    })),
    isSignatory: !!mine,
    mayDecide: may.ok ? null : may.message,
    canRefuse: mine?.status === "menunggu",
    needsTotp: totpEnabled(actor.user.id),
  };
}

type ActionData = { errors: Record<string, string>; values: { reason: string } };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["commissioner"] });
  const id = idParam(args.params);
  getMinutes(actor, id);
  const form = await args.request.formData();
  const intent = form.get("intent");
  const input = {
    password: String(form.get("password") ?? ""),
    totp: String(form.get("totp") ?? "").slice(0, 20),
    version: Number(form.get("version")),
    contentSha256: String(form.get("sha256") ?? ""),
    reason: String(form.get("reason") ?? "").slice(0, 1000),
    ip: contextOf(args.context).ip,
    userAgent: args.request.headers.get("User-Agent") ?? "",
  };
  if (intent !== "sign" && intent !== "refuse") fail(400);
  const result = intent === "sign" ? await signMinutes(actor, id, input) : await refuseMinutes(actor, id, input);
  if (!result.ok) {
    return json<ActionData>({ errors: { [result.field ?? "_form"]: result.message }, values: { reason: input.reason } }, { status: 400 });
  }
  return redirect(`/berita-acara/${id}?pesan=${encodeURIComponent(result.message)}`);
}

export default function SignPage() {
  const d = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
  return (
    <div className="stack">
      <p className="no-print">
        <Link to={`/berita-acara/${d.id}`}>← Berita acara {d.number}</Link>
      </p>
      <h1>Tinjau dan tandatangani berita acara {d.number}</h1>
      {!d.open ? (
        <div className="alert alert--warn">Berita acara ini tidak sedang menunggu tanda tangan.</div>
      ) : (
        <>
          <p className="lead">
            Versi {d.version}. Yang Anda tandatangani adalah isi di bawah ini, dengan sidik SHA-256 <span className="hash">{d.sha256}</span>.
          </p>
          <p className="no-print">
            <a href={`/berita-acara/${d.id}.pdf`}>Buka PDF versi {d.version} (isi yang sama)</a>
          </p>
          <section className="card" aria-labelledby="signers-title">
            <h2 id="signers-title">Penanda tangan</h2>
            <ul className="list-plain">
              {d.signatures.map((s) => (
                <li key={s.id}>
                  {s.name} ({s.title}) — {DECISION[s.status]}
                  {s.at ? `, ${s.at}` : ""}
                </li>
              ))}
            </ul>
          </section>
          <DocumentBlocks blocks={d.document.blocks} tables={d.document.tables} kop={d.document.kop} logo={d.document.logo} />
          {d.mayDecide ? <div className="alert alert--warn">{d.mayDecide}</div> : null}
          {d.isSignatory && (!d.mayDecide || d.canRefuse) ? (
            <section className="card no-print" aria-labelledby="decide-title">
              <h2 id="decide-title">Keputusan Anda</h2>
              <p className="muted">Masukkan kembali kata sandi Anda{d.needsTotp ? " dan kode autentikator" : ""} untuk menandatangani atau menolak versi ini. Waktu, alamat IP, dan peramban Anda dicatat.</p>
              <FormAlert errors={errors._form ? errors : null} />
              <Form method="post" noValidate>
                <input type="hidden" name="version" value={d.version} />
                <input type="hidden" name="sha256" value={d.sha256} />
                <TextField label="Kata sandi" name="password" type="password" autoComplete="current-password" required maxLength={200} error={errors.password} />
                {d.needsTotp ? (
                  <TextField label="Kode autentikator (6 angka)" name="totp" inputMode="numeric" autoComplete="one-time-code" required maxLength={6} error={errors.totp} />
                ) : null}
                {!d.mayDecide ? (
                  <button type="submit" name="intent" value="sign" className="button">
                    Tandatangani versi {d.version}
                  </button>
                ) : null}
                <TextArea
                  label="Alasan penolakan (wajib bila menolak)"
                  name="reason"
                  rows={3}
                  maxLength={1000}
                  defaultValue={data?.values.reason}
                  error={errors.reason}
                  hint="Berita acara kembali menjadi draf sebagai versi baru; semua tanda tangan pada versi ini batal."
                />
                <button type="submit" name="intent" value="refuse" className="button button--ghost">
                  Tolak dengan alasan
                </button>
              </Form>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}
