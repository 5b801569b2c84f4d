import type { LoaderFunctionArgs } from "@remix-run/node";
import { guard } from "../auth/guard.server";
import { kabkotaNames } from "../models/office-directory.server";

/**
 * The names of all kabupaten/kota offices for the board's office pickers, fetched by the page once
 * it runs (so the page itself stays small); without JavaScript the pickers take a typed code or name.
 */
export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { access: "public" });
  return new Response(JSON.stringify(kabkotaNames()), {
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
