/**
 * Demo data of knowledge sharing: the two visits of the seed stories (told in our own words, with
 * the fictional demo commissioners instead of the real officials), best practices drawn from them,
 * the published figures of db/data/public-figures.csv with their sources, and clearly marked demo
 * quarterly figures so the benchmark board has offices to compare. Deterministic.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { eq, like, or } from "drizzle-orm";
import type { DB } from "../app/db.server";
import { checkMetricCsv, validRows } from "../app/domain/metric-import";
import { dpbOf, duplicateRate, newVoterRate, periodEnd, tmsRate } from "../app/domain/metrics";
import type { Topic } from "../app/domain/topics";
import { officeByCode } from "./factories";
import { officeMetrics, offices, practiceAdoptions, practices, practiceTopics, users, visitDelegates, visits, visitTopics } from "./schema";

export const PUBLIC_FIGURES_CSV = path.join(path.dirname(fileURLToPath(import.meta.url)), "data/public-figures.csv");

export const DEMO_SOURCE = "DATA DEMO (fiktif, dibangkitkan untuk peragaan papan banding; bukan angka resmi KPU)";

function userId(database: DB, email: string) {
  return database.select({ id: users.id }).from(users).where(eq(users.email, email)).get()?.id ?? null;
}

/* ---------- Visits ---------- */

type VisitSeed = {
  host: string;
  guest: string;
  date: string;
  writer: string;
  confirmer: string;
  title: string;
  delegates: [string, string][];
  questions: string;
  hostPresentation: string;
  practicesObserved: string;
  followUpPlan: string;
  topics: Topic[];
};

