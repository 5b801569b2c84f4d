import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { minutesPdf } from "../models/minutes-document.server";
import { idParam } from "../lib/params";

/** The berita acara of a meeting as a draft PDF (not yet numbered), written from the meeting's data. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const id = idParam(args.params);
  if (!Number.isSafeInteger(id) || id <= 0) fail(404);
  const { pdf, fileName } = await minutesPdf(actor, id, null);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${fileName}"`, "Cache-Control": "private, no-store" },
  });
}
