/**
 * The TMS categories every office starts with: the PKPU 6/2021 Pasal 18(3) criteria, coded as the
 * operator tools number them (1 meninggal, 2 ganda, 3 di bawah umur, 4 pindah domisili, 5 WNA,
 * 6 TNI, 7 Polri, 8 salah TPS); the criteria that tools do not number get letter codes. Offices may
 * relabel, reorder, deactivate or add categories: codes and labels are separate on purpose.
 */
export const DEFAULT_TMS_CATEGORIES: { code: string; label: string; legalBasis: string; isActive?: boolean }[] = [
  { code: "1", label: "Meninggal", legalBasis: "meninggal" },
  { code: "2", label: "Ganda", legalBasis: "ganda" },
  { code: "3", label: "Di bawah umur", legalBasis: "di bawah 17 tahun dan belum kawin" },
  { code: "4", label: "Pindah domisili", legalBasis: "pindah keluar" },
  { code: "5", label: "WNA", legalBasis: "bukan penduduk" },
  { code: "6", label: "Menjadi TNI", legalBasis: "menjadi TNI" },
  { code: "7", label: "Menjadi Polri", legalBasis: "menjadi Polri" },
  { code: "TD", label: "Tidak dikenal", legalBasis: "tidak dikenal" },
  { code: "HPC", label: "Hak pilih dicabut", legalBasis: "hak pilih dicabut" },
  { code: "BP", label: "Bukan penduduk", legalBasis: "bukan penduduk" },
  { code: "KTP", label: "Tidak memiliki KTP-el", legalBasis: "tidak memiliki KTP-el" },
  // Operators record it, but a wrong TPS is a correction, not a removal: off unless an office wants it.
  { code: "8", label: "Salah TPS", legalBasis: "", isActive: false },
];