const VISITS: VisitSeed[] = [
  {
    host: "31.72",
    guest: "36.03",
    date: "2021-12-13",
    writer: "sekretariat2.tangerang@pleno.demo",
    confirmer: "sekretariat2.jakut@pleno.demo",
    title: "Berbagi pengetahuan pengelolaan PDPB di KPU Kota Jakarta Utara",
    delegates: [
      ["Taufik Hidayat", "Anggota KPU Kabupaten Tangerang, Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat dan SDM"],
      ["Rina Kartikasari", "Anggota KPU Kabupaten Tangerang, Divisi Perencanaan, Data dan Informasi"],
      ["Mega Puspitasari", "Kasubbag Perencanaan, Data dan Informasi"],
    ],
    questions: [
      "1. Sejauh mana kemajuan pemutakhiran data pemilih berkelanjutan (PDPB) di Jakarta Utara?",
      "2. Terobosan koordinasi apa yang sudah dijalankan dengan instansi di luar KPU?",
      "3. Inovasi apa yang dipakai atau direncanakan untuk memutakhirkan data pemilih?",
    ].join("\n"),
    hostPresentation: [
      "Rombongan tiba sekitar pukul 10.15 WIB dan diterima di aula kantor oleh Plh. Ketua beserta tiga anggota KPU Kota Jakarta Utara dan jajaran sekretariat.",
      "",
      "Tuan rumah menjelaskan ritme kerjanya: data pemilih ditetapkan setiap bulan dalam rapat internal, lalu setiap tiga bulan diadakan rapat eksternal bersama pemangku kepentingan.",
      "",
      "Kendala terbesar adalah data kependudukan yang sering tertinggal. Karena itu Jakarta Utara mencari sumber data tambahan langsung ke instansi yang memegangnya. Rencana membangun aplikasi PDPB sendiri tertunda karena staf yang juga bertugas sebagai operator Sidalih dimutasi ke satuan kerja lain.",
    ].join("\n"),
    practicesObserved: [
      "Koordinasi data dengan instansi pemegang data:",
      "- Suku Dinas Pemakaman: data warga yang meninggal.",
      "- Suku Dinas Pendidikan: calon pemilih pemula dari sekolah.",
      "- Unit Pengelola Rumah Susun (UPRS): penghuni rumah susun.",
      "- Dinas Sosial: pemilih berkebutuhan khusus.",
      "- Dinas Kesehatan: warga yang meninggal karena Covid-19.",
      "- KUA: warga yang menikah sebelum berusia 17 tahun dan karena itu sudah berhak memilih.",
    ].join("\n"),
    followUpPlan: [
      "Memetakan instansi di Kabupaten Tangerang yang memegang data serupa dan menjajaki pertukaran data secara berkala.",
      "Mengundang instansi tersebut ke rapat koordinasi triwulanan.",
      "Menambahkan layanan laporan warga tentang pemilih meninggal atau pindah ke aplikasi WhatsApp Siwareng yang sudah berjalan.",
    ].join("\n"),
    topics: ["koordinasi_pemangku", "data_kematian", "pemilih_pemula", "penghuni_rusun", "pemilih_disabilitas", "kawin_bawah_17", "aplikasi_whatsapp"],
  },
  {
    host: "33.20",
    guest: "33.01",
    date: "2019-12-04",
    writer: "tamu.cilacap@pleno.demo",
    confirmer: "sekretariat2.jepara@pleno.demo",
    title: "Studi banding pengelolaan data pemilih ke KPU Kabupaten Jepara",
    delegates: [
      ["Wahyu Hidayat", "Anggota KPU Kabupaten Cilacap, Divisi Teknis Penyelenggaraan (ketua rombongan)"],
      ["Sri Rahayu", "Anggota KPU Kabupaten Cilacap, Divisi Perencanaan, Data dan Informasi"],
      ["Dwi Handayani", "Staf Subbag Perencanaan, Data dan Informasi"],
      ["Staf sekretariat", "Subbag Teknis Penyelenggaraan dan Hupmas"],
      ["Staf sekretariat", "Subbag Umum"],
    ],
    questions: [
      "1. Apa yang membuat Jepara meraih juara pertama tingkat nasional dalam pengelolaan data pemilih?",
      "2. Bagaimana tata kelola dan manajemen data pemilih dijalankan sehari-hari?",
      "3. Apa yang bisa diterapkan di Cilacap sesuai keadaan di sana?",
    ].join("\n"),
    hostPresentation: [
      "Rombongan diterima oleh tiga anggota KPU Kabupaten Jepara (Divisi Perencanaan, Data dan Informasi; Divisi Hukum dan Pengawasan; Divisi Teknis Penyelenggaraan), Sekretaris, Kasubbag Teknis dan Hupmas, serta staf.",
      "",
      "Menurut tuan rumah, resepnya sederhana: kertas kerja yang diajukan ke KPU RI disiapkan dengan rapi, dan data harus siap untuk keperluan apa pun, karena data itulah bekal utama ketika menghadapi gugatan.",
      "",
      "Yang menjadi sorotan nasional: data ganda Jepara hanya 0,64 % dari DPT 876.490 pemilih, dan DPK 0,6 %. Sinyal seluler menjangkau seluruh kecamatan, hanya beberapa desa yang lemah.",
    ].join("\n"),
    practicesObserved: [
      "- Di setiap rapat pleno disediakan formulir tanggapan untuk peserta pemilu; formulir yang terisi menjadi lampiran berita acara.",
      "- Lima operator ditambah lima tenaga pendukung; satu operator memegang satu daerah pemilihan.",
      "- Komunikasi dengan PPK dijaga: instruksi disimulasikan dulu sampai dikuasai sebelum disampaikan, pertanyaan dijawab dengan santun, dan setiap perubahan tahapan segera ditindaklanjuti.",
      "- Staf subbag datin dan subbag teknis Cilacap mengamati langsung pemakaian perangkat lunak dan tata kelola data di ruang operator.",
    ].join("\n"),
    followUpPlan: [
      "Hasil kunjungan dibahas dalam rapat pleno KPU Kabupaten Cilacap dan disesuaikan dengan keadaan setempat:",
      "- menyediakan formulir tanggapan peserta pada rapat pleno berikutnya dan melampirkannya pada berita acara;",
      "- meninjau pembagian tugas operator per daerah pemilihan;",
      "- membiasakan simulasi sebelum instruksi dikirim ke PPK.",
    ].join("\n"),
    topics: ["formulir_tanggapan_ba", "sdm_operator", "komunikasi_ppk", "kesiapan_gugatan"],
  },
];

