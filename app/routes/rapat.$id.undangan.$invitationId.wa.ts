import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { whatsappLink } from "../models/meeting-documents.server";
import { idParam } from "../lib/params";

/** Records that the WhatsApp invitation was opened, then hands over to wa.me with the text prefilled. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const meetingId = idParam(args.params);
  const invitationId = idParam(args.params, "invitationId");
  if (!Number.isSafeInteger(meetingId) || !Number.isSafeInteger(invitationId)) fail(404);
  const link = whatsappLink(actor, meetingId, invitationId);
  if (!link) fail(404, "Kontak undangan ini tidak memiliki nomor WhatsApp.");
  return redirect(link);
}
