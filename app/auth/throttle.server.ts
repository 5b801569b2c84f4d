import { eq } from "drizzle-orm";
import { signInThrottle } from "../../db/schema";
import { db } from "../db.server";

/**
 * Failed sign-ins are counted per account and per address inside a window.
 * From the third failure each attempt is slowed; at the limit the key is locked for a while.
 */
export const THROTTLE = {
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  slowAfter: 3,
  accountLimit: 5,
  addressLimit: 20,
  maxDelayMs: 4000,
};

export type ThrottleState = { lockedUntil: Date | null; delayMs: number };

function keys(email: string, ip: string) {
  return { account: `email:${email.toLowerCase()}`, address: `ip:${ip || "unknown"}` };
}

function read(key: string, now: number) {
  const row = db().select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
  if (!row) return { failures: 0, lockedUntil: null as number | null };
  const locked = row.lockedUntil && row.lockedUntil.getTime() > now ? row.lockedUntil.getTime() : null;
  const fresh = now - row.windowStartedAt.getTime() < THROTTLE.windowMs;
  return { failures: fresh || locked ? row.failures : 0, lockedUntil: locked };
}

/** How this attempt must be treated before the password is even checked. */
export function throttleState(email: string, ip: string, now = Date.now()): ThrottleState {
  const k = keys(email, ip);
  const account = read(k.account, now);
  const address = read(k.address, now);
  const lockedUntil = Math.max(account.lockedUntil ?? 0, address.lockedUntil ?? 0);
  const failures = Math.max(account.failures, address.failures - (THROTTLE.addressLimit - THROTTLE.accountLimit));
  const over = failures - THROTTLE.slowAfter + 1;
  return {
    lockedUntil: lockedUntil ? new Date(lockedUntil) : null,
    delayMs: over > 0 ? Math.min(over * 1000, THROTTLE.maxDelayMs) : 0,
  };
}

function bump(key: string, limit: number, now: number) {
  const current = read(key, now);
  const failures = current.failures + 1;
  const lockedUntil = failures >= limit ? new Date(now + THROTTLE.lockMs) : null;
  const windowStartedAt = current.failures === 0 ? new Date(now) : undefined;
  db()
    .insert(signInThrottle)
    .values({ key, failures, windowStartedAt: new Date(now), lockedUntil })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: { failures, lockedUntil, ...(windowStartedAt ? { windowStartedAt } : {}) },
    })
    .run();
}

export function recordFailure(email: string, ip: string, now = Date.now()) {
  const k = keys(email, ip);
  db().transaction(() => {
    bump(k.account, THROTTLE.accountLimit, now);
    bump(k.address, THROTTLE.addressLimit, now);
  });
}

/** A good sign-in clears the account's counter (the address keeps its record). */
export function recordSuccess(email: string, ip: string) {
  db().delete(signInThrottle).where(eq(signInThrottle.key, keys(email, ip).account)).run();
}
