/**
 * The formulir tanggapan: one zod schema for react-hook-form in the browser and for the action.
 * Written with zod/mini and named imports, which tree-shake: a namespace import would pull every
 * locale of zod into the participants' phones.
 */
import {
  array,
  coerce,
  enum as oneOf,
  gte,
  lte,
  maxLength,
  minLength,
  object,
  optional,
  pipe,
  refine,
  regex,
  string,
  transform,
  trim,
  type input,
  type output,
} from "zod/mini";
import { FEEDBACK_CATEGORIES, FOLLOW_UP_STATUSES, STANCES } from "./enums";

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

const requiredText = (label: string, max: number) =>
  string({ error: `${label} wajib diisi.` }).check(trim(), minLength(1, `${label} wajib diisi.`), maxLength(max, `${label} paling banyak ${max} karakter.`));

export const pointSchema = object({
  category: oneOf(FEEDBACK_CATEGORIES, { error: "Pilih kategori." }),
  districtCode: string({ error: "Pilih kecamatan." }).check(regex(/^\d{2}\.\d{2}\.\d{2}$/, "Pilih kecamatan.")),
  villageCode: pipe(
    optional(string()),
    transform((v: string | undefined) => (v ? v : null)),
  ).check(refine((v: string | null) => v === null || /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(v), "Pilih desa/kelurahan dari daftar.")),
  voters: coerce
    .number({ error: "Jumlah pemilih harus angka." })
    .check(
      refine((n) => Number.isInteger(n), "Jumlah pemilih harus bilangan bulat."),
      gte(0, "Jumlah pemilih tidak boleh negatif."),
      lte(1_000_000, "Jumlah pemilih terlalu besar."),
    ),
  description: requiredText("Uraian", 2000),
  keepAttachment: optional(string()),
});

export const feedbackSchema = object({
  responderName: requiredText("Nama", 120),
  responderPosition: requiredText("Jabatan", 120),
  stance: oneOf(STANCES, { error: "Pilih sikap Anda terhadap hasil rekapitulasi." }),
  points: array(pointSchema, { error: "Tuliskan paling sedikit satu poin tanggapan." })
    .check(minLength(1, "Tuliskan paling sedikit satu poin tanggapan."), maxLength(MAX_POINTS, `Paling banyak ${MAX_POINTS} poin.`)),
});

export type FeedbackInput = output<typeof feedbackSchema>;
export type FeedbackFormValues = input<typeof feedbackSchema>;

export const emptyPoint = (): FeedbackFormValues["points"][number] => ({
  category: "" as never,
  districtCode: "",
  villageCode: "",
  voters: "" as never,
  description: "",
});

/** Checks a file's first bytes: PDF, PNG or JPEG only, whatever its name says. */
export function sniffAttachment(bytes: Uint8Array): "application/pdf" | "image/png" | "image/jpeg" | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return "application/pdf";
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  return null;
}
