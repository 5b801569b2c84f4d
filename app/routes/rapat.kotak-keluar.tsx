import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { desc, eq } from "drizzle-orm";
import { outbox } from "../../db/schema";
import { guard } from "../auth/guard.server";
import { db } from "../db.server";
import { formatShortDateTime } from "../domain/format";

export const meta: MetaFunction = () => [{ title: "Kotak keluar — Pleno" }];

/** Demo mode keeps the e-mails Pleno would have sent; this page shows them. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const rows = db().select().from(outbox).where(eq(outbox.officeId, actor.office.id)).orderBy(desc(outbox.id)).limit(200).all();
  return {
    mails: rows.map((r) => ({ ...r, at: formatShortDateTime(r.createdAt, actor.office.timeZone), attachments: r.attachments as string[] })),
  };
}

export default function Outbox() {
  const { mails } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <p>
        <Link to="/rapat">← Rapat</Link>
      </p>
      <h1>Kotak keluar e-mail</h1>
      <p className="lead">SMTP belum diatur, sehingga e-mail undangan disimpan di sini dan tidak dikirim.</p>
      {mails.length === 0 ? <p>Belum ada e-mail.</p> : null}
      {mails.map((m) => (
        <article key={m.id} className="card">
          <h2>{m.subject}</h2>
          <p className="muted">
            Kepada {m.to} · {m.at}
            {m.meetingId ? (
              <>
                {" · "}
                <Link to={`/rapat/${m.meetingId}`}>rapat</Link>
              </>
            ) : null}
          </p>
          <pre className="mail-body">{m.body}</pre>
          {m.attachments.length ? <p>Lampiran: {m.attachments.join(", ")}</p> : null}
        </article>
      ))}
    </div>
  );
}
