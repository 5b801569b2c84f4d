/**
 * The formulir tanggapan: one zod schema for react-hook-form in the browser and for the action.
 */
import { z } from "zod";
import { FEEDBACK_CATEGORIES, FOLLOW_UP_STATUSES, STANCES } from "../domain/enums";
import { rules } from "../lib/forms";

export const MAX_POINTS = 20;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

export const STANCE_LABELS: Record<(typeof STANCES)[number], string> = {
  setuju: "Setuju",
  setuju_dengan_catatan: "Setuju dengan catatan",
  keberatan: "Keberatan",
};
export const CATEGORY_LABELS: Record<(typeof FEEDBACK_CATEGORIES)[number], string> = {
  pemilih_baru: "Pemilih baru",
  tms: "Tidak memenuhi syarat (TMS)",
  ganda: "Data ganda",
  perbaikan_data: "Perbaikan data",
  lainnya: "Lainnya",
};
export const FOLLOW_UP_LABELS: Record<(typeof FOLLOW_UP_STATUSES)[number], string> = {
  diterima: "Diterima",
  ditolak: "Ditolak",
  ditindaklanjuti: "Ditindaklanjuti",
  selesai: "Selesai",
};

export const pointSchema = z.object({
  category: z.enum(FEEDBACK_CATEGORIES, { error: "Pilih kategori." }),
  districtCode: z.string({ error: "Pilih kecamatan." }).regex(/^\d{2}\.\d{2}\.\d{2}$/, "Pilih kecamatan."),
  villageCode: z
    .string()
    .optional()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(v), "Pilih desa/kelurahan dari daftar."),
  voters: z.coerce
    .number({ error: "Jumlah pemilih harus angka." })
    .int("Jumlah pemilih harus bilangan bulat.")
    .min(0, "Jumlah pemilih tidak boleh negatif.")
    .max(1_000_000, "Jumlah pemilih terlalu besar."),
  description: rules.requiredText("Uraian", 2000),
  keepAttachment: z.string().optional(),
});

export const feedbackSchema = z.object({
  responderName: rules.requiredText("Nama", 120),
  responderPosition: rules.requiredText("Jabatan", 120),
  stance: z.enum(STANCES, { error: "Pilih sikap Anda terhadap hasil rekapitulasi." }),
  points: z
    .array(pointSchema, { error: "Tuliskan paling sedikit satu poin tanggapan." })
    .min(1, "Tuliskan paling sedikit satu poin tanggapan.")
    .max(MAX_POINTS, `Paling banyak ${MAX_POINTS} poin.`),
});

export type FeedbackInput = z.infer<typeof feedbackSchema>;
export type FeedbackFormValues = z.input<typeof feedbackSchema>;

export const emptyPoint = (): FeedbackFormValues["points"][number] => ({
  category: "" as never,
  districtCode: "",
  villageCode: "",
  voters: "" as never,
  description: "",
});

export const answerSchema = z.object({
  answer: rules.requiredText("Jawaban", 2000),
  followUpStatus: z.enum(FOLLOW_UP_STATUSES, { error: "Pilih status tindak lanjut." }),
  division: rules.optionalText("Divisi", 120),
});

/** Checks a file's first bytes: PDF, PNG or JPEG only, whatever its name says. */
export function sniffAttachment(bytes: Uint8Array): "application/pdf" | "image/png" | "image/jpeg" | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  return null;
}
