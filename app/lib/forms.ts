import { z } from "zod";
// Only the Indonesian messages: `z.locales` would bring every language into the browser bundle.
import id from "zod/v4/locales/id.js";

z.config(id());

export type FieldErrors = Record<string, string>;

export type FormResult<T> =
  | { ok: true; data: T }
  | { ok: false; errors: FieldErrors; values: Record<string, unknown> };

/**
 * Form fields to a nested object. Names use react-hook-form's dotted paths
 * ("points.0.description"), so the same names serve the browser and the server.
 */
export function formDataToObject(formData: FormData | URLSearchParams): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const keys = name.split(".");
    if (keys.some((k) => k === "__proto__" || k === "constructor" || k === "prototype")) continue;
    let node = out as Record<string, unknown>;
    keys.forEach((key, i) => {
      const last = i === keys.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(keys[i + 1]);
      if (last) {
        const existing = node[key];
        if (existing === undefined) node[key] = value;
        else node[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
      } else {
        node[key] ??= nextIsIndex ? [] : {};
        node = node[key] as Record<string, unknown>;
      }
    });
  }
  return out;
}

/** The first message per field path, as the page shows it next to the field. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function validate<S extends z.ZodType>(schema: S, values: Record<string, unknown>): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrors(parsed.error), values };
}

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
