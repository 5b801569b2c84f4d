import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { guard } from "../auth/guard.server";

export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "public" });
  throw redirect(actor ? "/dasbor" : "/masuk");
}
