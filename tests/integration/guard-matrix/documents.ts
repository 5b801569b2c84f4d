import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import type { DB } from "../../../app/db.server";
import { officeByCode } from "../../../db/factories";
import { officeLogos } from "../../../db/schema";
import { only, type RouteCase } from "./types";

/** Office A (Jepara) gets the fixture logo the first time a case needs it; office B has none. */
function withLogoOfA(db: DB) {
  const office = officeByCode(db, "33.20");
  if (!db.select().from(officeLogos).where(eq(officeLogos.officeId, office.id)).get()) {
    const data = fs.readFileSync(path.resolve("tests/fixtures/logo.png"));
    db.insert(officeLogos).values({ officeId: office.id, mediaType: "image/png", width: 240, height: 260, data, sha256: "matrix" }).run();
  }
  return "/pengaturan/dokumen/logo";
}

export const cases: RouteCase[] = [
  { route: "pengaturan.dokumen.tsx", path: "/pengaturan/dokumen", expect: only(200, ["secretariatA", "secretariatB"]) },
  {
    route: "pengaturan.dokumen.tsx",
    path: "/pengaturan/dokumen",
    method: "POST",
    form: { intent: "paper", paper: "A3" },
    expect: only(400, ["secretariatA", "secretariatB"]),
  },
  {
    route: "pengaturan.dokumen.logo.ts",
    path: withLogoOfA,
    expect: only(200, ["secretariatA", "commissionerA"], { secretariatB: 404 }),
  },
];
