import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { guard } from "./auth/guard.server";
import { SiteHeader, type NavUser } from "./components/site-header";
import { useDocumentContext } from "./components/request-context";
import styles from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Pleno — Portal Rapat Pleno KPU" }];

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "public" });
  const user: NavUser | null = actor
    ? {
        name: actor.user.name,
        role: actor.membership.role,
        officeName: actor.office.name,
        officeLevel: actor.office.level,
      }
    : null;
  return { user };
}

export function Layout({ children }: { children: ReactNode }) {
  const { requestId, nonce } = useDocumentContext();
  const data = useRouteLoaderData<typeof loader>("root");
  return (
    <html lang="id" data-request-id={requestId}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#isi">
          Langsung ke isi
        </a>
        <SiteHeader user={data?.user ?? null} />
        <main id="isi" className="page" tabIndex={-1}>
          {children}
        </main>
        <footer className="site-footer">
          <p>
            Pleno · portal rapat pleno pemutakhiran data pemilih berkelanjutan KPU · <a href="/tentang">Tentang</a> · <a href="/berita-acara">Register berita acara</a> ·{" "}
            <a href="/verifikasi">Verifikasi dokumen</a>
          </p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const TITLES: Record<number, string> = {
  400: "Permintaan tidak valid",
  403: "Akses ditolak",
  404: "Halaman tidak ditemukan",
  409: "Terjadi perubahan bersamaan",
  410: "Tautan tidak berlaku",
  413: "Berkas terlalu besar",
  429: "Terlalu banyak permintaan",
};

export function ErrorBoundary() {
  const error = useRouteError();
  const { requestId } = useDocumentContext();
  const known = isRouteErrorResponse(error) && error.status < 500;

  // An unexpected error during a client-side navigation: load the page again from the server,
  // which renders this boundary with the request id that the server log carries.
  useEffect(() => {
    if (!known && !document.documentElement.dataset.serverError) window.location.reload();
  }, [known]);

  if (known) {
    const message = (error.data as { message?: string } | null)?.message;
    return (
      <section className="error-page" aria-labelledby="error-title">
        <p className="error-code">{error.status}</p>
        <h1 id="error-title">{TITLES[error.status] ?? "Terjadi kesalahan"}</h1>
        <p>{message ?? "Halaman atau data yang Anda cari tidak ditemukan."}</p>
        <p>
          <a href="/">Kembali ke beranda</a>
        </p>
      </section>
    );
  }
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-code">500</p>
      <h1 id="error-title">Terjadi kesalahan pada server</h1>
      <p>Maaf, permintaan Anda tidak dapat diselesaikan. Tim teknis dapat menelusurinya dengan kode berikut.</p>
      <p>
        Kode permintaan: <code data-server-error>{requestId || "-"}</code>
      </p>
      <p>
        <a href="/">Kembali ke beranda</a>
      </p>
    </section>
  );
}
