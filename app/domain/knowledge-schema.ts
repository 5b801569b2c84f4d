/** Form schemas of visit reports and best practices, shared by the pages and their actions. */
import { z } from "zod";
import { rules } from "../lib/forms";
import { stripControlCharacters } from "./fts-query";
import { TOPICS } from "./topics";

/**
 * User text never carries control characters (they mark search highlights): one in a field is
 * refused with a message rather than silently dropped, so what is stored is what was typed.
 */
const clean = <S extends z.ZodType>(schema: S) =>
  schema.refine((v) => typeof v !== "string" || stripControlCharacters(v) === v, {
    message: "Teks berisi karakter kendali yang tidak dapat disimpan; hapus lalu ketik ulang bagian itu.",
  });

const required = (label: string, max: number) => clean(rules.requiredText(label, max));
const optional = (label: string, max: number) => clean(rules.optionalText(label, max));

/** Checkboxes arrive as one string or a list; none checked arrives as nothing. */
const topics = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.enum(TOPICS, { error: "Topik tidak dikenal." }))
    .min(1, "Pilih paling sedikit satu topik.")
    .max(TOPICS.length)
    .transform((list) => [...new Set(list)]),
);

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

function validDay(text: string) {
  if (!isoDate.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

const delegate = z.object({
  name: required("Nama anggota rombongan", 120),
  position: required("Jabatan", 160),
});

export const MAX_DELEGATES = 30;

/** Rows left completely blank (the spare rows of the form) are not part of the delegation. */
const delegates = z.preprocess(
  (v) =>
    (Array.isArray(v) ? v : []).filter(
      (row) => row && typeof row === "object" && Object.values(row as Record<string, unknown>).some((x) => typeof x === "string" && x.trim()),
    ),
  z
    .array(delegate)
    .min(1, "Isi paling sedikit satu anggota rombongan.")
    .max(MAX_DELEGATES, `Paling banyak ${MAX_DELEGATES} anggota rombongan.`),
);

export const visitSchema = z.object({
  hostOfficeId: z.coerce
    .number({ error: "Pilih kantor tuan rumah." })
    .int({ error: "Pilih kantor tuan rumah." })
    .positive({ error: "Pilih kantor tuan rumah." }),
  visitDate: z
    .string({ error: "Tanggal kunjungan wajib diisi." })
    .trim()
    .min(1, "Tanggal kunjungan wajib diisi.")
    .refine(validDay, "Tanggal tidak valid (format: 2021-12-13).")
    .refine((d) => d >= "2000-01-01", "Tanggal terlalu lama.")
    .refine((d) => d <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), "Laporan ditulis untuk kunjungan yang sudah berlangsung."),
  title: required("Judul", 160),
  questions: required("Pertanyaan yang dibawa", 4000),
  hostPresentation: required("Paparan tuan rumah", 8000),
  practicesObserved: required("Praktik yang diamati", 8000),
  followUpPlan: required("Rencana tindak lanjut", 4000),
  topics,
  delegates,
});
export type VisitInput = z.infer<typeof visitSchema>;

export const returnSchema = z.object({
  reason: required("Alasan pengembalian", 1000),
});

export const practiceSchema = z.object({
  title: required("Judul", 160),
  summary: required("Ringkasan", 600),
  body: required("Uraian", 20000),
  since: z
    .string({ error: "Bulan mulai wajib diisi." })
    .trim()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Bulan mulai tidak valid (format: 2021-03).")
    .refine((m) => m >= "2000-01", "Bulan mulai terlalu lama."),
  evidence: optional("Bukti", 4000),
  topics,
});
export type PracticeInput = z.infer<typeof practiceSchema>;
