import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { guard } from "../auth/guard.server";
import { db } from "../db.server";
import { idParam } from "../lib/params";
import { recordAudit, requestOrigin } from "../models/audit.server";
import { dossierPlan, dossierStream } from "../models/dossier.server";
import { recordMinutesDownload } from "../models/minutes.server";

/**
 * /rapat/:id/berkas.zip: every document of the meeting in one archive with SHA-256 sums. A meeting
 * with nothing to put in it, or too much, goes back to its page with the reason.
 */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const id = idParam(args.params);
  const plan = dossierPlan(actor, id);
  if (plan.kind !== "ready") return redirect(`/rapat/${id}?berkas=${plan.kind === "empty" ? "kosong" : "terlalu-besar"}#berkas-rapat`);
  // Logged before the archive is made, so the archive's own audit log names this download.
  const origin = requestOrigin(args);
  if (plan.minutes) recordMinutesDownload(actor, plan.minutes, origin, plan.fileName);
  else recordAudit(db(), { minutesId: null, meetingId: id, officeId: actor.office.id, action: "diunduh", actor, origin, detail: { file: plan.fileName } });
  return new Response(dossierStream(actor, plan), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${plan.fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
