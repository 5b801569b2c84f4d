import { z } from "zod";
import { STAKEHOLDER_TYPES } from "../domain/enums";
import { rules } from "../lib/forms";
import { normaliseWhatsapp } from "./phone";

export const stakeholderSchema = z.object({
  name: rules.requiredText("Nama organisasi", 160),
  type: z.enum(STAKEHOLDER_TYPES, { error: "Pilih jenis organisasi dari daftar." }),
  address: rules.optionalText("Alamat", 300),
  notes: rules.optionalText("Catatan", 1000),
});
export type StakeholderInput = z.infer<typeof stakeholderSchema>;

const whatsapp = z
  .string()
  .trim()
  .max(30, "Nomor WhatsApp terlalu panjang.")
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const normalised = normaliseWhatsapp(v);
    if (!normalised) {
      ctx.addIssue({ code: "custom", message: "Nomor WhatsApp tidak valid (contoh: 0812-3456-7890)." });
      return z.NEVER;
    }
    return normalised;
  });

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "E-mail terlalu panjang.")
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    if (!z.email().safeParse(v).success) {
      ctx.addIssue({ code: "custom", message: "E-mail tidak valid (contoh: nama@instansi.go.id)." });
      return z.NEVER;
    }
    return v;
  });

export const contactSchema = z.object({
  name: rules.requiredText("Nama kontak", 120),
  position: rules.optionalText("Jabatan", 120),
  whatsapp,
  email: optionalEmail,
});
export type ContactInput = z.infer<typeof contactSchema>;

/** Columns of the stakeholder CSV (header names are matched without case). */
export const IMPORT_COLUMNS = ["nama", "jenis", "alamat", "kontak", "jabatan", "whatsapp", "email"] as const;

/** The type column accepts the code or the label ("Dinas Dukcapil", "dukcapil"). */
export function parseStakeholderType(text: string, labels: Record<string, string>): string | null {
  const t = text.trim().toLowerCase();
  if (!t) return null;
  for (const [code, label] of Object.entries(labels)) {
    if (t === code || t === label.toLowerCase() || t === code.replace(/_/g, " ")) return code;
  }
  return null;
}

/** A new organisation with its first contact; the contact is optional (all its fields empty). */
export const newStakeholderSchema = stakeholderSchema.extend({
  contact: z
    .object({
      name: z.string().optional(),
      position: z.string().optional(),
      whatsapp: z.string().optional(),
      email: z.string().optional(),
    })
    .optional()
    .transform((c, ctx) => {
      if (!c || ![c.name, c.position, c.whatsapp, c.email].some((v) => v && v.trim())) return null;
      const parsed = contactSchema.safeParse(c);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return z.NEVER;
    }),
});
