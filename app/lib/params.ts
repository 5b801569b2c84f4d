import { fail } from "../auth/guard.server";

/** A positive whole-number route parameter, or the friendly 404 page. */
export function idParam(params: Record<string, string | undefined>, name = "id"): number {
  const id = Number(params[name]);
  if (!Number.isSafeInteger(id) || id <= 0) fail(404);
  return id;
}