function seedVisits(database: DB) {
  for (const v of VISITS) {
    const hostId = officeByCode(database, v.host).id;
    const guestId = officeByCode(database, v.guest).id;
    const submitted = new Date(`${v.date}T09:00:00Z`);
    const row = database
      .insert(visits)
      .values({
        hostOfficeId: hostId,
        visitingOfficeId: guestId,
        visitDate: v.date,
        title: v.title,
        questions: v.questions,
        hostPresentation: v.hostPresentation,
        practicesObserved: v.practicesObserved,
        followUpPlan: v.followUpPlan,
        status: "terbit",
        submittedAt: submitted,
        confirmedAt: new Date(submitted.getTime() + 2 * 86_400_000),
        confirmedBy: userId(database, v.confirmer),
        createdBy: userId(database, v.writer),
        createdAt: submitted,
      })
      .returning()
      .get();
    v.delegates.forEach(([name, position], i) =>
      database.insert(visitDelegates).values({ visitId: row.id, name, position, sortOrder: i }).run(),
    );
    for (const topic of v.topics) database.insert(visitTopics).values({ visitId: row.id, topic }).run();
  }
}

/* ---------- Practices ---------- */

type PracticeSeed = {
  office: string;
  by: string;
  title: string;
  summary: string;
  body: string;
  since: string;
  evidence: string;
  topics: Topic[];
  adoptedBy?: { office: string; by: string }[];
};

