import { z } from "zod";
import { rules } from "../lib/forms";

const order = z.coerce
  .number({ error: "Urutan harus angka." })
  .int("Urutan harus bilangan bulat.")
  .min(0, "Urutan tidak boleh negatif.")
  .max(9999, "Urutan paling besar 9999.");

/** The office's TMS categories as edited on one page: existing ones (code fixed) and one new one. */
export const tmsCategoriesSchema = z.object({
  cat: z
    .array(
      z.object({
        id: z.coerce.number().int().positive(),
        label: rules.requiredText("Label", 80),
        sortOrder: order,
        isActive: z.preprocess((v) => v === "on" || v === "1" || v === "true", z.boolean()),
      }),
    )
    .optional()
    .transform((v) => v ?? []),
  add: z
    .object({
      code: z.string().trim().max(8, "Kode paling banyak 8 karakter.").regex(/^[A-Za-z0-9]*$/, "Kode hanya huruf dan angka.").optional(),
      label: z.string().trim().max(80, "Label paling banyak 80 karakter.").optional(),
      sortOrder: z.string().trim().optional(),
    })
    .optional()
    .superRefine((v, ctx) => {
      if (!v || (!v.code && !v.label)) return;
      if (!v.code) ctx.addIssue({ code: "custom", path: ["code"], message: "Kode kategori baru wajib diisi." });
      if (!v.label) ctx.addIssue({ code: "custom", path: ["label"], message: "Label kategori baru wajib diisi." });
      if (v.sortOrder && !/^\d{1,4}$/.test(v.sortOrder)) ctx.addIssue({ code: "custom", path: ["sortOrder"], message: "Urutan harus bilangan bulat 0–9999." });
    }),
});
export type TmsCategoriesInput = z.infer<typeof tmsCategoriesSchema>;
