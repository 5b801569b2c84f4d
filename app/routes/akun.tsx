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

export const meta: MetaFunction = () => [{ title: "Akun saya — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "signed-in" });
  return {
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

type ActionData = { form: "password"; errors: FieldErrors; done?: boolean };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { access: "signed-in" });
  const values = formDataToObject(await args.request.formData());
  if (values.intent === "switch") {
    const id = Number(values.membershipId);
    if (!activeMembershipsOf(actor.user.id).some((m) => m.membership.id === id)) fail(404);
    switchMembership(actor.sessionIdHash, id);
    return redirect("/dasbor");
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
  const { user, memberships, current } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const errors = data?.errors ?? {};
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
        {data?.done ? (
          <div className="alert alert--ok" role="status">
            Kata sandi telah diganti. Sesi di perangkat lain telah diakhiri.
          </div>
        ) : null}
        <FormAlert errors={data?.done ? null : errors} />
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
    </div>
  );
}
