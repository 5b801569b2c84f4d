import type { MeetingKind } from "../../db/schema/meetings";

export type AgendaTemplateItem = { title: string; presenter: string; durationMinutes: number };

const DATIN = "Divisi Perencanaan, Data dan Informasi";

const PLENO: AgendaTemplateItem[] = [
  { title: "Pembukaan", presenter: "Ketua", durationMinutes: 10 },
  { title: "Paparan rekapitulasi oleh Divisi Perencanaan, Data dan Informasi", presenter: DATIN, durationMinutes: 30 },
  { title: "Tanggapan peserta", presenter: "Peserta rapat", durationMinutes: 30 },
  { title: "Penetapan", presenter: "Ketua", durationMinutes: 15 },
  { title: "Penandatanganan berita acara", presenter: "Komisioner yang hadir", durationMinutes: 15 },
  { title: "Penutup", presenter: "Ketua", durationMinutes: 5 },
];

const COORDINATION: AgendaTemplateItem[] = [
  { title: "Pembukaan", presenter: "Ketua", durationMinutes: 10 },
  { title: "Paparan hasil pemutakhiran oleh Divisi Perencanaan, Data dan Informasi", presenter: DATIN, durationMinutes: 30 },
  { title: "Penyampaian data dari pemangku kepentingan", presenter: "Pemangku kepentingan", durationMinutes: 30 },
  { title: "Tanggapan peserta", presenter: "Peserta rapat", durationMinutes: 30 },
  { title: "Kesimpulan dan tindak lanjut", presenter: "Ketua", durationMinutes: 15 },
  { title: "Penandatanganan berita acara", presenter: "Komisioner yang hadir", durationMinutes: 10 },
  { title: "Penutup", presenter: "Ketua", durationMinutes: 5 },
];

/** The standard agenda of a meeting kind. */
export function agendaTemplate(kind: MeetingKind): AgendaTemplateItem[] {
  return kind === "coordination_quarterly" ? COORDINATION : PLENO;
}

export const KIND_LABELS: Record<MeetingKind, string> = {
  internal_monthly: "Rapat pleno internal bulanan (penetapan DPB)",
  open_quarterly: "Rapat pleno terbuka rekapitulasi DPB triwulanan",
  coordination_quarterly: "Rapat koordinasi pemangku kepentingan triwulanan",
  semester: "Rapat pleno semester (KPU Provinsi)",
  other: "Rapat lainnya",
};

export const KIND_PERIOD: Record<MeetingKind, "month" | "quarter" | "semester"> = {
  internal_monthly: "month",
  open_quarterly: "quarter",
  coordination_quarterly: "quarter",
  semester: "semester",
  other: "month",
};

export const STATUS_LABELS = {
  draf: "Draf",
  dijadwalkan: "Dijadwalkan",
  berlangsung: "Berlangsung",
  selesai: "Selesai",
  dibatalkan: "Dibatalkan",
  ba_ditandatangani: "BA ditandatangani",
} as const;

export const ATTENDANCE_LABELS = { hadir: "Hadir", izin: "Izin", sakit: "Sakit", dinas_luar: "Dinas luar" } as const;

/** Items of the previous meeting that were not finished and not yet answered for this meeting. */
export function carryOverCandidates<T extends { id: number; outcome: string | null }>(
  previousItems: T[],
  decidedSourceIds: Set<number>,
): T[] {
  return previousItems.filter((i) => i.outcome === "belum_selesai" && !decidedSourceIds.has(i.id));
}
