import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { readSnapshot } from "../db.server";
import { formatDate, formatNumber } from "../domain/format";
import { ROLE_LABELS } from "../domain/labels";
import { dashboardFor } from "../models/dashboard.server";

export const meta: MetaFunction = () => [{ title: "Dasbor — Pleno" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "signed-in" });
  return {
    who: { name: actor.user.name, role: actor.membership.role, title: actor.membership.title },
    office: { name: actor.office.name, timeZone: actor.office.timeZone },
    today: formatDate(new Date(), actor.office.timeZone),
    board: readSnapshot(() => dashboardFor(actor)),
  };
}

export default function Dashboard() {
  const { who, office, today, board } = useLoaderData<typeof loader>();
  const openTasks = board.tasks.filter((t) => t.count > 0);
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Selamat datang, {who.name}</h1>
          <p className="lead">
            {ROLE_LABELS[who.role]}
            {who.title ? ` · ${who.title}` : ""} · {office.name} · {today}
          </p>
        </div>
      </div>

      {board.kind === "participant" ? (
        <section className="card" aria-labelledby="org-title">
          <h2 id="org-title">Organisasi Anda</h2>
          <p>{board.organisation ?? "Akun Anda belum terhubung ke organisasi. Hubungi sekretariat KPU."}</p>
          <p className="muted">
            Undangan rapat dan tautan formulir tanggapan dari {office.name} dikirim ke kontak organisasi Anda.
          </p>
        </section>
      ) : null}

      {board.stats.length ? (
        <section aria-labelledby="stats-title">
          <h2 id="stats-title" className="visually-hidden">
            Ringkasan
          </h2>
          <div className="grid">
            {board.stats.map((s) =>
              "href" in s && s.href ? (
                <Link key={s.label} to={s.href} className="card stat">
                  <span className="stat__value">{formatNumber(s.value)}</span>
                  <span className="stat__label">{s.label}</span>
                </Link>
              ) : (
                <div key={s.label} className="card stat">
                  <span className="stat__value">{formatNumber(s.value)}</span>
                  <span className="stat__label">{s.label}</span>
                </div>
              ),
            )}
          </div>
        </section>
      ) : null}

      {board.tasks.length ? (
        <section className="card" aria-labelledby="tasks-title">
          <h2 id="tasks-title">Perlu tindakan Anda</h2>
          {openTasks.length === 0 ? (
            <p>Tidak ada yang menunggu tindakan Anda saat ini.</p>
          ) : (
            <ul className="list-plain">
              {openTasks.map((t) => (
                <li key={t.label}>
                  <Link to={t.href}>
                    {t.label}: <strong>{formatNumber(t.count)}</strong>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {"awaiting" in board && board.awaiting.length ? (
        <section className="card" aria-labelledby="awaiting-title">
          <h2 id="awaiting-title">Menunggu tanda tangan Anda</h2>
          <ul className="list-plain">
            {board.awaiting.map((a) => (
              <li key={a.href}>
                <Link to={a.href}>{a.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {"upcoming" in board && board.upcoming.length ? (
        <section className="card" aria-labelledby="next-title">
          <h2 id="next-title">Rapat berikutnya</h2>
          <ul className="list-plain">
            {board.upcoming.map((m) => (
              <li key={m.id}>
                <Link to={`/rapat/${m.id}`}>{m.title}</Link> · {m.period} · {m.when}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {board.commission.length ? (
        <section className="card" aria-labelledby="commission-title">
          <h2 id="commission-title">Komisioner {office.name}</h2>
          <ul className="list-plain">
            {board.commission.map((c) => (
              <li key={c.name}>
                <strong>{c.name}</strong> — {c.title}
                {c.division ? `, ${c.division}` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {board.kind === "visitor" ? (
        <section className="card">
          <h2>Belajar dari kantor lain</h2>
          <p>
            Sebagai pengunjung, Anda dapat <Link to="/kunjungan/baru">menulis laporan kunjungan kerja</Link>, menelusuri{" "}
            <Link to="/praktik-baik">praktik baik</Link> kantor KPU lain dan membandingkan kantor di{" "}
            <Link to="/papan">papan banding</Link>.
          </p>
        </section>
      ) : null}
    </div>
  );
}
