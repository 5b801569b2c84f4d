import { json } from "@remix-run/node";
import type { Actor } from "../auth/guard.server";
import { withExtraDelegateRow } from "../components/visit-form";
import { visitSchema, type VisitInput } from "../domain/knowledge-schema";
import { validate, type FieldErrors } from "./forms";
import { hostOfficeProblem } from "../models/visit.server";

export type VisitActionData = { errors?: FieldErrors; values: Record<string, unknown> };

/**
 * The steps a visit report's form takes before it is saved, the same for a new report and an edit:
 * a delegation row added, an unknown command refused, the fields and the host office checked. Either
 * the page's answer (with everything typed kept) or the checked report and the command.
 */
export function readVisitForm(
  actor: Actor,
  values: Record<string, unknown>,
): { answer: ReturnType<typeof json<VisitActionData>> } | { data: VisitInput; intent: "simpan" | "ajukan" } {
  const intent = values.intent;
  if (intent === "tambah-baris") return { answer: json<VisitActionData>({ values: withExtraDelegateRow(values) }) };
  if (intent !== "simpan" && intent !== "ajukan") return { answer: json<VisitActionData>({ errors: { _form: "Perintah tidak dikenal." }, values }, { status: 400 }) };
  const result = validate(visitSchema, values);
  if (!result.ok) return { answer: json<VisitActionData>({ errors: result.errors, values }, { status: 400 }) };
  const problem = hostOfficeProblem(actor, result.data.hostOfficeId);
  if (problem) return { answer: json<VisitActionData>({ errors: { hostOfficeId: problem }, values }, { status: 400 }) };
  return { data: result.data, intent };
}
