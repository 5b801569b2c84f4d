import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const TMP = path.join(ROOT, "tests/.tmp");
/** A migrated database with reference data and the demo seed, built once per test run. */
export const TEMPLATE_DB = path.join(TMP, "template.db");