const PRACTICES: PracticeSeed[] = [
  {
    office: "31.72",
    by: "sekretariat2.jakut@pleno.demo",
    title: "Koordinasi data pemilih dengan suku dinas, UPRS dan KUA",
    summary:
      "Data kependudukan yang terlambat dilengkapi langsung dari instansi pemegang data: pemakaman, pendidikan, rumah susun, sosial, kesehatan dan KUA.",
    body: [
      "Data kependudukan yang diterima KPU sering tertinggal dari keadaan di lapangan. KPU Kota Jakarta Utara tidak menunggu, tetapi mendatangi instansi yang memegang data sumbernya.",
      "",
      "Suku Dinas Pemakaman memberikan daftar warga yang dimakamkan, sebagai dasar pencoretan pemilih meninggal. Suku Dinas Kesehatan menambah data warga yang meninggal karena Covid-19. Suku Dinas Pendidikan memberikan data siswa yang akan berusia 17 tahun, calon pemilih pemula. Unit Pengelola Rumah Susun (UPRS) memberikan data penghuni rusun yang sering berpindah. Dinas Sosial memberikan data pemilih berkebutuhan khusus. KUA memberikan data warga yang menikah sebelum berusia 17 tahun, yang karena perkawinannya sudah berhak memilih.",
      "",
      "Setiap data yang masuk dicocokkan dengan DPB sebelum ditetapkan dalam rapat pleno bulanan, dan instansi pemberi data diundang ke rapat koordinasi triwulanan.",
    ].join("\n"),
    since: "2021-03",
    evidence: "Dipaparkan kepada KPU Kabupaten Tangerang pada kunjungan kerja 13 Desember 2021. Lihat tren tingkat TMS dan data ganda kantor ini di bawah.",
    topics: ["koordinasi_pemangku", "data_kematian", "pemilih_pemula", "penghuni_rusun", "pemilih_disabilitas", "kawin_bawah_17"],
    adoptedBy: [{ office: "36.03", by: "sekretariat2.tangerang@pleno.demo" }],
  },
  {
    office: "31.72",
    by: "sekretariat1.jakut@pleno.demo",
    title: "Penetapan DPB bulanan dan rapat eksternal triwulanan",
    summary: "Data pemilih ditetapkan setiap bulan dalam pleno internal; setiap tiga bulan pemangku kepentingan diundang ke rapat eksternal.",
    body: [
      "Ritme dua lapis: rapat pleno internal setiap bulan menetapkan DPB bulan itu, sehingga perubahan kecil tidak menumpuk. Setiap triwulan, rapat eksternal mengundang Bawaslu, partai politik dan instansi pemberi data untuk membahas temuan dan masukan.",
      "",
      "Dengan ritme ini masukan peserta dapat langsung dibawa ke penetapan bulan berikutnya.",
    ].join("\n"),
    since: "2021-01",
    evidence: "Dijalankan sejak awal PDPB 2021 dan dipaparkan pada kunjungan KPU Kabupaten Tangerang, 13 Desember 2021.",
    topics: ["koordinasi_pemangku"],
  },
  {
    office: "36.03",
    by: "sekretariat2.tangerang@pleno.demo",
    title: "Siwareng: layanan pemilih lewat WhatsApp",
    summary: "Aplikasi WhatsApp Responsif Tangerang melengkapi layanan berbasis web: warga bertanya dan melapor data pemilih lewat WhatsApp.",
    body: [
      "KPU Kabupaten Tangerang meluncurkan Siwareng (Aplikasi WhatsApp Responsif Tangerang) untuk melengkapi aplikasi berbasis web yang lebih dulu dipakai. Warga cukup mengirim pesan untuk menanyakan status pendaftarannya atau melaporkan anggota keluarga yang meninggal atau pindah.",
      "",
      "Laporan yang masuk diteruskan ke operator untuk dicocokkan dan dibawa ke rapat pleno penetapan.",
    ].join("\n"),
    since: "2021-06",
    evidence: "Disampaikan dalam kunjungan kerja ke KPU Kota Jakarta Utara, 13 Desember 2021.",
    topics: ["aplikasi_whatsapp"],
  },
  {
    office: "33.20",
    by: "sekretariat2.jepara@pleno.demo",
    title: "Formulir tanggapan peserta di setiap rapat pleno, dilampirkan pada berita acara",
    summary: "Setiap rapat pleno menyediakan formulir tanggapan untuk peserta pemilu; formulir yang terisi menjadi lampiran berita acara.",
    body: [
      "Dalam setiap rangkaian tahapan dan rapat pleno, KPU Kabupaten Jepara menyediakan formulir bagi peserta pemilu untuk menuliskan tanggapannya atas data yang dipaparkan.",
      "",
      "Formulir yang terisi dilampirkan pada berita acara, sehingga setiap masukan tercatat bersama keputusan rapat dan dapat ditelusuri tindak lanjutnya.",
    ].join("\n"),
    since: "2018-01",
    evidence: "Dipaparkan pada studi banding KPU Kabupaten Cilacap, 4 Desember 2019. Data ganda Jepara 0,64 % dari DPT 876.490 (2019).",
    topics: ["formulir_tanggapan_ba"],
    adoptedBy: [{ office: "33.01", by: "sekretariat2.cilacap@pleno.demo" }],
  },
  {
    office: "33.20",
    by: "sekretariat2.jepara@pleno.demo",
    title: "Satu operator untuk satu daerah pemilihan",
    summary: "Lima operator ditambah lima tenaga pendukung; setiap operator bertanggung jawab atas satu dapil.",
    body: [
      "Pembagian kerja operator mengikuti daerah pemilihan: satu operator memegang satu dapil, dibantu tenaga pendukung. Operator mengenal wilayahnya, PPK tahu siapa yang dihubungi, dan masalah data cepat diselesaikan.",
    ].join("\n"),
    since: "2018-06",
    evidence: "Lima operator dan lima tenaga pendukung (paparan 4 Desember 2019).",
    topics: ["sdm_operator"],
  },
  {
    office: "33.20",
    by: "sekretariat1.jepara@pleno.demo",
    title: "Data selalu siap untuk menghadapi gugatan",
    summary: "Data pemilih dijaga agar siap dipakai untuk keperluan apa pun; itulah bekal utama ketika ada gugatan.",
    body: [
      "Prinsip KPU Kabupaten Jepara: data harus siap kapan saja. Setiap penetapan disertai berita acara, lampiran dan rekap yang konsisten, sehingga ketika ada keberatan atau gugatan, jawabannya sudah tersedia.",
      "",
      "Kertas kerja yang diajukan ke KPU RI disusun dari data yang sama.",
    ].join("\n"),
    since: "2018-01",
    evidence: "Data ganda hanya 0,64 % dari DPT 876.490 pemilih dan DPK 0,6 % (paparan kepada KPU Kabupaten Cilacap, 2019).",
    topics: ["kesiapan_gugatan"],
  },
  {
    office: "33.20",
    by: "sekretariat1.jepara@pleno.demo",
    title: "Komunikasi dengan PPK: simulasikan dulu instruksinya",
    summary: "Sebelum instruksi dikirim ke PPK, KPU menyimulasikannya sendiri; jawaban kepada PPK selalu santun dan cepat.",
    body: [
      "Tahapan pemutakhiran sering berubah dan informasi datang cepat, maka tindak lanjut juga harus cepat. Sebelum memberi instruksi kepada PPK, staf KPU menjalankannya sendiri terlebih dahulu agar instruksi mudah dipahami.",
      "",
      "Dalam situasi yang memancing emosi, staf tetap tenang dan menjawab rekan PPK dengan santun. Hasilnya, PPK proaktif dan cepat menindaklanjuti.",
    ].join("\n"),
    since: "2019-01",
    evidence: "Dipaparkan pada studi banding KPU Kabupaten Cilacap, 4 Desember 2019.",
    topics: ["komunikasi_ppk"],
  },
];

