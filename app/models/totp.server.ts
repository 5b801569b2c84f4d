/** Optional authenticator (TOTP) of an account: enrolment on /akun, and the check when signing. */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { userTotp, users } from "../../db/schema";
import type { Actor } from "../auth/guard.server";
import { verifyPassword } from "../auth/password.server";
import { db } from "../db.server";
import { env } from "../env.server";
import { base32Decode, base32Encode, matchingStep, otpauthUri } from "../domain/totp";

function key() {
  return createHash("sha256").update(`pleno-totp:${env().SESSION_SECRET}`).digest();
}

function seal(secret: string) {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString("base64url")).join(".");
}

function unseal(stored: string) {
  const [iv, tag, body] = stored.split(".").map((p) => Buffer.from(p, "base64url"));
  const decipher = createDecipheriv("aes-256-gcm", key(), iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
}

function rowOf(userId: number) {
  return db().select().from(userTotp).where(eq(userTotp.userId, userId)).get();
}

export function totpEnabled(userId: number): boolean {
  return !!rowOf(userId)?.enabledAt;
}

/** A pending enrolment: a fresh secret the user adds to their app, shown until confirmed. */
export function pendingEnrolment(actor: Actor, create: boolean) {
  let row = rowOf(actor.user.id);
  if (row?.enabledAt) return null;
  if (!row) {
    if (!create) return null;
    db().insert(userTotp).values({ userId: actor.user.id, secret: seal(base32Encode(randomBytes(20))) }).run();
    row = rowOf(actor.user.id)!;
  }
  const secret = unseal(row.secret);
  return { secret, uri: otpauthUri(secret, actor.user.email) };
}

/** Checks a code of the user's authenticator once: a code (time step) already used is refused. */
export function checkTotp(userId: number, code: string, now = new Date(), requireEnabled = true): boolean {
  const row = rowOf(userId);
  if (!row || (requireEnabled && !row.enabledAt)) return false;
  const step = matchingStep(base32Decode(unseal(row.secret)), code, now);
  if (step === null || (row.lastStep !== null && step <= row.lastStep)) return false;
  db().update(userTotp).set({ lastStep: step }).where(eq(userTotp.userId, userId)).run();
  return true;
}

/** The first correct code turns the authenticator on. */
export function confirmEnrolment(actor: Actor, code: string, now = new Date()) {
  const row = rowOf(actor.user.id);
  if (!row || row.enabledAt) return false;
  if (!checkTotp(actor.user.id, code, now, false)) return false;
  db().update(userTotp).set({ enabledAt: now }).where(eq(userTotp.userId, actor.user.id)).run();
  return true;
}

/** Turning it off needs the password. */
export async function disableTotp(actor: Actor, password: string) {
  const user = db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.user.id)).get();
  if (!user || !(await verifyPassword(user.passwordHash, password))) return false;
  db().delete(userTotp).where(eq(userTotp.userId, actor.user.id)).run();
  return true;
}
