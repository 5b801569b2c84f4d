import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { guard } from "../auth/guard.server";

export const meta: MetaFunction = () => [{ title: "Tentang Pleno" }];

/** A plain public page (also the baseline route of the benchmarks: no data, no forms). */
export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { access: "public" });
  return null;
}

export default function About() {
  return (
    <article className="stack" style={{ maxWidth: "46rem" }}>
      <h1>Tentang Pleno</h1>
      <p>
        Pleno membantu kantor KPU menyelenggarakan rapat pleno pemutakhiran data pemilih berkelanjutan: dari jadwal
        rapat wajib, undangan, rekapitulasi, tanggapan peserta, sampai berita acara yang ditandatangani dan dapat
        diverifikasi publik.
      </p>
      <p>
        Peserta rapat menyampaikan tanggapan melalui tautan yang dikirim sekretariat KPU. Untuk masuk sebagai staf KPU,
        gunakan akun kantor Anda di halaman <a href="/masuk">Masuk</a>.
      </p>
    </article>
  );
}