function seedPractices(database: DB) {
  PRACTICES.forEach((p, i) => {
    const createdAt = new Date(Date.UTC(2024, 0, 10 + i));
    const row = database
      .insert(practices)
      .values({
        officeId: officeByCode(database, p.office).id,
        title: p.title,
        summary: p.summary,
        body: p.body,
        since: p.since,
        evidence: p.evidence,
        createdBy: userId(database, p.by),
        createdAt,
      })
      .returning()
      .get();
    for (const topic of p.topics) database.insert(practiceTopics).values({ practiceId: row.id, topic }).run();
    for (const a of p.adoptedBy ?? [])
      database
        .insert(practiceAdoptions)
        .values({ practiceId: row.id, officeId: officeByCode(database, a.office).id, adoptedBy: userId(database, a.by), createdAt })
        .run();
  });
}

/* ---------- Metrics ---------- */

/** The published figures, checked by the same rules as an admin import. */
function seedPublishedFigures(database: DB) {
  const all = database.select({ id: offices.id, code: offices.code, name: offices.name }).from(offices).all();
  const byCode = new Map(all.map((o) => [o.code, o]));
  const preview = checkMetricCsv(fs.readFileSync(PUBLIC_FIGURES_CSV, "utf8"), { officeByCode: (c) => byCode.get(c), inScope: () => true });
  const rows = validRows(preview);
  if (!rows) throw new Error(`public-figures.csv has errors: ${JSON.stringify(preview.rows.filter((r) => Object.keys(r.errors).length))}`);
  const importedAt = new Date(Date.UTC(2025, 11, 1));
  for (const r of rows) database.insert(officeMetrics).values({ ...r, periodEnd: periodEnd(r.period), origin: "imported", importedAt }).run();
  return rows;
}

/** A small deterministic generator (mulberry32) seeded by the office code. */
function random(seedText: string) {
  let a = [...seedText].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 2654435761) >>> 0, 7);
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const DEMO_QUARTERS = ["2021", "2022", "2023", "2024", "2025"].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));
/** DKI Jakarta, Jawa Tengah and Banten: the provinces of the seed stories. */
const DEMO_PROVINCES = ["31", "33", "36"];
/** Plausible sizes for the demo offices of the stories (demo values, not official). */
const DEMO_SIZES: Record<string, number> = { "31.72": 1_290_000, "36.03": 2_610_000, "33.01": 1_460_000 };
/** Offices whose duplicate rate is kept low in the demo (Jepara's data is the best kept). */
const LOW_DUPLICATES = new Set(["33.20"]);

