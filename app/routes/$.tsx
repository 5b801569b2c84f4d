import type { LoaderFunctionArgs } from "@remix-run/node";
import { fail, guard } from "../auth/guard.server";

/** Any address no route claims: the friendly 404 page. */
export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { access: "public" });
  fail(404);
}

export async function action(args: LoaderFunctionArgs) {
  await guard(args, { access: "public" });
  fail(404);
}

export default function NotFound() {
  return null;
}
