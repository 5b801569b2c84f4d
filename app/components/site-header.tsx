import { Form, PrefetchPageLinks, useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useState } from "react";
import type { Role } from "../../db/schema";
import { ROLE_LABELS } from "../domain/labels";
import { followClientSide } from "./client-link";

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

/** Whether a menu item is the current page or leads to it, as React Router's NavLink decides. */
export function isCurrent(to: string, pathname: string): boolean {
  const here = pathname.toLowerCase();
  const item = to.toLowerCase();
  return here === item || (here.startsWith(item) && here.charAt(item.length) === "/");
}

/**
 * The main menu is drawn on every page, so its links are plain anchors that share one location, one
 * navigate function and one prefetch state, instead of a Remix `NavLink` each (each resolved its path
 * through the route matches and kept its own state, 25–40 µs a link on the server; decision 0014).
 * They behave as `NavLink prefetch="intent"` did: the current item is marked (`aria-current`,
 * `active`), a left click without modifier keys navigates client-side, and resting on an item for
 * 100 ms (pointer or focus) prefetches its page.
 */
export function SiteHeader({ user }: { user: NavUser | null }) {
  const items = itemsFor(user);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [intent, setIntent] = useState<string | null>(null);
  const [prefetch, setPrefetch] = useState<string | null>(null);
  useEffect(() => {
    if (!intent) return setPrefetch(null);
    const id = setTimeout(() => setPrefetch(intent), 100);
    return () => clearTimeout(id);
  }, [intent]);
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
            {items.map((item) => {
              const current = isCurrent(item.to, pathname);
              return (
                <li key={item.to}>
                  <a
                    href={item.to}
                    className={current ? "active" : undefined}
                    aria-current={current ? "page" : undefined}
                    onClick={(event) => followClientSide(event, navigate, item.to)}
                    onMouseEnter={() => setIntent(item.to)}
                    onFocus={() => setIntent(item.to)}
                    onTouchStart={() => setIntent(item.to)}
                    onMouseLeave={() => setIntent(null)}
                    onBlur={() => setIntent(null)}
                  >
                    {item.label}
                  </a>
                </li>
              );
            })}
          </ul>
          {prefetch ? <PrefetchPageLinks page={prefetch} /> : null}
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
