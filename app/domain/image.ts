/**
 * What an uploaded logo really is, read from its bytes (never from its name or the browser's
 * claimed type): PNG or JPEG, with its size in pixels, within the bounds a letterhead needs.
 */
export const LOGO_MAX_BYTES = 1024 * 1024;
export const LOGO_MIN_PIXELS = 32;
export const LOGO_MAX_PIXELS = 4000;

export type ImageInfo = { mediaType: "image/png" | "image/jpeg"; width: number; height: number };
export type ImageCheck = ({ ok: true } & ImageInfo) | { ok: false; reason: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function pngInfo(b: Uint8Array): ImageInfo | null {
  // The IHDR chunk comes first: length 13, type "IHDR", width and height as 32-bit big-endian.
  if (b.length < 33) return null;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const type = String.fromCharCode(b[12], b[13], b[14], b[15]);
  if (view.getUint32(8) !== 13 || type !== "IHDR") return null;
  return { mediaType: "image/png", width: view.getUint32(16), height: view.getUint32(20) };
}

/** Walks the JPEG markers to the first start-of-frame, which holds the height and width. */
function jpegInfo(b: Uint8Array): ImageInfo | null {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    if (marker === 0xff) {
      i += 1;
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      i += 2;
      continue;
    }
    const length = view.getUint16(i + 2);
    if (length < 2) return null;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { mediaType: "image/jpeg", height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    if (marker === 0xd9 || marker === 0xda) return null;
    i += 2 + length;
  }
  return null;
}

export function inspectImage(bytes: Uint8Array): ImageCheck {
  if (bytes.length === 0) return { ok: false, reason: "Berkas kosong." };
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, reason: "Berkas logo lebih dari 1 MB." };
  const isPng = PNG_SIGNATURE.every((v, i) => bytes[i] === v);
  const isJpeg = bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff;
  if (!isPng && !isJpeg) return { ok: false, reason: "Berkas bukan gambar PNG atau JPG." };
  const info = isPng ? pngInfo(bytes) : jpegInfo(bytes);
  if (!info || info.width === 0 || info.height === 0)
    return { ok: false, reason: `Berkas ${isPng ? "PNG" : "JPG"} rusak atau tidak lengkap.` };
  if (info.width < LOGO_MIN_PIXELS || info.height < LOGO_MIN_PIXELS)
    return { ok: false, reason: `Logo terlalu kecil (${info.width} × ${info.height} piksel; minimal ${LOGO_MIN_PIXELS} × ${LOGO_MIN_PIXELS}).` };
  if (info.width > LOGO_MAX_PIXELS || info.height > LOGO_MAX_PIXELS)
    return { ok: false, reason: `Logo terlalu besar (${info.width} × ${info.height} piksel; maksimal ${LOGO_MAX_PIXELS} × ${LOGO_MAX_PIXELS}).` };
  return { ok: true, ...info };
}
