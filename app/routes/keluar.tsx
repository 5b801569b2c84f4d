import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { clearedSessionCookie, revokeSession } from "../auth/session.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "public" });
  if (!actor) throw redirect("/masuk");
  return null;
}

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { access: "public" });
  if (actor) revokeSession(actor.sessionIdHash);
  return redirect("/masuk", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

/** Signing out changes state, so it is a POST; this page asks for it when reached by a link. */
export default function SignOut() {
  return (
    <section className="card auth-card">
      <h1>Keluar dari Pleno</h1>
      <p>Apakah Anda ingin mengakhiri sesi ini?</p>
      <Form method="post">
        <button type="submit" className="button">
          Ya, keluar
        </button>
      </Form>
    </section>
  );
}
