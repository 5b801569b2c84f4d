import { unstable_parseMultipartFormData as parseMultipartFormData, type UploadHandler } from "@remix-run/node";

export const TOO_LARGE = "application/x-pleno-too-large";

/**
 * Reads the feedback form: text fields bounded, each file bounded. An oversized file is not an
 * error that loses the form: it comes back as an empty File marked TOO_LARGE, so the action can
 * answer with the message next to the field and everything typed kept.
 */
export async function readFeedbackForm(request: Request, fileLimit: number): Promise<FormData> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return request.formData();
  const handler: UploadHandler = async ({ filename, contentType, data }) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const limit = filename ? fileLimit : 64 * 1024;
    for await (const chunk of data) {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    }
    if (!filename) return size <= limit ? new TextDecoder().decode(Buffer.concat(chunks)) : "";
    if (size > limit) return new File([], filename, { type: TOO_LARGE });
    return new File([Buffer.concat(chunks)], filename, { type: contentType });
  };
  return parseMultipartFormData(request, handler);
}
