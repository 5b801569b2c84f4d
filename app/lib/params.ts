import { fail } from "../auth/guard.server";

/** A positive whole-number route parameter, or the friendly 404 page. */
export function idParam(params: Record<string, string | undefined>, name = "id"): number {
  const text = params[name] ?? "";
  // Digits only: "0x10", "1e3", " 7" or "1.0" are not ids, even though Number() reads them.
  const id = /^[1-9][0-9]{0,15}$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(id)) fail(404);
  return id;
}
