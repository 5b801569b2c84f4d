/**
 * Demo data: the four offices of the seed stories with their commissions, secretariats and
 * stakeholder directories, plus accounts for every role. Written by the shared factories.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import type { DB } from "../app/db.server";
import { DIVISIONS } from "../app/domain/labels";
import { KPU_RI_CODE } from "../app/domain/offices";
import { createMember, createStakeholderWithContacts, officeByCode, type ContactSeed } from "./factories";
import { hasReferenceData, loadReferenceData } from "./reference";
import { seedMeetings } from "./seed-meetings";
import { seedRecaps } from "./seed-recap";
import { seedKnowledge } from "./seed-knowledge";
import { officesWithOwnData, refreshOfficeMetrics } from "../app/models/office-metrics.server";
import { seedSigning } from "./seed-signing";
import { users, type StakeholderType } from "./schema";

export const DEMO_PASSWORD = "Pleno-Demo-2025";

export type DemoLogin = { email: string; password: string; label: string };

type DemoOffice = {
  code: string;
  slug: string;
  address: string;
  commissioners: string[];
  secretariat: [string, string][];
  stakeholders: [string, StakeholderType][];
  participant: { name: string; organisation: string };
};

/** Fictional people; organisations as each office's real partners are named. */
export const DEMO_OFFICES: DemoOffice[] = [
  {
    code: "31.72",
    slug: "jakut",
    address: "Jl. Yos Sudarso No. 27, Koja, Jakarta Utara",
    commissioners: ["Rahmat Hidayatullah", "Dewi Anggraini", "Fajar Nugroho", "Siti Marlina", "Hendra Saputra"],
    secretariat: [
      ["Bambang Sulistyo", "Sekretaris"],
      ["Nur Aini Fitriani", "Kasubbag Perencanaan, Data dan Informasi"],
    ],
    stakeholders: [
      ["Suku Dinas Kependudukan dan Pencatatan Sipil Jakarta Utara", "dukcapil"],
      ["Suku Dinas Pertamanan dan Pemakaman Jakarta Utara", "dinas_pemakaman"],
      ["Suku Dinas Pendidikan Wilayah I Jakarta Utara", "dinas_pendidikan"],
      ["Unit Pengelola Rumah Susun (UPRS) Jakarta Utara", "pengelola_rusun"],
      ["Suku Dinas Sosial Jakarta Utara", "dinas_sosial"],
      ["Suku Dinas Kesehatan Jakarta Utara", "dinas_kesehatan"],
      ["Kantor Urusan Agama (Kemenag Kota Jakarta Utara)", "kua_kemenag"],
      ["Bawaslu Kota Jakarta Utara", "bawaslu"],
      ["DPC PDI Perjuangan Jakarta Utara", "partai_politik"],
      ["DPD Partai Golkar Jakarta Utara", "partai_politik"],
      ["DPC Partai Gerindra Jakarta Utara", "partai_politik"],
      ["DPD Partai Keadilan Sejahtera Jakarta Utara", "partai_politik"],
      ["Kodim 0502/Jakarta Utara", "kodim_tni"],
      ["Polres Metro Jakarta Utara", "polres"],
    ],
    participant: { name: "Yusuf Ardiansyah", organisation: "Bawaslu Kota Jakarta Utara" },
  },
  {
    code: "36.03",
    slug: "tangerang",
    address: "Jl. Atik Suardi, Tigaraksa, Kabupaten Tangerang",
    commissioners: ["Agus Setiawan", "Rina Kartikasari", "Dedi Kurniawan", "Lestari Wulandari", "Taufik Hidayat"],
    secretariat: [
      ["Yanto Prasetyo", "Sekretaris"],
      ["Mega Puspitasari", "Kasubbag Perencanaan, Data dan Informasi"],
    ],
    stakeholders: [
      ["Dinas Kependudukan dan Pencatatan Sipil Kabupaten Tangerang", "dukcapil"],
      ["Dinas Perumahan, Permukiman dan Pemakaman Kabupaten Tangerang", "dinas_pemakaman"],
      ["Dinas Pendidikan Kabupaten Tangerang", "dinas_pendidikan"],
      ["Dinas Sosial Kabupaten Tangerang", "dinas_sosial"],
      ["Dinas Kesehatan Kabupaten Tangerang", "dinas_kesehatan"],
      ["Kantor Kementerian Agama Kabupaten Tangerang", "kua_kemenag"],
      ["Bawaslu Kabupaten Tangerang", "bawaslu"],
      ["DPC PDI Perjuangan Kabupaten Tangerang", "partai_politik"],
      ["DPD Partai Golkar Kabupaten Tangerang", "partai_politik"],
      ["DPC Partai Kebangkitan Bangsa Kabupaten Tangerang", "partai_politik"],
      ["Kodim 0510/Tigaraksa", "kodim_tni"],
      ["Polresta Tangerang", "polres"],
    ],
    participant: { name: "Indra Permana", organisation: "Bawaslu Kabupaten Tangerang" },
  },
  {
    code: "33.20",
    slug: "jepara",
    address: "Jl. Yos Sudarso No. 22, Jepara, Jawa Tengah 59416",
    commissioners: ["Sugeng Riyadi", "Ahmad Fauzan", "Endah Susilowati", "Joko Wibisono", "Nur Hidayah"],
    secretariat: [
      ["Slamet Widodo", "Sekretaris"],
      ["Ratna Dewi Lestari", "Kasubbag Perencanaan, Data dan Informasi"],
    ],
    stakeholders: [
      ["Dinas Kependudukan dan Pencatatan Sipil Kabupaten Jepara", "dukcapil"],
      ["Dinas Pendidikan, Pemuda dan Olahraga Kabupaten Jepara", "dinas_pendidikan"],
      ["Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Jepara", "dinas_sosial"],
      ["Dinas Kesehatan Kabupaten Jepara", "dinas_kesehatan"],
      ["Kantor Kementerian Agama Kabupaten Jepara", "kua_kemenag"],
      ["Bawaslu Kabupaten Jepara", "bawaslu"],
      ["DPC PDI Perjuangan Kabupaten Jepara", "partai_politik"],
      ["DPC Partai Persatuan Pembangunan Kabupaten Jepara", "partai_politik"],
      ["DPC Partai Kebangkitan Bangsa Kabupaten Jepara", "partai_politik"],
      ["Kodim 0719/Jepara", "kodim_tni"],
      ["Polres Jepara", "polres"],
    ],
    participant: { name: "Arif Wicaksono", organisation: "Bawaslu Kabupaten Jepara" },
  },
  {
    code: "33.01",
    slug: "cilacap",
    address: "Jl. Kalimantan No. 43, Cilacap, Jawa Tengah",
    commissioners: ["Bayu Aji Pamungkas", "Sri Rahayu", "Wahyu Hidayat", "Dian Permatasari", "Rudi Hartono"],
    secretariat: [
      ["Teguh Santoso", "Sekretaris"],
      ["Yuliana Kusumawati", "Kasubbag Perencanaan, Data dan Informasi"],
    ],
    stakeholders: [
      ["Dinas Kependudukan dan Pencatatan Sipil Kabupaten Cilacap", "dukcapil"],
      ["Dinas Pendidikan dan Kebudayaan Kabupaten Cilacap", "dinas_pendidikan"],
      ["Dinas Sosial Kabupaten Cilacap", "dinas_sosial"],
      ["Dinas Kesehatan Kabupaten Cilacap", "dinas_kesehatan"],
      ["Kantor Kementerian Agama Kabupaten Cilacap", "kua_kemenag"],
      ["Bawaslu Kabupaten Cilacap", "bawaslu"],
      ["DPC PDI Perjuangan Kabupaten Cilacap", "partai_politik"],
      ["DPD Partai Golkar Kabupaten Cilacap", "partai_politik"],
      ["Kodim 0703/Cilacap", "kodim_tni"],
      ["Polresta Cilacap", "polres"],
    ],
    participant: { name: "Galih Pratama", organisation: "Bawaslu Kabupaten Cilacap" },
  },
];

