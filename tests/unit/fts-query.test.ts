import { describe, expect, it } from "vitest";
import { buildFtsQuery, MARK_END, MARK_START, MAX_TERMS, queryTerms, splitMarked, stripControlCharacters } from "../../app/domain/fts-query";

describe("FTS5 query builder", () => {
  it("quotes every term and makes it a prefix", () => {
    expect(buildFtsQuery("koordinasi dinas")).toBe('"koordinasi"* "dinas"*');
    expect(buildFtsQuery("Formul")).toBe('"formul"*');
  });

  it("keeps accented letters inside the quoted term (the tokenizer folds them)", () => {
    expect(buildFtsQuery("Pemutakhíran")).toBe('"pemutakhíran"*');
    expect(queryTerms("café SIDALIH")).toEqual(["café", "sidalih"]);
  });

  it("turns FTS syntax and SQL into plain words", () => {
    expect(buildFtsQuery('title:ganda OR "x" NOT (y) NEAR(a b) ^c')).toBe('"title"* "ganda"* "or"* "x"* "not"* "y"* "near"* "a"*');
    expect(buildFtsQuery("'; drop table practices; --")).toBe('"drop"* "table"* "practices"*');
    expect(buildFtsQuery('"*')).toBeNull();
    expect(buildFtsQuery("   ")).toBeNull();
    expect(buildFtsQuery(null)).toBeNull();
  });

  it("bounds the query: at most MAX_TERMS distinct terms, each at most 40 characters", () => {
    const many = Array.from({ length: 30 }, (_, i) => `kata${i}`).join(" ");
    expect(queryTerms(many)).toHaveLength(MAX_TERMS);
    expect(queryTerms("data data DATA")).toEqual(["data"]);
    expect(queryTerms("a".repeat(100))[0]).toHaveLength(40);
    expect(queryTerms("x ".repeat(500)).length).toBe(1);
  });

  it("splits highlighted text into marked and plain parts", () => {
    expect(splitMarked(`Rapat ${MARK_START}pleno${MARK_END} terbuka`)).toEqual([
      { text: "Rapat ", marked: false },
      { text: "pleno", marked: true },
      { text: " terbuka", marked: false },
    ]);
    expect(splitMarked("<b>tanpa tanda</b>")).toEqual([{ text: "<b>tanpa tanda</b>", marked: false }]);
  });

  it("strips the marker characters from user text but keeps new lines", () => {
    expect(stripControlCharacters(`a${MARK_START}b${MARK_END}c\nd\te`)).toBe("abc\nd\te");
  });
});