/**
 * Quarterly demo figures for every kabupaten/kota of the demo provinces. DPB follows the recap
 * rule DPB(t) = DPB(t−1) + pemilih baru − TMS, and passes through the published DPB where one
 * exists (Jepara Triwulan II 2025, Klaten, Kebumen), whose real rows are not duplicated.
 */
function seedDemoQuarters(database: DB, published: { officeId: number; period: string; metric: string; value: number }[]) {
  const list = database
    .select({ id: offices.id, code: offices.code, name: offices.name })
    .from(offices)
    .where(or(...DEMO_PROVINCES.map((p) => like(offices.code, `${p}.%`))))
    .all();
  const realKey = new Set(published.map((r) => `${r.officeId}|${r.period}|${r.metric}`));
  const realValue = (officeId: number, period: string, metric: string) =>
    published.find((r) => r.officeId === officeId && r.period === period && r.metric === metric)?.value;
  const importedAt = new Date(Date.UTC(2025, 11, 1));
  const insert = database.$client.prepare(
    "insert into office_metrics (office_id, period, period_end, metric, value, source, origin, imported_at) values (?, ?, ?, ?, ?, ?, 'imported', ?)",
  );
  for (const office of list) {
    const rnd = random(office.code);
    const isCity = office.name.startsWith("KPU Kota");
    const base = DEMO_SIZES[office.code] ?? Math.round(isCity ? 90_000 + rnd() * 700_000 : 420_000 + rnd() * 1_500_000);
    const flows = DEMO_QUARTERS.map((period) => {
      const n = realValue(office.id, period, "new_voters");
      const t = realValue(office.id, period, "tms");
      return { period, newRate: 0.004 + rnd() * 0.012, tmsRate: 0.002 + rnd() * 0.008, n, t };
    });
    // Start from the base, or solve backwards from a published DPB so the series passes through it.
    const anchorIndex = flows.findIndex((f) => realValue(office.id, f.period, "dpb") !== undefined);
    const dpb: number[] = [];
    const newVoters: number[] = [];
    const tms: number[] = [];
    let previous = base;
    for (let i = 0; i < flows.length; i++) {
      newVoters[i] = flows[i].n ?? Math.round(previous * flows[i].newRate);
      tms[i] = flows[i].t ?? Math.round(previous * flows[i].tmsRate);
      dpb[i] = dpbOf({ previousDpb: previous, newVoters: newVoters[i], tms: tms[i] });
      previous = dpb[i];
    }
    if (anchorIndex >= 0) {
      const shift = realValue(office.id, flows[anchorIndex].period, "dpb")! - dpb[anchorIndex];
      for (let i = 0; i < dpb.length; i++) dpb[i] += shift;
    }
    const dupBase = LOW_DUPLICATES.has(office.code) ? 0.0012 : 0.002 + rnd() * 0.008;
    flows.forEach((f, i) => {
      const previousDpb = i === 0 ? dpb[0] - newVoters[0] + tms[0] : dpb[i - 1];
      const dup = duplicateRate({ tmsDuplicate: Math.round(dpb[i] * dupBase * (1 - i * 0.02) * (0.85 + rnd() * 0.3)), dpb: dpb[i] });
      const values: [string, number | null][] = [
        ["dpb", dpb[i]],
        ["new_voters", newVoters[i]],
        ["tms", tms[i]],
        ["new_voter_rate", newVoterRate({ newVoters: newVoters[i], previousDpb })],
        ["tms_rate", tmsRate({ tms: tms[i], previousDpb })],
        ["duplicate_rate", dup],
      ];
      for (const [metric, value] of values) {
        if (value === null || realKey.has(`${office.id}|${f.period}|${metric}`)) continue;
        const stored = Number.isInteger(value) ? value : Number(value.toFixed(6));
        insert.run(office.id, f.period, periodEnd(f.period), metric, stored, DEMO_SOURCE, importedAt.getTime());
      }
    });
  }
}

export function seedKnowledge(database: DB) {
  seedVisits(database);
  seedPractices(database);
  const published = seedPublishedFigures(database);
  database.$client.transaction(() => seedDemoQuarters(database, published))();
}
