import type { Actor } from "../auth/guard.server";
import { periodLabel } from "../domain/recap";
import { areaNames, rowsOf, tmsCategoriesOf, type Recap } from "./recap.server";

/** What the Model A-Rekap PDPB export of a recap needs, and the file name without extension. */
export function recapExportInput(actor: Actor, recap: Recap) {
  const rows = rowsOf(recap.id);
  const names = areaNames(rows.map((r) => r.areaCode));
  const used = new Set(rows.flatMap((r) => Object.keys(r.tms)));
  const categories = tmsCategoriesOf(actor.office.id, false).filter((c) => c.isActive || used.has(c.code));
  return {
    input: {
      officeName: actor.office.name,
      periodLabel: periodLabel(recap.period),
      levelLabel: recap.level === "desa" ? "Desa/Kelurahan" : "Kecamatan",
      categories,
      rows: rows.map((r) => ({ ...r, name: names.get(r.areaCode) ?? r.areaCode })),
    },
    baseName: `model-a-rekap-pdpb-${actor.office.code.replace(/\./g, "")}-${recap.period}-v${recap.version}`,
  };
}