const CONTACT_FIRST = ["Andi", "Budi", "Citra", "Dina", "Eko", "Fitri", "Gita", "Hadi", "Intan", "Kurnia", "Lia", "Maman"];
const CONTACT_LAST = ["Susanto", "Rahmawati", "Pratiwi", "Gunawan", "Halim", "Wijaya", "Syahputra", "Anggoro", "Kusuma"];

/** A plausible contact per organisation, deterministic so every run seeds the same data. */
function demoContact(officeIndex: number, orgIndex: number, orgName: string): ContactSeed {
  const n = officeIndex * 31 + orgIndex * 7;
  const name = `${CONTACT_FIRST[n % CONTACT_FIRST.length]} ${CONTACT_LAST[(n >> 1) % CONTACT_LAST.length]}`;
  const suffix = String(10_000_000 + ((n * 7919) % 89_999_999)).slice(0, 8);
  return {
    name,
    position: orgName.startsWith("DP") ? "Sekretaris" : "Kepala Seksi Data",
    whatsapp: `+62812${suffix}`,
    email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@contoh.go.id`,
  };
}

async function seedDemo(database: DB): Promise<void> {
  const ri = officeByCode(database, KPU_RI_CODE);
  await createMember(database, {
    email: "admin@pleno.demo",
    name: "Admin Data KPU RI",
    password: DEMO_PASSWORD,
    officeId: ri.id,
    role: "admin",
    title: "Tim Data KPU RI",
  });
  for (const [officeIndex, spec] of DEMO_OFFICES.entries()) {
    const office = officeByCode(database, spec.code);
    database.run(sql`update offices set address = ${spec.address} where id = ${office.id}`);
    for (const [i, name] of spec.commissioners.entries()) {
      const ketua = i === 0;
      await createMember(database, {
        email: ketua ? `ketua.${spec.slug}@pleno.demo` : `anggota${i}.${spec.slug}@pleno.demo`,
        name,
        password: DEMO_PASSWORD,
        officeId: office.id,
        role: "commissioner",
        position: ketua ? "ketua" : "anggota",
        division: ketua ? DIVISIONS[4] : DIVISIONS[i - 1],
        title: ketua ? "Ketua" : "Anggota",
      });
    }
    for (const [i, [name, title]] of spec.secretariat.entries()) {
      await createMember(database, {
        email: `sekretariat${i + 1}.${spec.slug}@pleno.demo`,
        name,
        password: DEMO_PASSWORD,
        officeId: office.id,
        role: "secretariat",
        title,
      });
    }
    const orgIds = new Map<string, number>();
    for (const [orgIndex, [name, type]] of spec.stakeholders.entries()) {
      const org = createStakeholderWithContacts(database, {
        officeId: office.id,
        name,
        type,
        contacts: [demoContact(officeIndex, orgIndex, name)],
      });
      orgIds.set(name, org.id);
    }
    await createMember(database, {
      email: `peserta.${spec.slug}@pleno.demo`,
      name: spec.participant.name,
      password: DEMO_PASSWORD,
      officeId: office.id,
      role: "participant",
      title: "Staf",
      stakeholderId: orgIds.get(spec.participant.organisation) ?? null,
    });
  }
  const cilacap = officeByCode(database, "33.01");
  await createMember(database, {
    email: "tamu.cilacap@pleno.demo",
    name: "Dwi Handayani",
    password: DEMO_PASSWORD,
    officeId: cilacap.id,
    role: "visitor",
    title: "Staf Subbag Perencanaan, Data dan Informasi",
  });
  seedMeetings(
    database,
    DEMO_OFFICES.map((o) => o.code),
  );
  seedRecaps(database);
  // Each recap belongs to the DPB pleno of its office and period.
  database.run(sql`
    update recaps set meeting_id = (
      select m.id from meetings m
      where m.office_id = recaps.office_id and m.period = recaps.period
        and m.kind in ('internal_monthly', 'open_quarterly')
    ) where meeting_id is null`);
  seedKnowledge(database);
  // The demo offices' own figures, computed from the meetings, recaps, feedback and deliveries above.
  for (const officeId of officesWithOwnData(database)) refreshOfficeMetrics(officeId, new Date(), database);
  await seedSigning(
    database,
    DEMO_OFFICES.map((o) => o.code),
  );
}

const OFFICE_NAMES: Record<string, string> = {
  jakut: "KPU Kota Jakarta Utara",
  tangerang: "KPU Kabupaten Tangerang",
  jepara: "KPU Kabupaten Jepara",
  cilacap: "KPU Kabupaten Cilacap",
};

/** Every demo login, in the order the README lists them. */
export function demoLogins(): DemoLogin[] {
  const logins: DemoLogin[] = [{ email: "admin@pleno.demo", password: DEMO_PASSWORD, label: "Admin, KPU RI" }];
  for (const spec of DEMO_OFFICES) {
    const where = OFFICE_NAMES[spec.slug];
    logins.push({ email: `sekretariat1.${spec.slug}@pleno.demo`, password: DEMO_PASSWORD, label: `Sekretariat, ${where}` });
    logins.push({ email: `sekretariat2.${spec.slug}@pleno.demo`, password: DEMO_PASSWORD, label: `Sekretariat, ${where}` });
    logins.push({ email: `ketua.${spec.slug}@pleno.demo`, password: DEMO_PASSWORD, label: `Ketua, ${where}` });
    for (let i = 1; i <= 4; i++)
      logins.push({ email: `anggota${i}.${spec.slug}@pleno.demo`, password: DEMO_PASSWORD, label: `Anggota, ${where}` });
    logins.push({ email: `peserta.${spec.slug}@pleno.demo`, password: DEMO_PASSWORD, label: `Peserta (Bawaslu), ${where}` });
  }
  logins.push({ email: "tamu.cilacap@pleno.demo", password: DEMO_PASSWORD, label: "Pengunjung, KPU Kabupaten Cilacap" });
  return logins;
}

/** Reference data when missing; demo data when the database has no users yet. */
export async function prepareDatabase(database: DB, options: { demo: boolean }) {
  if (!hasReferenceData(database)) await loadReferenceData(database);
  const userCount = database.select({ n: sql<number>`count(*)` }).from(users).get()?.n ?? 0;
  let seeded = false;
  if (options.demo && userCount === 0) {
    await seedDemo(database);
    seeded = true;
  }
  return { seeded, logins: options.demo ? demoLogins() : [] };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { db } = await import("../app/db.server");
  const { applyMigrations } = await import("./migrate");
  applyMigrations(db());
  const { seeded } = await prepareDatabase(db(), { demo: true });
  console.log(seeded ? "Data demo dimuat." : "Basis data sudah berisi data; tidak ada yang diubah.");
}
