import type { LoaderFunctionArgs } from "@remix-run/node";
import { guard } from "../auth/guard.server";
import { db } from "../db.server";
import { idParam } from "../lib/params";
import { recordAudit, requestOrigin } from "../models/audit.server";
import { minutesPdf } from "../models/minutes-document.server";
import { minutesOfMeeting } from "../models/minutes.server";

/** The berita acara of a meeting as a draft PDF (not yet numbered), written from the meeting's data. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const id = idParam(args.params);
  const { pdf, fileName } = await minutesPdf(actor, id, null);
  recordAudit(db(), {
    minutesId: minutesOfMeeting(actor, id)?.id ?? null,
    meetingId: id,
    officeId: actor.office.id,
    action: "diunduh",
    actor,
    origin: requestOrigin(args),
    detail: { file: fileName, draft: true },
  });
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${fileName}"`, "Cache-Control": "private, no-store" },
  });
}
