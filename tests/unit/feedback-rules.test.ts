import { describe, expect, it } from "vitest";
import { checkFeedback, feedbackResolver } from "../../app/domain/feedback-check";
import { fieldErrors } from "../../app/lib/form-data";
import { feedbackSchema } from "../../app/domain/feedback-schema.server";

const point = { category: "ganda", districtCode: "33.20.01", villageCode: "", voters: "12", description: "Dua belas pemilih ganda di desa A." };
const good = { responderName: "Arif Wicaksono", responderPosition: "Staf Bawaslu", stance: "setuju_dengan_catatan", points: [point] };
const withPoint = (changes: Record<string, unknown>) => ({ ...good, points: [{ ...point, ...changes }] });

/** Good and bad inputs, as a browser form or a no-JS post can send them. */
const inputs: [string, unknown][] = [
  ["a good form", good],
  ["unknown fields are dropped", { ...good, intent: "save", extra: "x" }],
  ["texts are trimmed", { ...good, responderName: "  Arif  ", responderPosition: "\tStaf\n" }],
  ["an empty name", { ...good, responderName: "" }],
  ["a name of spaces", { ...good, responderName: "   " }],
  ["a missing name", { ...good, responderName: undefined }],
  ["a name sent twice", { ...good, responderName: ["a", "b"] }],
  ["a name of 120 characters", { ...good, responderName: "x".repeat(120) }],
  ["a name of 121 characters", { ...good, responderName: "x".repeat(121) }],
  ["121 characters with spaces around", { ...good, responderName: ` ${"x".repeat(120)} ` }],
  ["a position too long", { ...good, responderPosition: "y".repeat(121) }],
  ["an unknown stance", { ...good, stance: "mungkin" }],
  ["no stance", { ...good, stance: undefined }],
  ["a stance as a number", { ...good, stance: 1 }],
  ["every stance", { ...good, stance: "keberatan" }],
  ["no points", { ...good, points: undefined }],
  ["zero points", { ...good, points: [] }],
  ["points as text", { ...good, points: "banyak" }],
  ["20 points", { ...good, points: Array.from({ length: 20 }, () => point) }],
  ["21 points", { ...good, points: Array.from({ length: 21 }, () => point) }],
  ["21 bad points", { ...good, points: Array.from({ length: 21 }, () => ({ ...point, category: "x" })) }],
  ["a point that is text", { ...good, points: ["x"] }],
  ["a point that is null", { ...good, points: [null] }],
  ["an unknown category", withPoint({ category: "x" })],
  ["no category", withPoint({ category: "" })],
  ["a district too short", withPoint({ districtCode: "33" })],
  ["a district with letters", withPoint({ districtCode: "33.20.0a" })],
  ["no district", withPoint({ districtCode: undefined })],
  ["a district that is a village", withPoint({ districtCode: "33.20.01.2001" })],
  ["a village", withPoint({ villageCode: "33.20.01.2001" })],
  ["no village", withPoint({ villageCode: undefined })],
  ["a bad village", withPoint({ villageCode: "33.20.01" })],
  ["a village as a number", withPoint({ villageCode: 3320012001 })],
  ["voters as a number", withPoint({ voters: 7 })],
  ["voters zero", withPoint({ voters: "0" })],
  ["voters with spaces", withPoint({ voters: " 15 " })],
  ["voters empty", withPoint({ voters: "" })],
  ["voters blank", withPoint({ voters: "  " })],
  ["voters missing", withPoint({ voters: undefined })],
  ["voters negative", withPoint({ voters: "-3" })],
  ["voters a fraction", withPoint({ voters: "2.5" })],
  ["voters a negative fraction", withPoint({ voters: "-2.5" })],
  ["voters words", withPoint({ voters: "dua belas" })],
  ["voters at the maximum", withPoint({ voters: "1000000" })],
  ["voters over the maximum", withPoint({ voters: "1000001" })],
  ["voters a huge fraction", withPoint({ voters: "1000000.5" })],
  ["voters infinite", withPoint({ voters: "Infinity" })],
  ["voters NaN as a number", withPoint({ voters: Number.NaN })],
  ["voters sent twice", withPoint({ voters: ["1", "2"] })],
  ["an empty description", withPoint({ description: "" })],
  ["a description of 2000", withPoint({ description: "d".repeat(2000) })],
  ["a description of 2001", withPoint({ description: "d".repeat(2001) })],
  ["a script in a description", withPoint({ description: "<script>alert(1)</script>" })],
  ["keep the attachment", withPoint({ keepAttachment: "1" })],
  ["an unticked box (react-hook-form)", withPoint({ keepAttachment: false })],
  ["a box with another value", withPoint({ keepAttachment: "ya" })],
  ["everything wrong", { responderName: "", responderPosition: 5, stance: "x", points: [{ category: 1, districtCode: null, villageCode: "x", voters: "-1.5", description: " " }] }],
  ["not an object", "teks"],
  ["null", null],
  ["an array", [good]],
];

type Parsed = { success: true; data: unknown } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
const outcome = (r: Parsed) => (r.success ? { data: r.data } : { errors: fieldErrors(r.error as Parameters<typeof fieldErrors>[0]) });

describe("the browser's checker and the server's zod schema, built from one rule table", () => {
  it.each(inputs)("give the same answer: %s", (_name, input) => {
    const server = outcome(feedbackSchema.safeParse(input) as Parsed);
    const browser = outcome(checkFeedback(input) as Parsed);
    expect(browser).toEqual(server);
  });

  it("the table has good and bad cases, so the comparison is not vacuous", () => {
    const results = inputs.map(([, input]) => checkFeedback(input).success);
    expect(results.filter(Boolean).length).toBeGreaterThan(10);
    expect(results.filter((ok) => !ok).length).toBeGreaterThan(30);
  });

  it("messages are in Bahasa Indonesia, never zod's English defaults", () => {
    for (const [, input] of inputs) {
      const r = feedbackSchema.safeParse(input);
      for (const issue of r.error?.issues ?? []) expect(issue.message).not.toMatch(/invalid|expected|received/i);
    }
  });

  it("an empty number of voters is asked for instead of read as zero", () => {
    expect(checkFeedback(withPoint({ voters: "" }))).toMatchObject({ success: false, error: { issues: [{ path: ["points", 0, "voters"], message: "Jumlah pemilih wajib diisi (tulis 0 bila tidak ada)." }] } });
  });
});

describe("the react-hook-form resolver", () => {
  const options = { fields: {}, shouldUseNativeValidation: false } as Parameters<typeof feedbackResolver>[2];

  it("gives the checked values when the form is good", async () => {
    const r = await feedbackResolver(good as never, undefined, options);
    expect(r).toEqual({ values: feedbackSchema.parse(good), errors: {} });
  });

  it("nests the first message per field as react-hook-form keeps them", async () => {
    const r = await feedbackResolver(withPoint({ voters: "-1.5", description: "" }) as never, undefined, options);
    expect(r.values).toEqual({});
    expect(r.errors).toMatchObject({
      points: [{ voters: { message: "Jumlah pemilih harus bilangan bulat." }, description: { message: "Uraian wajib diisi." } }],
    });
  });
});
