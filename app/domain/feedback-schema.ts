/**
 * The formulir tanggapan's rules, as data. Two checkers are built from this one table:
 * - `feedbackSchema` (zod/mini, app/domain/feedback-schema.server.ts) for the action on the server;
 * - `checkFeedback` (app/domain/feedback-check.ts), a few hundred bytes of plain code that
 *   react-hook-form uses in the browser, so the participants' phones download no zod at all
 *   (zod's core and its 64 locales were 2× the JavaScript of a bare page; docs/decisions/0007).
 * tests/unit/feedback-rules.test.ts runs both on the same table of inputs and requires the same
 * field messages and the same data.
 */
import { FEEDBACK_CATEGORIES, FOLLOW_UP_STATUSES, STANCES } from "./enums";

export const MAX_POINTS = 20;
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_VOTERS = 1_000_000;

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

/** Required text: trimmed, at least one character, at most `max`. */
export type TextRule = { kind: "text"; label: string; max: number };
/** One of a fixed list of strings. */
export type ChoiceRule<T extends string = string> = { kind: "choice"; values: readonly T[]; message: string };
/** A code of the office's region; `optional` ones read "" as "not given" (null). */
export type CodeRule = { kind: "code"; pattern: RegExp; message: string; optional: boolean };
/** A whole number from a text field (or a number). */
export type CountRule = {
  kind: "count";
  min: number;
  max: number;
  messages: { required: string; notNumber: string; notWhole: string; tooSmall: string; tooLarge: string };
};
/** A checkbox: "1" when ticked, otherwise nothing. */
export type FlagRule = { kind: "flag" };
export type FieldRule = TextRule | ChoiceRule | CodeRule | CountRule | FlagRule;
export type ListRule = { min: number; max: number; messages: { tooFew: string; tooMany: string; item: string } };

const text = (label: string, max: number): TextRule => ({ kind: "text", label, max });

export const POINT_RULES = {
  category: { kind: "choice", values: FEEDBACK_CATEGORIES, message: "Pilih kategori." } satisfies ChoiceRule<(typeof FEEDBACK_CATEGORIES)[number]>,
  districtCode: { kind: "code", pattern: /^\d{2}\.\d{2}\.\d{2}$/, message: "Pilih kecamatan.", optional: false } satisfies CodeRule,
  villageCode: { kind: "code", pattern: /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, message: "Pilih desa/kelurahan dari daftar.", optional: true } satisfies CodeRule,
  voters: {
    kind: "count",
    min: 0,
    max: MAX_VOTERS,
    messages: {
      required: "Jumlah pemilih wajib diisi (tulis 0 bila tidak ada).",
      notNumber: "Jumlah pemilih harus angka.",
      notWhole: "Jumlah pemilih harus bilangan bulat.",
      tooSmall: "Jumlah pemilih tidak boleh negatif.",
      tooLarge: "Jumlah pemilih terlalu besar.",
    },
  } satisfies CountRule,
  description: text("Uraian", 2000),
  keepAttachment: { kind: "flag" } satisfies FlagRule,
} as const;

export const FEEDBACK_RULES = {
  form: "Formulir tidak lengkap; muat ulang halaman ini.",
  fields: {
    responderName: text("Nama", 120),
    responderPosition: text("Jabatan", 120),
    stance: { kind: "choice", values: STANCES, message: "Pilih sikap Anda terhadap hasil rekapitulasi." } satisfies ChoiceRule<(typeof STANCES)[number]>,
  },
  points: {
    min: 1,
    max: MAX_POINTS,
    messages: {
      tooFew: "Tuliskan paling sedikit satu poin tanggapan.",
      tooMany: `Paling banyak ${MAX_POINTS} poin.`,
      item: "Poin tanggapan tidak lengkap; muat ulang halaman ini.",
    },
  } satisfies ListRule,
  point: POINT_RULES,
} as const;

export const textMessages = (rule: TextRule) => ({ required: `${rule.label} wajib diisi.`, tooLong: `${rule.label} paling banyak ${rule.max} karakter.` });

/** What the checkers give back when the form is good. */
export type FeedbackInput = {
  responderName: string;
  responderPosition: string;
  stance: (typeof STANCES)[number];
  points: {
    category: (typeof FEEDBACK_CATEGORIES)[number];
    districtCode: string;
    villageCode: string | null;
    voters: number;
    description: string;
    keepAttachment?: "1";
  }[];
};

/** What the form holds while it is filled in (every field as typed). */
export type FeedbackFormValues = {
  responderName: string;
  responderPosition: string;
  stance: string;
  points: { category: string; districtCode: string; villageCode: string; voters: string | number; description: string; keepAttachment?: string | boolean }[];
};

export const emptyPoint = (): FeedbackFormValues["points"][number] => ({
  category: "",
  districtCode: "",
  villageCode: "",
  voters: "",
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
