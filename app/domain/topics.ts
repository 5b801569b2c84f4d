import { TOPICS, type Topic, type VisitStatus } from "../../db/schema/knowledge";

export { TOPICS, type Topic };

/** Topics of visit reports and best practices, as offices name them. */
export const TOPIC_LABELS: Record<Topic, string> = {
  koordinasi_pemangku: "Koordinasi pemangku kepentingan",
  data_kematian: "Data kematian",
  pemilih_pemula: "Pemilih pemula",
  pemilih_disabilitas: "Pemilih disabilitas",
  penghuni_rusun: "Penghuni rusun",
  kawin_bawah_17: "Perkawinan di bawah 17 tahun",
  aplikasi_whatsapp: "Aplikasi dan WhatsApp",
  sdm_operator: "SDM operator",
  komunikasi_ppk: "Komunikasi dengan PPK",
  formulir_tanggapan_ba: "Formulir tanggapan dan berita acara",
  kesiapan_gugatan: "Kesiapan data menghadapi gugatan",
};

export const TOPIC_OPTIONS = TOPICS.map((t) => ({ value: t, label: TOPIC_LABELS[t] }));

export function isTopic(value: unknown): value is Topic {
  return typeof value === "string" && (TOPICS as readonly string[]).includes(value);
}

export const VISIT_STATUS_LABELS: Record<VisitStatus, string> = {
  draf: "Draf",
  menunggu_konfirmasi: "Menunggu konfirmasi tuan rumah",
  terbit: "Terbit",
  dikembalikan: "Dikembalikan",
};

export const VISIT_STATUS_BADGE: Record<VisitStatus, string> = {
  draf: "badge",
  menunggu_konfirmasi: "badge badge--warn",
  terbit: "badge badge--ok",
  dikembalikan: "badge badge--bad",
};
