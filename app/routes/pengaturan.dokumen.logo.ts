import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { logoOf } from "../models/document-settings.server";

/** The signed-in office's own logo, for the settings page and the web view of its documents. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const logo = logoOf(actor.office.id);
  if (!logo) fail(404, "Kantor Anda belum mengunggah logo.");
  return new Response(new Uint8Array(logo.data), {
    headers: {
      "Content-Type": logo.mediaType,
      "Content-Length": String(logo.data.length),
      "Cache-Control": "private, max-age=300",
      ETag: `"${logo.sha256}"`,
    },
  });
}
