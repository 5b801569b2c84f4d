import {
  unstable_createMemoryUploadHandler as createMemoryUploadHandler,
  unstable_parseMultipartFormData as parseMultipartFormData,
  MaxPartSizeExceededError,
} from "@remix-run/node";

export class UploadError extends Error {}

/**
 * Reads a multipart form with one bounded file field. Too large a file or body is refused with a
 * message in Bahasa Indonesia instead of being read into memory.
 */
export async function readUpload(request: Request, maxBytes: number): Promise<FormData> {
  const length = Number(request.headers.get("Content-Length") ?? "0");
  const limitText = `${Math.round(maxBytes / 1024 / 1024)} MB`;
  if (length > maxBytes + 64 * 1024) throw new UploadError(`Berkas terlalu besar (maksimal ${limitText}).`);
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return request.formData();
  try {
    return await parseMultipartFormData(request, createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) throw new UploadError(`Berkas terlalu besar (maksimal ${limitText}).`);
    throw error;
  }
}

/** The bytes as UTF-8 text, or null when they are not text (binary, or another encoding). */
export function asText(bytes: Uint8Array): string | null {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? null : text;
  } catch {
    return null;
  }
}
