import type { ReactElement } from "react";
import { renderToString, type ServerOptions } from "react-dom/server";

/** Markup is handed over in pieces of at least this many characters (the patched renderer's). */
export const PIECE_CHARS = 16_384;

/**
 * A page's document as UTF-8 bytes, `<!DOCTYPE html>` first.
 *
 * React's markup is a rope of thousands of strings, and turning it into bytes first copies it into
 * one flat string. A page of more than 65,536 characters with one character beyond Latin-1 ("—",
 * "≤") makes that string larger than V8's 128 KB limit for an ordinary heap object; each such
 * object is mapped from the system on its own and its pages fault in one by one (about 37 page
 * faults, 0.6–1 ms a request on the reference machine for the board with offices compared). The
 * patched renderer (app/vendor-patches/react-dom+18.3.1.patch) hands the markup over in pieces of
 * about 16,000 characters instead, each encoded on its own into one buffer
 * (docs/decisions/0019-page-bytes-in-pieces.md).
 *
 * Bytes, not a string: the Fetch API would first scan a string body for lone surrogates
 * (USVString) and then encode it through a TextEncoder; Node's Buffer encodes it natively (a lone
 * surrogate becomes U+FFFD either way). React writes each text as one chunk, so a surrogate pair is
 * never split between two pieces.
 */
export function renderPage(element: ReactElement): Buffer<ArrayBuffer> {
  const pieces: string[] = [];
  const rest = renderToString(element, { plenoPieces: pieces } as ServerOptions);
  pieces.push(rest);
  pieces[0] = `<!DOCTYPE html>${pieces[0]}`;
  return utf8Bytes(pieces);
}

/** The pieces' UTF-8 bytes, one after the other, in one buffer. */
export function utf8Bytes(pieces: string[]): Buffer<ArrayBuffer> {
  if (pieces.length === 1) return Buffer.from(pieces[0], "utf8");
  let size = 0;
  for (const piece of pieces) size += Buffer.byteLength(piece, "utf8");
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (const piece of pieces) at += bytes.write(piece, at, "utf8");
  return bytes;
}
