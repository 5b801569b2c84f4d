/**
 * The browser's checker of the formulir tanggapan: the rule table of feedback-schema.ts read by a
 * few lines of plain code, with the messages and the result shape of zod's `safeParse`, so that
 * react-hook-form checks exactly what the server's zod schema checks without zod in the bundle.
 * tests/unit/feedback-rules.test.ts holds the two to the same answers.
 */
import type { FieldError, FieldErrors, FieldValues, Resolver } from "react-hook-form";
import { toNestErrors } from "@hookform/resolvers";
import { FEEDBACK_RULES, textMessages, type FeedbackFormValues, type FeedbackInput, type FieldRule } from "./feedback-schema";

export type Issue = { path: (string | number)[]; message: string };
type Checked = { ok: true; value: unknown } | { ok: false; message: string };

const bad = (message: string): Checked => ({ ok: false, message });
const good = (value: unknown): Checked => ({ ok: true, value });

function checkField(rule: FieldRule, input: unknown): Checked {
  switch (rule.kind) {
    case "text": {
      const m = textMessages(rule);
      if (typeof input !== "string") return bad(m.required);
      const value = input.trim();
      if (value.length < 1) return bad(m.required);
      return value.length > rule.max ? bad(m.tooLong) : good(value);
    }
    case "choice":
      return typeof input === "string" && rule.values.includes(input) ? good(input) : bad(rule.message);
    case "code": {
      if (rule.optional && input === undefined) return good(null);
      if (typeof input !== "string") return bad(rule.message);
      if (rule.optional && input === "") return good(null);
      return rule.pattern.test(input) ? good(input) : bad(rule.message);
    }
    case "count": {
      const m = rule.messages;
      if (typeof input !== "string" && typeof input !== "number") return bad(m.notNumber);
      if (typeof input === "string" && input.trim() === "") return bad(m.required);
      const n = Number(input);
      if (!Number.isFinite(n)) return bad(m.notNumber);
      if (!Number.isInteger(n)) return bad(m.notWhole);
      if (n < rule.min) return bad(m.tooSmall);
      return n > rule.max ? bad(m.tooLarge) : good(n);
    }
    case "flag":
      return good(input === "1" ? "1" : undefined);
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function checkRecord(rules: Record<string, FieldRule>, input: Record<string, unknown>, path: (string | number)[], issues: Issue[]) {
  const out: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(rules)) {
    const r = checkField(rule, input[key]);
    if (r.ok) {
      if (r.value !== undefined) out[key] = r.value;
    } else issues.push({ path: [...path, key], message: r.message });
  }
  return out;
}

/** Same answer as `feedbackSchema.safeParse(values)`: the data, or the issues with their paths. */
export function checkFeedback(values: unknown): { success: true; data: FeedbackInput } | { success: false; error: { issues: Issue[] } } {
  const issues: Issue[] = [];
  if (!isRecord(values)) return { success: false, error: { issues: [{ path: [], message: FEEDBACK_RULES.form }] } };
  const data = checkRecord(FEEDBACK_RULES.fields, values, [], issues);
  const list = FEEDBACK_RULES.points;
  const points = values.points;
  if (!Array.isArray(points)) issues.push({ path: ["points"], message: list.messages.tooFew });
  // Too many points are refused before any is read (zod does the same, so nobody makes it parse a million).
  else if (points.length > list.max) issues.push({ path: ["points"], message: list.messages.tooMany });
  else {
    data.points = points.map((point, i) => {
      if (!isRecord(point)) {
        issues.push({ path: ["points", i], message: list.messages.item });
        return null;
      }
      return checkRecord(FEEDBACK_RULES.point, point, ["points", i], issues);
    });
    if (points.length < list.min) issues.push({ path: ["points"], message: list.messages.tooFew });
  }
  return issues.length ? { success: false, error: { issues } } : { success: true, data: data as FeedbackInput };
}

/** react-hook-form's resolver on `checkFeedback`: the first message per field, nested as RHF keeps them. */
export const feedbackResolver: Resolver<FeedbackFormValues, unknown, FeedbackInput> = (values, _context, options) => {
  const result = checkFeedback(values);
  if (result.success) return { values: result.data, errors: {} };
  const flat: Record<string, FieldError> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    flat[key] ??= { type: "validate", message: issue.message };
  }
  return { values: {}, errors: toNestErrors(flat as FieldErrors<FieldValues>, options) as FieldErrors<FeedbackFormValues> };
};
