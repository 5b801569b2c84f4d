import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { invitationCalendar } from "../models/meeting-documents.server";
import { idParam } from "../lib/params";

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const meetingId = idParam(args.params);
  const invitationId = idParam(args.params, "invitationId");
  if (!Number.isSafeInteger(meetingId) || !Number.isSafeInteger(invitationId)) fail(404);
  const { ics, fileName } = invitationCalendar(actor, meetingId, invitationId);
  return new Response(ics, {
    headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `attachment; filename="${fileName}"` },
  });
}
