import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { z } from "zod";
import { guard } from "../auth/guard.server";
import { dummyPasswordHash, verifyPassword } from "../auth/password.server";
import { createSession, loadSession, revokeSession } from "../auth/session.server";
import { recordFailure, recordSuccess, throttleState } from "../auth/throttle.server";
import { FormAlert, TextField } from "../components/fields";
import { contextOf } from "../context";
import { formatTime } from "../domain/format";
import { formDataToObject, rules, validate, type FieldErrors } from "../lib/forms";
import { safeRedirect } from "../lib/safe-redirect";
import { activeMembershipsOf, findUserByEmail, markSignedIn } from "../models/user.server";

export const meta: MetaFunction = () => [{ title: "Masuk — Pleno" }];

const signInSchema = z.object({
  email: rules.email(),
  password: z.string({ error: "Kata sandi wajib diisi." }).min(1, "Kata sandi wajib diisi.").max(200, "Kata sandi terlalu panjang."),
  redirectTo: z.string().optional(),
});

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "public" });
  if (actor) throw redirect(safeRedirect(new URL(args.request.url).searchParams.get("redirectTo")));
  return null;
}

type ActionData = { errors: FieldErrors; values: { email: string } };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function action(args: ActionFunctionArgs) {
  await guard(args, { access: "public" });
  const { request } = args;
  const { ip } = contextOf(args.context);
  const values = formDataToObject(await request.formData());
  const result = validate(signInSchema, values);
  const keep = { email: typeof values.email === "string" ? values.email.slice(0, 254) : "" };
  if (!result.ok) return json<ActionData>({ errors: result.errors, values: keep }, { status: 400 });
  const { email, password } = result.data;

  const state = throttleState(email, ip);
  if (state.lockedUntil) {
    const until = formatTime(state.lockedUntil, "Asia/Jakarta");
    return json<ActionData>(
      {
        errors: { _form: `Terlalu banyak percobaan masuk yang gagal. Demi keamanan, coba lagi setelah pukul ${until}.` },
        values: keep,
      },
      { status: 429 },
    );
  }
  if (state.delayMs) await sleep(state.delayMs);

  const user = findUserByEmail(email);
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
  const membership = user && ok && user.isActive ? activeMembershipsOf(user.id)[0] : undefined;
  if (!user || !ok || !user.isActive || !membership) {
    recordFailure(email, ip);
    const message =
      user && ok && !membership
        ? "Akun Anda belum memiliki peran aktif di kantor mana pun. Hubungi admin."
        : "E-mail atau kata sandi salah.";
    return json<ActionData>({ errors: { _form: message }, values: keep }, { status: 400 });
  }
  recordSuccess(email, ip);
  markSignedIn(user.id);
  // A new session id at every sign-in; any session the browser still carried ends here.
  const previous = loadSession(request);
  if (previous) revokeSession(previous.session.idHash);
  const session = createSession(user.id, membership.membership.id, {
    ip,
    userAgent: request.headers.get("User-Agent") ?? "",
  });
  return redirect(safeRedirect(result.data.redirectTo), { headers: { "Set-Cookie": session.cookie } });
}

export default function SignIn() {
  const data = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <section className="card auth-card" aria-labelledby="title">
      <h1 id="title">Masuk ke Pleno</h1>
      <p className="muted">Gunakan e-mail dan kata sandi akun kantor Anda.</p>
      <FormAlert errors={data?.errors} />
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField
          label="E-mail"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={data?.values.email ?? ""}
          error={data?.errors.email}
        />
        <TextField
          label="Kata sandi"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={data?.errors.password}
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Memproses…" : "Masuk"}
        </button>
      </Form>
    </section>
  );
}
