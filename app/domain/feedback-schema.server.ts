/**
 * The zod schema the feedback action checks, built from the rule table in feedback-schema.ts.
 * Server-only (the classic compiler leaves *.server modules out of the browser bundle): the
 * browser checks the same table with `checkFeedback` (feedback-check.ts) and downloads no zod.
 */
import {
  array,
  coerce,
  enum as oneOf,
  gte,
  lte,
  maxLength,
  minLength,
  number,
  object,
  optional,
  pipe,
  refine,
  string,
  transform,
  trim,
  union,
  unknown,
} from "zod/mini";
import { FEEDBACK_RULES, textMessages, type ChoiceRule, type CodeRule, type CountRule, type TextRule } from "./feedback-schema";

const textSchema = (rule: TextRule) => {
  const m = textMessages(rule);
  return string({ error: m.required }).check(trim(), minLength(1, m.required), maxLength(rule.max, m.tooLong));
};

const choiceSchema = <T extends string>(rule: ChoiceRule<T>) => oneOf(rule.values as [T, ...T[]], { error: rule.message });

const requiredCodeSchema = (rule: CodeRule) => string({ error: rule.message }).check(refine((v: string) => rule.pattern.test(v), rule.message));

/** An optional code: missing or "" is "not given" (null). */
const optionalCodeSchema = (rule: CodeRule) =>
  pipe(
    optional(string({ error: rule.message })),
    transform((v: string | undefined) => (v ? v : null)),
  ).check(refine((v: string | null) => v === null || rule.pattern.test(v), rule.message));

const codeSchema = <R extends CodeRule>(rule: R) =>
  (rule.optional ? optionalCodeSchema(rule) : requiredCodeSchema(rule)) as R["optional"] extends true
    ? ReturnType<typeof optionalCodeSchema>
    : ReturnType<typeof requiredCodeSchema>;

const countSchema = (rule: CountRule) =>
  pipe(
    union([string(), number()], { error: rule.messages.notNumber }).check(
      refine((v: string | number) => typeof v !== "string" || v.trim() !== "", rule.messages.required),
    ),
    coerce
      .number<string | number>({ error: rule.messages.notNumber })
      .check(
        refine((n: number) => Number.isInteger(n), rule.messages.notWhole),
        gte(rule.min, rule.messages.tooSmall),
        lte(rule.max, rule.messages.tooLarge),
      ),
  );

const flagSchema = () => pipe(optional(unknown()), transform((v: unknown) => (v === "1" ? ("1" as const) : undefined)));

const p = FEEDBACK_RULES.point;
export const pointSchema = object(
  {
    category: choiceSchema(p.category),
    districtCode: codeSchema(p.districtCode),
    villageCode: codeSchema(p.villageCode),
    voters: countSchema(p.voters),
    description: textSchema(p.description),
    keepAttachment: flagSchema(),
  },
  { error: FEEDBACK_RULES.points.messages.item },
);

const f = FEEDBACK_RULES.fields;
const list = FEEDBACK_RULES.points;
export const feedbackSchema = object(
  {
    responderName: textSchema(f.responderName),
    responderPosition: textSchema(f.responderPosition),
    stance: choiceSchema(f.stance),
    points: array(pointSchema, { error: list.messages.tooFew }).check(minLength(list.min, list.messages.tooFew), maxLength(list.max, list.messages.tooMany)),
  },
  { error: FEEDBACK_RULES.form },
);
