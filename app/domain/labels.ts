import type { Role, StakeholderType } from "../../db/schema";

export const ROLE_LABELS: Record<Role, string> = {
  secretariat: "Sekretariat",
  commissioner: "Komisioner",
  participant: "Peserta / Pemangku Kepentingan",
  visitor: "Pengunjung",
  admin: "Admin",
};

export const STAKEHOLDER_TYPE_LABELS: Record<StakeholderType, string> = {
  partai_politik: "Partai politik",
  bawaslu: "Bawaslu",
  dukcapil: "Dinas Dukcapil",
  dinas_pemakaman: "Dinas pemakaman",
  dinas_pendidikan: "Dinas pendidikan",
  dinas_sosial: "Dinas sosial",
  dinas_kesehatan: "Dinas kesehatan",
  kua_kemenag: "KUA / Kemenag",
  pengelola_rusun: "Pengelola rusun",
  kodim_tni: "Kodim / TNI",
  polres: "Polres",
  lainnya: "Lainnya",
};

export const OFFICE_LEVEL_LABELS = { ri: "KPU RI", provinsi: "KPU Provinsi", kabkota: "KPU Kabupaten/Kota" } as const;

export const POSITION_LABELS = { ketua: "Ketua", anggota: "Anggota" } as const;

/** Divisi of a KPU Kabupaten/Kota commission (Keputusan KPU on the division of tasks). */
export const DIVISIONS = [
  "Divisi Perencanaan, Data dan Informasi",
  "Divisi Teknis Penyelenggaraan",
  "Divisi Hukum dan Pengawasan",
  "Divisi Sosialisasi, Pendidikan Pemilih, Partisipasi Masyarakat dan SDM",
  "Divisi Keuangan, Umum, Rumah Tangga dan Logistik",
] as const;
