import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { invitationLetter } from "../models/meeting-documents.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const meetingId = Number(args.params.id);
  const invitationId = Number(args.params.invitationId);
  if (!Number.isSafeInteger(meetingId) || !Number.isSafeInteger(invitationId)) fail(404);
  const { pdf, fileName } = await invitationLetter(actor, meetingId, invitationId);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${fileName}"`, "Cache-Control": "private, no-store" },
  });
}
