import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { areas } from "../../db/schema";
import { guard } from "../auth/guard.server";
import { db } from "../db.server";
import { childAreas } from "../models/office.server";

/** Public reference data for forms: the kecamatan of a kabupaten/kota, or the desa of a kecamatan. */
export async function loader(args: LoaderFunctionArgs) {
  await guard(args, { access: "public" });
  const code = args.params.code ?? "";
  if (!/^\d{2}(\.\d{2}){0,2}$/.test(code) || !db().select({ code: areas.code }).from(areas).where(eq(areas.code, code)).get()) {
    return json({ message: "Kode wilayah tidak dikenal." }, { status: 404 });
  }
  return json(
    { code, children: childAreas(code).map((a) => ({ code: a.code, name: a.name })) },
    { headers: { "Cache-Control": "public, max-age=86400" } },
  );
}
