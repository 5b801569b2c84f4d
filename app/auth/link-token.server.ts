import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "../env.server";

/**
 * Unguessable links bound to one record (a feedback invitation, a verification code):
 *   <id>.<version>.<HMAC-SHA256(secret, purpose:id:version)>
 * Nothing secret is stored: the database keeps only the link version, so a link can be shown again
 * and revoked by raising the version.
 */
export type LinkPurpose = "feedback";

function mac(purpose: LinkPurpose, id: number, version: number, secret: string) {
  return createHmac("sha256", secret).update(`${purpose}:${id}:${version}`).digest("base64url");
}

export function makeLinkToken(purpose: LinkPurpose, id: number, version: number, secret = env().SESSION_SECRET) {
  return `${id.toString(36)}.${version.toString(36)}.${mac(purpose, id, version, secret)}`;
}

const TOKEN_SHAPE = /^([0-9a-z]{1,10})\.([0-9a-z]{1,6})\.([A-Za-z0-9_-]{43})$/;

/**
 * The id and version a token claims, only when its MAC is right (compared in constant time).
 * The caller must still check that the version is the record's current one.
 */
export function readLinkToken(purpose: LinkPurpose, token: string, secret = env().SESSION_SECRET) {
  const m = TOKEN_SHAPE.exec(token);
  if (!m) return null;
  const id = parseInt(m[1], 36);
  const version = parseInt(m[2], 36);
  const expected = Buffer.from(mac(purpose, id, version, secret));
  const given = Buffer.from(m[3]);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  return { id, version };
}
