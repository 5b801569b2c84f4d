/**
 * Form data to objects and schema results to field errors, with no zod import of its own, so that
 * pages that need no zod in the browser (the feedback form) stay small.
 */
import type { core } from "zod/mini";

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
export function fieldErrors(error: { issues: core.$ZodIssue[] }): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    errors[key] ??= issue.message;
  }
  return errors;
}

/** Any zod schema, classic or mini: both parse the same way. */
type Parser<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: core.$ZodIssue[] } };
};

export function validate<T>(schema: Parser<T>, values: Record<string, unknown>): FormResult<T> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, errors: fieldErrors(parsed.error), values };
}

