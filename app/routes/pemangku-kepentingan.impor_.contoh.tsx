import type { LoaderFunctionArgs } from "@remix-run/node";
import { guard } from "../auth/guard.server";
import { EXAMPLE_CSV } from "../domain/stakeholder-import";

/** The example file for the stakeholder import, with the right header and two rows. */
export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { roles: ["secretariat"] });
  return new Response(`\uFEFF${EXAMPLE_CSV}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="contoh-pemangku-kepentingan.csv"',
    },
  });
}
