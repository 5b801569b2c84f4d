import { json, redirect } from "@remix-run/node";
import type { Role } from "../../db/schema";
import { contextOf } from "../context";
import { env } from "../env.server";
import { hashToken, loadSession } from "./session.server";

export type Actor = {
  sessionIdHash: string;
  user: { id: number; name: string; email: string };
  membership: {
    id: number;
    role: Role;
    officeId: number;
    position: "ketua" | "anggota" | null;
    division: string | null;
    title: string;
    stakeholderId: number | null;
  };
  office: {
    id: number;
    code: string;
    name: string;
    regionName: string;
    level: "ri" | "provinsi" | "kabkota";
    parentId: number | null;
    timeZone: "Asia/Jakarta" | "Asia/Makassar" | "Asia/Jayapura";
    city: string;
  };
};

type Args = { request: Request; context?: unknown };

export type GuardPolicy =
  /** Anyone, signed in or not: returns the actor when there is one. */
  | { access: "public" }
  /** Any signed-in user. */
  | { access: "signed-in" }
  /** Signed-in users holding one of these roles in their active membership. */
  | { roles: readonly Role[] };

/** A thrown friendly error page: the root error boundary shows `message` in Bahasa Indonesia. */
export function fail(status: 400 | 403 | 404 | 409 | 410 | 413 | 429, message?: string): never {
  const defaults: Record<number, string> = {
    400: "Permintaan tidak dapat diproses.",
    403: "Anda tidak memiliki hak akses untuk halaman ini.",
    404: "Halaman atau data yang Anda cari tidak ditemukan.",
    409: "Data telah diubah oleh orang lain.",
    410: "Tautan ini sudah tidak berlaku.",
    413: "Berkas terlalu besar.",
    429: "Terlalu banyak permintaan. Silakan coba lagi beberapa saat lagi.",
  };
  throw json({ message: message ?? defaults[status] }, { status });
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** Refuses a state-changing request that a browser sent from another site. */
function checkOrigin(request: Request) {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("Origin");
  const allowed = new Set([new URL(request.url).origin, new URL(env().APP_URL).origin]);
  if (origin && origin !== "null" && allowed.has(origin)) return;
  if (origin) fail(403, "Permintaan dari situs lain ditolak.");
  if (request.headers.get("Sec-Fetch-Site") === "cross-site") fail(403, "Permintaan dari situs lain ditolak.");
}

function toActor(row: NonNullable<ReturnType<typeof loadSession>>, idHash: string): Actor {
  const { user, membership, office } = row;
  return {
    sessionIdHash: idHash,
    user: { id: user.id, name: user.name, email: user.email },
    membership: {
      id: membership.id,
      role: membership.role,
      officeId: membership.officeId,
      position: membership.position,
      division: membership.division,
      title: membership.title,
      stakeholderId: membership.stakeholderId,
    },
    office: {
      id: office.id,
      code: office.code,
      name: office.name,
      regionName: office.regionName,
      level: office.level,
      parentId: office.parentId,
      timeZone: office.timeZone,
      city: office.city,
    },
  };
}

function signInRedirect(request: Request): never {
  const url = new URL(request.url);
  const target = `${url.pathname}${url.search}`;
  throw redirect(`/masuk?redirectTo=${encodeURIComponent(target)}`);
}

/**
 * The root loader and the page's loader of one GET each guard the same request (Remix hands each
 * its own copy of the Request, but the same load context): the session is read once for both.
 * A POST reads it afresh at each call, since its action may sign out or switch the membership
 * before the loaders run.
 */
const sessionsOfRequest = new WeakMap<object, ReturnType<typeof loadSession>>();
function sessionOf(args: Args) {
  const { request, context } = args;
  const sharable = (request.method === "GET" || request.method === "HEAD") && typeof context === "object" && context !== null;
  if (sharable && sessionsOfRequest.has(context)) return sessionsOfRequest.get(context) as ReturnType<typeof loadSession>;
  const row = loadSession(request);
  if (sharable) sessionsOfRequest.set(context, row);
  return row;
}

/**
 * The one way into every loader and action: checks the request's origin (for writes),
 * the session and the role. A missing role answers 403; no session sends to /masuk.
 */
export async function guard(args: Args, policy: { access: "public" }): Promise<Actor | null>;
export async function guard(args: Args, policy: { access: "signed-in" } | { roles: readonly Role[] }): Promise<Actor>;
export async function guard(args: Args, policy: GuardPolicy): Promise<Actor | null> {
  const { request } = args;
  checkOrigin(request);
  const row = sessionOf(args);
  const actor = row ? toActor(row, row.session.idHash) : null;
  const log = contextOf(args.context).log;
  if (log && actor) {
    log.office = actor.office.code;
    log.user = actor.user.id;
  }
  if ("access" in policy && policy.access === "public") return actor;
  if (!actor) signInRedirect(request);
  if ("roles" in policy && !policy.roles.includes(actor.membership.role)) fail(403);
  return actor;
}

/** Records of another office answer 404, as if they did not exist. */
export function requireSameOffice<T extends { officeId: number }>(record: T | undefined | null, actor: Actor): T {
  if (!record || record.officeId !== actor.office.id) fail(404);
  return record;
}

export { hashToken };
