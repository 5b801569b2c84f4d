import type { LoaderFunctionArgs } from "@remix-run/node";
import { guard } from "../auth/guard.server";
import { invitationLetter } from "../models/meeting-documents.server";
import { idParam } from "../lib/params";

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const meetingId = idParam(args.params);
  const invitationId = idParam(args.params, "invitationId");
  const { pdf, fileName } = await invitationLetter(actor, meetingId, invitationId);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${fileName}"`, "Cache-Control": "private, no-store" },
  });
}
