import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { and, eq, ne } from "drizzle-orm";
import { sessions, users } from "../../db/schema";
import { fail, guard } from "../auth/guard.server";
import { hashPassword, verifyPassword } from "../auth/password.server";
import { switchMembership } from "../auth/session.server";
import { FormAlert, TextField } from "../components/fields";
import { db } from "../db.server";
import { changePasswordSchema } from "../domain/account-schema";
import { ROLE_LABELS } from "../domain/labels";
import { formDataToObject, validate, type FieldErrors } from "../lib/forms";
import { activeMembershipsOf } from "../models/user.server";
import QRCode from "qrcode";
import { confirmEnrolment, disableTotp, pendingEnrolment, totpEnabled } from "../models/totp.server";

export const meta: MetaFunction = () => [{ title: "Akun saya — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "signed-in" });
  const pending = pendingEnrolment(actor, false);
  return {
    totp: {
      enabled: totpEnabled(actor.user.id),
      pending: pending ? { secret: pending.secret.replace(/(.{4})/g, "$1 ").trim(), qr: await QRCode.toDataURL(pending.uri, { margin: 1, width: 200 }) } : null,
    },
    user: actor.user,
    current: actor.membership.id,
    memberships: activeMembershipsOf(actor.user.id).map(({ membership, office }) => ({
      id: membership.id,
      role: membership.role,
      office: office.name,
      title: membership.title,
    })),
  };
}

type ActionData = { form: "password" | "totp"; errors: FieldErrors; done?: boolean };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { access: "signed-in" });
  const values = formDataToObject(await args.request.formData());
  if (values.intent === "switch") {
    const id = Number(values.membershipId);
    if (!activeMembershipsOf(actor.user.id).some((m) => m.membership.id === id)) fail(404);
    switchMembership(actor.sessionIdHash, id);
    return redirect("/dasbor");
  }
  if (values.intent === "totp-start") {
    pendingEnrolment(actor, true);
    return redirect("/akun#totp-title");
  }
  if (values.intent === "totp-confirm") {
    if (!confirmEnrolment(actor, String(values.code ?? ""))) {
      return json<ActionData>({ form: "totp", errors: { code: "Kode tidak cocok. Masukkan 6 angka yang sedang tampil di aplikasi autentikator." } }, { status: 400 });
    }
    return json<ActionData>({ form: "totp", errors: {}, done: true });
  }
  if (values.intent === "totp-disable") {
    if (!(await disableTotp(actor, String(values.password ?? "")))) {
      return json<ActionData>({ form: "totp", errors: { password: "Kata sandi salah." } }, { status: 400 });
    }
    return redirect("/akun");
  }
  if (values.intent !== "password") fail(400);
  const result = validate(changePasswordSchema, values);
  if (!result.ok) return json<ActionData>({ form: "password", errors: result.errors }, { status: 400 });
  const user = db().select().from(users).where(eq(users.id, actor.user.id)).get()!;
  if (!(await verifyPassword(user.passwordHash, result.data.current))) {
    return json<ActionData>({ form: "password", errors: { current: "Kata sandi saat ini salah." } }, { status: 400 });
  }
  db().update(users).set({ passwordHash: await hashPassword(result.data.next) }).where(eq(users.id, user.id)).run();
  // Other devices signed in with the old password are signed out; this one stays.
  db()
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, user.id), ne(sessions.idHash, actor.sessionIdHash)))
    .run();
  return json<ActionData>({ form: "password", errors: {}, done: true });
}

export default function Account() {
  const { user, memberships, current, totp } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.form === "password" ? data.errors : {};
  const totpErrors = data?.form === "totp" ? data.errors : {};
  return (
    <div className="stack">
      <h1>Akun saya</h1>
      <p className="lead">
        {user.name} · {user.email}
      </p>
      {memberships.length > 1 ? (
        <section className="card" aria-labelledby="switch-title">
          <h2 id="switch-title">Peran yang sedang dipakai</h2>
          <ul className="list-plain">
            {memberships.map((m) => (
              <li key={m.id}>
                <Form method="post" className="row">
                  <input type="hidden" name="intent" value="switch" />
                  <input type="hidden" name="membershipId" value={m.id} />
                  <span>
                    {ROLE_LABELS[m.role]} · {m.office}
                    {m.title ? ` · ${m.title}` : ""}
                  </span>
                  {m.id === current ? (
                    <span className="badge badge--ok">sedang dipakai</span>
                  ) : (
                    <button type="submit" className="button button--small button--secondary">
                      Pakai peran ini
                    </button>
                  )}
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">Ganti kata sandi</h2>
        {data?.form === "password" && data.done ? (
          <div className="alert alert--ok" role="status">
            Kata sandi telah diganti. Sesi di perangkat lain telah diakhiri.
          </div>
        ) : null}
        <FormAlert errors={data?.form === "password" && !data.done ? errors : null} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="password" />
          <input type="text" name="username" autoComplete="username" defaultValue={user.email} hidden readOnly />
          <TextField label="Kata sandi saat ini" name="current" type="password" autoComplete="current-password" error={errors.current} />
          <TextField label="Kata sandi baru" name="next" type="password" autoComplete="new-password" hint="Minimal 10 karakter." error={errors.next} />
          <TextField label="Ulangi kata sandi baru" name="confirm" type="password" autoComplete="new-password" error={errors.confirm} />
          <button type="submit" className="button">
            Ganti kata sandi
          </button>
        </Form>
      </section>
      <section className="card" aria-labelledby="totp-title">
        <h2 id="totp-title">Aplikasi autentikator (TOTP)</h2>
        <p className="muted">
          Bila diaktifkan, menandatangani atau menolak berita acara memerlukan kata sandi dan kode 6 angka dari aplikasi autentikator di ponsel Anda.
        </p>
        {data?.form === "totp" && data.done ? (
          <div className="alert alert--ok" role="status">
            Aplikasi autentikator aktif.
          </div>
        ) : null}
        {totp.enabled ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="totp-disable" />
            <p>
              <span className="badge badge--ok">aktif</span>
            </p>
            <TextField label="Kata sandi (untuk menonaktifkan)" name="password" type="password" autoComplete="current-password" error={totpErrors.password} />
            <button type="submit" className="button button--ghost">
              Nonaktifkan autentikator
            </button>
          </Form>
        ) : totp.pending ? (
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="totp-confirm" />
            <p>Pindai kode QR ini dengan aplikasi autentikator, atau ketik kuncinya:</p>
            <img src={totp.pending.qr} alt="Kode QR untuk aplikasi autentikator" width={200} height={200} />
            <p className="hash">{totp.pending.secret}</p>
            <TextField label="Kode 6 angka dari aplikasi" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={6} error={totpErrors.code} />
            <button type="submit" className="button">
              Aktifkan
            </button>
          </Form>
        ) : (
          <Form method="post">
            <input type="hidden" name="intent" value="totp-start" />
            <button type="submit" className="button button--secondary">
              Siapkan aplikasi autentikator
            </button>
          </Form>
        )}
      </section>
    </div>
  );
}
