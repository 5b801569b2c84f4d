import type { DeliveryKind, DeliveryStatus, RecapStatus } from "../../db/schema";

export const RECAP_STATUS_LABELS: Record<RecapStatus, string> = { draf: "Draf", ditetapkan: "Ditetapkan" };

export const DELIVERY_KIND_LABELS: Record<DeliveryKind, string> = {
  data_kematian: "Data kematian",
  pemilih_pemula: "Pemilih pemula",
  penghuni_rusun: "Penghuni rusun",
  pemilih_disabilitas: "Pemilih disabilitas",
  menikah_di_bawah_17: "Menikah di bawah 17 tahun",
  lainnya: "Lainnya",
};

export const DELIVERY_STATUS_LABELS: Record<DeliveryStatus, string> = {
  diterima: "Diterima",
  diverifikasi: "Diverifikasi",
  ditindaklanjuti: "Ditindaklanjuti",
};
