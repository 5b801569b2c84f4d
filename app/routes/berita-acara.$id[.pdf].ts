import type { LoaderFunctionArgs } from "@remix-run/node";
import { guard } from "../auth/guard.server";
import { idParam } from "../lib/params";
import { requestOrigin } from "../models/audit.server";
import { minutesPdf } from "../models/minutes-document.server";
import { getMinutes, recordMinutesDownload, versionsOf } from "../models/minutes.server";

/** The berita acara as PDF: the same content as its web page, at its current version. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const m = getMinutes(actor, idParam(args.params));
  const notes = versionsOf(m.id).find((v) => v.version.version === m.currentVersion)?.version.notes ?? "";
  const { pdf, fileName } = await minutesPdf(actor, m.meetingId, m.number, notes);
  recordMinutesDownload(actor, m, requestOrigin(args), fileName);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${fileName}"`, "Cache-Control": "private, no-store" },
  });
}
