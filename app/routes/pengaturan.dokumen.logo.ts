import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { logoOf } from "../models/document-settings.server";

/**
 * The signed-in office's own logo, for the settings page and the web view of its documents.
 * Revalidated on every use (ETag), so a replaced logo shows at once.
 */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const logo = logoOf(actor.office.id);
  if (!logo) fail(404, "Kantor Anda belum mengunggah logo.");
  const etag = `"${logo.sha256}"`;
  const headers = { "Cache-Control": "private, no-cache", ETag: etag };
  if (args.request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(logo.data), {
    headers: { ...headers, "Content-Type": logo.mediaType, "Content-Length": String(logo.data.length) },
  });
}
