import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { feedbackCsv } from "../models/feedback-export.server";
import { getMeeting } from "../models/meeting.server";
import { idParam } from "../lib/params";

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat"] });
  const id = idParam(args.params);
  if (!Number.isSafeInteger(id)) fail(404);
  const meeting = getMeeting(actor, id);
  return new Response(feedbackCsv(actor, id).csv, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="tanggapan-${meeting.period}.csv"` },
  });
}
