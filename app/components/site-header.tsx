import { Form, NavLink } from "@remix-run/react";
import type { Role } from "../../db/schema";
import { ROLE_LABELS } from "../domain/labels";

export type NavUser = { name: string; role: Role; officeName: string; officeLevel?: "ri" | "provinsi" | "kabkota" };

type Item = { to: string; label: string };

/** What each role finds in the main menu. */
function itemsFor(user: NavUser | null): Item[] {
  const items: Item[] = [];
  if (user) items.push({ to: "/dasbor", label: "Dasbor" });
  if (user?.role === "secretariat" || user?.role === "commissioner") items.push({ to: "/rapat", label: "Rapat" });
  if (user?.role === "secretariat")
    items.push({ to: "/pemangku-kepentingan", label: "Pemangku Kepentingan" });
  if (user?.role === "secretariat" || user?.role === "commissioner") items.push({ to: "/rekap", label: "Rekap DPB" });
  if (user?.role === "admin") items.push({ to: "/admin", label: "Admin" });
  items.push({ to: "/praktik-baik", label: "Praktik Baik" }, { to: "/kunjungan", label: "Kunjungan" }, { to: "/papan", label: "Papan Banding" });
  if (user && (user.officeLevel === "provinsi" || user.officeLevel === "ri")) items.push({ to: "/papan/pemantauan", label: "Pemantauan" });
  if (user?.role === "admin") items.push({ to: "/admin/metrik", label: "Impor Metrik" });
  if (user) items.push({ to: "/akun", label: "Akun" });
  return items;
}

export function SiteHeader({ user }: { user: NavUser | null }) {
  const items = itemsFor(user);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href={user ? "/dasbor" : "/"} className="brand">
          <span className="brand__mark" aria-hidden="true">
            P
          </span>
          <span className="brand__name">Pleno</span>
        </a>
        <nav aria-label="Menu utama" className="main-nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} prefetch="intent">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="user-box">
          {user ? (
            <>
              <span className="user-box__who">
                <strong>{user.name}</strong>
                <small>
                  {ROLE_LABELS[user.role]} · {user.officeName}
                </small>
              </span>
              <Form method="post" action="/keluar">
                <button type="submit" className="button button--ghost">
                  Keluar
                </button>
              </Form>
            </>
          ) : (
            <a className="button" href="/masuk">
              Masuk
            </a>
          )}
        </div>
      </div>
    </header>
  );
}
