import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { minutesPdf, snapshotRenderInput } from "../models/minutes-document.server";
import { renderDocument } from "../pdf/render.server";
import { getMinutes, versionsOf } from "../models/minutes.server";
import { frozenVersion, publicationOfMinutes, publishedFile } from "../models/signing.server";

/** The berita acara as PDF: the same content as its web page (a draft live, a submitted version frozen, a published one as sealed). */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { roles: ["secretariat", "commissioner"] });
  const id = Number(args.params.id);
  if (!Number.isSafeInteger(id) || id <= 0) fail(404);
  const m = getMinutes(actor, id);
  const published = publicationOfMinutes(m.id);
  const file = published ? publishedFile(published.code) : undefined;
  if (file) {
    // Once published, the PDF of the berita acara is the sealed (or scanned) file itself.
    return new Response(new Uint8Array(file.bytes), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="berita-acara-${m.id}.pdf"`, "Cache-Control": "private, no-store" },
    });
  }
  if (m.status === "diajukan") {
    // Submitted: the frozen version the commissioners review and sign.
    const frozen = frozenVersion(actor, m);
    const pdf = await renderDocument(snapshotRenderInput(frozen.content));
    return new Response(new Uint8Array(pdf), {
      headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${frozen.content.fileName}"`, "Cache-Control": "private, no-store" },
    });
  }
  const notes = versionsOf(m.id).find((v) => v.version.version === m.currentVersion)?.version.notes ?? "";
  const { pdf, fileName } = await minutesPdf(actor, m.meetingId, m.number, notes);
  return new Response(new Uint8Array(pdf), {
    headers: { "Content-Type": "application/pdf", "Content-Disposition": `inline; filename="${fileName}"`, "Cache-Control": "private, no-store" },
  });
}
