import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";
import { VERIFY_CODE } from "../domain/signing";
import { requestOrigin } from "../models/audit.server";
import { publishedFile, recordPublicDownload } from "../models/signing.server";

/** Public download of a published berita acara (sealed PDF or scan), exactly the stored bytes. */
export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { access: "public" });
  const code = args.params.code ?? "";
  const file = VERIFY_CODE.test(code) ? publishedFile(code) : undefined;
  if (!file) fail(404, "Kode verifikasi tidak dikenal.");
  if (args.request.method === "GET") recordPublicDownload(file, requestOrigin(args));
  const name = `berita-acara-${file.number.replace(/[^0-9A-Za-z.-]+/g, "-")}.pdf`;
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Content-Length": String(file.bytes.length),
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
