import { el, join, text, type Markup } from "./markup";
import { sourceRefMarkup } from "./source-notes";

/** A row as the table shows it: its source's text and its origin's label ("impor"). */
export type RankingRow = { code: string; name: string; rank: number; value: number; source: string; origin: string };

/**
 * The rows of the board's ranking table (up to 50 a page) as markup: rank, office, value and,
 * when the table needs it, each figure's source mark and origin. The viewer's row is marked.
 */
export function rankingRowsMarkup(
  rows: RankingRow[],
  {
    mineCode,
    format,
    notes,
    markEach,
    sourceColumn,
    prefix,
  }: {
    mineCode: string | undefined;
    format: (v: number) => string;
    notes: Map<string, number>;
    markEach: boolean;
    sourceColumn: boolean;
    prefix: string;
  },
): Markup {
  return join(
    rows.map((r) => {
      const mine = r.code === mineCode;
      return el(
        "tr",
        mine ? { class: "is-mine", "aria-current": "true" } : null,
        el("td", { class: "num" }, text(r.rank)),
        el("td", null, text(r.name), mine && el("strong", null, text(" (kantor Anda)"))),
        el("td", { class: "num" }, text(format(r.value))),
        sourceColumn && el("td", null, markEach && sourceRefMarkup(notes.get(r.source), prefix), text(" "), el("small", null, text(r.origin))),
      );
    }),
  );
}
