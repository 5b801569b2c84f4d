import { z } from "zod";
// Only the Indonesian messages: `z.locales` would bring every language into the browser bundle.
import id from "zod/v4/locales/id.js";

z.config(id());

export { fieldErrors, formDataToObject, validate, type FieldErrors, type FormResult } from "./form-data";

/** Common field rules with their messages in Bahasa Indonesia. */
export const rules = {
  requiredText: (label: string, max = 200) =>
    z
      .string({ error: `${label} wajib diisi.` })
      .trim()
      .min(1, `${label} wajib diisi.`)
      .max(max, `${label} paling banyak ${max} karakter.`),
  optionalText: (label: string, max = 2000) =>
    z
      .string()
      .trim()
      .max(max, `${label} paling banyak ${max} karakter.`)
      .optional()
      .transform((v) => v ?? ""),
  email: (label = "E-mail") =>
    z
      .string({ error: `${label} wajib diisi.` })
      .trim()
      .toLowerCase()
      .min(1, `${label} wajib diisi.`)
      .max(254, `${label} terlalu panjang.`)
      .pipe(z.email(`${label} tidak valid (contoh: nama@kpu.go.id).`)),
};
