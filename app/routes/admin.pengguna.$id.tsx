import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { fail, guard } from "../auth/guard.server";
import { idParam } from "../lib/params";
import { formatShortDateTime } from "../domain/format";
import { POSITION_LABELS, ROLE_LABELS } from "../domain/labels";
import { resetPassword, setMembershipActive, setUserActive, userInScope } from "../models/admin.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.user.name ?? "Akun"} — Admin Pleno` }];


export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["admin"] });
  const { user, memberships } = userInScope(actor, idParam(args.params));
  return {
    self: user.id === actor.user.id,
    zone: actor.office.timeZone,
    user: { id: user.id, name: user.name, email: user.email, isActive: user.isActive, lastSignInAt: user.lastSignInAt, createdAt: user.createdAt },
    memberships: memberships.map(({ membership, office }) => ({
      id: membership.id,
      role: membership.role,
      position: membership.position,
      division: membership.division,
      title: membership.title,
      isActive: membership.isActive,
      office: { id: office.id, name: office.name },
    })),
  };
}

const intentSchema = z.enum(["deactivate", "activate", "reset-password", "deactivate-membership", "activate-membership"]);

type ActionData = { message: string; temporaryPassword?: string };

export async function action(args: ActionFunctionArgs) {
  const actor = await guard(args, { roles: ["admin"] });
  const userId = idParam(args.params);
  const form = await args.request.formData();
  const intent = intentSchema.safeParse(form.get("intent"));
  if (!intent.success) fail(400);
  const membershipId = Number(form.get("membershipId"));
  switch (intent.data) {
    case "deactivate":
      setUserActive(actor, userId, false);
      return json<ActionData>({ message: "Akun dinonaktifkan; semua sesinya telah diakhiri." });
    case "activate":
      setUserActive(actor, userId, true);
      return json<ActionData>({ message: "Akun diaktifkan kembali." });
    case "reset-password":
      return json<ActionData>({
        message: "Kata sandi diganti dengan kata sandi sementara; semua sesi akun ini telah diakhiri.",
        temporaryPassword: await resetPassword(actor, userId),
      });
    case "deactivate-membership":
    case "activate-membership":
      setMembershipActive(actor, userId, membershipId, intent.data === "activate-membership");
      return json<ActionData>({ message: "Peran diperbarui." });
  }
}

export default function AdminUser() {
  const { user, memberships, self, zone } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  return (
    <div className="stack">
      <p>
        <Link to="/admin/pengguna">← Akun</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>{user.name}</h1>
          <p className="lead">
            {user.email} ·{" "}
            {user.isActive ? <span className="badge badge--ok">aktif</span> : <span className="badge badge--bad">nonaktif</span>} · terakhir
            masuk {user.lastSignInAt ? formatShortDateTime(new Date(user.lastSignInAt), zone) : "belum pernah"}
          </p>
        </div>
        <div className="row">
          {self ? null : (
            <Form method="post">
              <input type="hidden" name="intent" value={user.isActive ? "deactivate" : "activate"} />
              <button type="submit" className="button button--secondary">
                {user.isActive ? "Nonaktifkan akun" : "Aktifkan kembali"}
              </button>
            </Form>
          )}
          <Form method="post">
            <input type="hidden" name="intent" value="reset-password" />
            <button type="submit" className="button button--secondary">
              Atur ulang kata sandi
            </button>
          </Form>
        </div>
      </div>
      {data ? (
        <div className="alert alert--ok" role="status">
          {data.message}
          {data.temporaryPassword ? (
            <>
              {" "}
              Kata sandi sementara (hanya ditampilkan sekali): <code>{data.temporaryPassword}</code>
            </>
          ) : null}
        </div>
      ) : null}
      <section aria-labelledby="roles">
        <h2 id="roles">Peran</h2>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel, dapat digulir ke samping">
          <table>
            <thead>
              <tr>
                <th scope="col">Kantor</th>
                <th scope="col">Peran</th>
                <th scope="col">Jabatan / divisi</th>
                <th scope="col">Status</th>
                <th scope="col">Tindakan</th>
              </tr>
            </thead>
            <tbody>
              {memberships.map((m) => (
                <tr key={m.id}>
                  <td>
                    <Link to={`/admin/kantor/${m.office.id}`}>{m.office.name}</Link>
                  </td>
                  <td>{ROLE_LABELS[m.role]}</td>
                  <td>
                    {m.position ? POSITION_LABELS[m.position] : m.title}
                    {m.division ? `, ${m.division}` : ""}
                  </td>
                  <td>{m.isActive ? "aktif" : "nonaktif"}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value={m.isActive ? "deactivate-membership" : "activate-membership"} />
                      <input type="hidden" name="membershipId" value={m.id} />
                      <button type="submit" className="link-button">
                        {m.isActive ? "Nonaktifkan peran" : "Aktifkan peran"}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
