import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { attendanceSheet } from "../models/meeting-documents.server";
import { getMeeting } from "../models/meeting.server";
import { idParam } from "../lib/params";

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const id = idParam(args.params);
  if (!Number.isSafeInteger(id)) fail(404);
  const meeting = getMeeting(actor, id);
  const pdf = await attendanceSheet(actor, meeting);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="daftar-hadir-${meeting.period}.pdf"` },
  });
}
