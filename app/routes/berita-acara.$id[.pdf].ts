import type { LoaderFunctionArgs } from "@remix-run/node";
import { guard } from "../auth/guard.server";
import { idParam } from "../lib/params";
import { requestOrigin } from "../models/audit.server";
import { minutesPdf, snapshotRenderInput } from "../models/minutes-document.server";
import { renderDocument } from "../pdf/render.server";
import { getMinutes, recordMinutesDownload, versionsOf } from "../models/minutes.server";
import { frozenVersion, publicationOfMinutes, publishedFile } from "../models/signing.server";
import { logoBytes } from "../models/document-settings.server";

/** The berita acara as PDF: the same content as its web page (a draft live, a submitted version frozen, a published one as sealed). */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const m = getMinutes(actor, idParam(args.params));
  const origin = requestOrigin(args);
  const published = publicationOfMinutes(m.id);
  const file = published ? publishedFile(published.code) : undefined;
  if (file) {
    // Once published, the PDF of the berita acara is the sealed (or scanned) file itself.
    recordMinutesDownload(actor, m, origin, `berita-acara-${m.id}.pdf`);
    return new Response(new Uint8Array(file.bytes), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="berita-acara-${m.id}.pdf"`, "Cache-Control": "private, no-store" },
    });
  }
  if (m.status === "diajukan") {
    // Submitted: the frozen version the commissioners review and sign.
    const frozen = frozenVersion(actor, m);
    const pdf = await renderDocument(snapshotRenderInput(frozen.content, logoBytes(actor.office.id)));
    recordMinutesDownload(actor, m, origin, frozen.content.fileName);
    return new Response(new Uint8Array(pdf), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${frozen.content.fileName}"`, "Cache-Control": "private, no-store" },
    });
  }
  const notes = versionsOf(m.id).find((v) => v.version.version === m.currentVersion)?.version.notes ?? "";
  const { pdf, fileName } = await minutesPdf(actor, m.meetingId, m.number, notes);
  recordMinutesDownload(actor, m, origin, fileName);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${fileName}"`, "Cache-Control": "private, no-store" },
  });
}
