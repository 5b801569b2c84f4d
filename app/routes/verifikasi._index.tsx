import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { guard } from "../auth/guard.server";
import { VerifyCodeForm } from "../components/verify-code-form";

export const meta: MetaFunction = () => [{ title: "Verifikasi berita acara — Pleno" }];

/** Public: type the code printed under the QR code of a berita acara. */
export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { access: "public" });
  const code = (new URL(args.request.url).searchParams.get("kode") ?? "").trim();
  // Accept a pasted address as well as the bare code.
  const bare = code.split("/").filter(Boolean).at(-1) ?? "";
  if (bare) return redirect(`/verifikasi/${encodeURIComponent(bare.slice(0, 200))}`);
  return { empty: code === "" };
}

export default function VerifyIndex() {
  useLoaderData<typeof loader>();
  return (
    <article className="stack" style={{ maxWidth: "46rem" }}>
      <h1>Verifikasi berita acara</h1>
      <p className="lead">
        Setiap berita acara yang diterbitkan Pleno memuat kode verifikasi dan kode QR di lembar pengesahannya. Ketik kodenya untuk melihat
        siapa yang menandatangani, kapan, dan apakah berkas Anda sama persis dengan yang diterbitkan.
      </p>
      <VerifyCodeForm />
      <p>
        Daftar semua berita acara yang diterbitkan ada di <Link to="/berita-acara">register publik berita acara</Link>.
      </p>
    </article>
  );
}
