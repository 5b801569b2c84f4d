import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { minutesPdf } from "../models/minutes-document.server";
import { getMinutes, versionsOf } from "../models/minutes.server";

/** The berita acara as PDF: the same content as its web page, at its current version. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const id = Number(args.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) fail(404);
  const m = getMinutes(actor, id);
  const notes = versionsOf(m.id).find((v) => v.version.version === m.currentVersion)?.version.notes ?? "";
  const { pdf, fileName } = await minutesPdf(actor, m.meetingId, m.number, notes);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${fileName}"`, "Cache-Control": "private, no-store" },
  });
}
