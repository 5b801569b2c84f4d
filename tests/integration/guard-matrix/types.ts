import type { DB } from "../../../app/db.server";

/** Who asks: nobody, or a demo account. Office A is Jepara, office B is Cilacap. */
export const PERSONAS = {
  anonymous: null,
  visitor: "tamu.cilacap@pleno.demo",
  participantA: "peserta.jepara@pleno.demo",
  secretariatA: "sekretariat1.jepara@pleno.demo",
  commissionerA: "ketua.jepara@pleno.demo",
  secretariatB: "sekretariat1.cilacap@pleno.demo",
  admin: "admin@pleno.demo",
} as const;
export type Persona = keyof typeof PERSONAS;

/**
 * One request to one route and the status each persona must get.
 * `route` is the file under app/routes; every route file needs at least one case.
 * A path may be computed from the test database (for records of office A).
 */
export type RouteCase = {
  route: string;
  path: string | ((db: DB) => string);
  method?: "GET" | "POST";
  form?: Record<string, string>;
  expect: Record<Persona, number>;
};

/** Shorthands for the common shapes of a row. */
export const everyone = (status: number): Record<Persona, number> => ({
  anonymous: status,
  visitor: status,
  participantA: status,
  secretariatA: status,
  commissionerA: status,
  secretariatB: status,
  admin: status,
});

/** Signed-in users get `status`; anonymous users are sent to /masuk (302). */
export const signedIn = (status: number): Record<Persona, number> => ({ ...everyone(status), anonymous: 302 });

/** Only the listed personas get `ok`; other signed-in users 403; anonymous 302. */
export function only(ok: number, who: Persona[], others: Partial<Record<Persona, number>> = {}): Record<Persona, number> {
  const row = signedIn(403);
  for (const p of who) row[p] = ok;
  return { ...row, ...others };
}
