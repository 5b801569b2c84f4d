import { formatNumber } from "../domain/format";
import { computeRow, parseCount, sumLP, totalRow, type ComputedRow, type LP, type Problem } from "../domain/recap";

export type GridCategory = { code: string; label: string };
export type GridRow = { line: number; area: string; name: string; cells: Record<string, string> };

const problemKey = (line: number, column: string) => `${line}:${column}`;

/** The editable columns, in the order a row reads and the keyboard walks (down each column). */
export function editableKeys(categories: GridCategory[]) {
  const keys: { key: string; label: string }[] = [];
  keys.push({ key: "previous.l", label: "DPB sebelumnya L" }, { key: "previous.p", label: "DPB sebelumnya P" });
  keys.push({ key: "newVoters.l", label: "Pemilih baru L" }, { key: "newVoters.p", label: "Pemilih baru P" });
  for (const c of categories) keys.push({ key: `tms.${c.code}.l`, label: `TMS ${c.label} L` }, { key: `tms.${c.code}.p`, label: `TMS ${c.label} P` });
  keys.push({ key: "corrections.l", label: "Perbaikan data L" }, { key: "corrections.p", label: "Perbaikan data P" });
  return keys;
}

const lp = (cells: Record<string, string>, key: string): LP => {
  const l = parseCount(cells[`${key}.l`]);
  const p = parseCount(cells[`${key}.p`]);
  return { l: l.ok ? l.value : 0, p: p.ok ? p.value : 0 };
};

function computed(row: GridRow, categories: GridCategory[]): ComputedRow {
  return computeRow({
    areaCode: row.area,
    previous: lp(row.cells, "previous"),
    newVoters: lp(row.cells, "newVoters"),
    tms: Object.fromEntries(categories.map((c) => [c.code, lp(row.cells, `tms.${c.code}`)])),
    corrections: lp(row.cells, "corrections"),
  });
}

function Triple({ v }: { v: LP }) {
  return (
    <>
      <td className="num">{formatNumber(v.l)}</td>
      <td className="num">{formatNumber(v.p)}</td>
      <td className="num">{formatNumber(sumLP(v))}</td>
    </>
  );
}

/**
 * The Model A-Rekap PDPB table. A locked previous DPB (filled from the determined period) is
 * read-only but still posted, so the server checks it like any other cell.
 * Editable: one input per count, named `cell|<i>|<key>`, with tab order
 * down the columns and every problem under its cell. DPB and every L+P are computed, never typed.
 */
export function RecapGrid({
  rows,
  categories,
  problems = [],
  editable,
  previousLocked,
  areaLabel,
  caption,
}: {
  rows: GridRow[];
  categories: GridCategory[];
  problems?: Problem[];
  editable: boolean;
  previousLocked: boolean;
  areaLabel: string;
  caption: string;
}) {
  const byCell = new Map<string, string>();
  for (const p of problems) {
    const k = problemKey(p.row, p.column);
    if (!byCell.has(k)) byCell.set(k, p.message);
  }
  const keys = editableKeys(categories);
  const computedRows = rows.map((r) => computed(r, categories));
  const total = totalRow(computedRows, categories.map((c) => c.code));
  const n = rows.length;

  const input = (row: GridRow, i: number, key: string, label: string) => {
    const message = byCell.get(problemKey(row.line, key));
    const locked = previousLocked && key.startsWith("previous.");
    const col = keys.findIndex((k) => k.key === key);
    const id = `cell-${i}-${key.replace(/\./g, "-")}`;
    return (
      <td className={message ? "cell-bad" : undefined}>
        <input
          id={id}
          name={`cell|${i}|${key}`}
          defaultValue={row.cells[key] ?? ""}
          inputMode="numeric"
          autoComplete="off"
          readOnly={locked}
          tabIndex={locked ? -1 : undefined}
          data-col={col}
          data-row={i}
          aria-label={`${label}, ${row.name}`}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? `${id}-error` : undefined}
        />
        {message ? (
          <span className="cell-error" id={`${id}-error`}>
            {message}
          </span>
        ) : null}
      </td>
    );
  };

  const numberCell = (row: GridRow, i: number, key: string, label: string, value: number) => {
    const message = byCell.get(problemKey(row.line, key));
    if (editable && keys.some((k) => k.key === key)) return input(row, i, key, label);
    return (
      <td className={message ? "num cell-bad" : "num"}>
        {formatNumber(value)}
        {message ? <span className="cell-error">{message}</span> : null}
      </td>
    );
  };

  const pair = (row: GridRow, i: number, key: string, label: string, v: LP) => (
    <>
      {numberCell(row, i, `${key}.l`, `${label} L`, v.l)}
      {numberCell(row, i, `${key}.p`, `${label} P`, v.p)}
    </>
  );
  const tripleWithCheck = (row: GridRow, i: number, key: string, label: string, v: LP) => (
    <>
      {pair(row, i, key, label, v)}
      {numberCell(row, i, `${key}.lp`, `${label} L+P`, sumLP(v))}
    </>
  );

  /**
   * Tab runs down a column (then to the top of the next), as operators key in a recap sheet;
   * Shift+Tab goes back up. Without JavaScript the browser's row order applies.
   */
  const onKeyDown = (event: React.KeyboardEvent<HTMLTableElement>) => {
    const target = event.target as HTMLInputElement;
    if (event.key !== "Tab" || target.dataset.col === undefined) return;
    const col = Number(target.dataset.col);
    const row = Number(target.dataset.row);
    const step = event.shiftKey ? -1 : 1;
    let nextRow = row + step;
    let nextCol = col;
    if (nextRow >= n) [nextRow, nextCol] = [0, col + 1];
    if (nextRow < 0) [nextRow, nextCol] = [n - 1, col - 1];
    const next = event.currentTarget.querySelector<HTMLInputElement>(`input[data-col="${nextCol}"][data-row="${nextRow}"]:not([readonly])`);
    if (next) {
      event.preventDefault();
      next.focus();
      next.select();
    }
  };

  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label="Tabel rekapitulasi, dapat digulir ke samping">
      <table className="recap-grid" onKeyDown={onKeyDown}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th rowSpan={2} scope="col">
              No
            </th>
            <th rowSpan={2} scope="col">
              {areaLabel}
            </th>
            <th colSpan={3} scope="colgroup">
              DPB sebelumnya
            </th>
            <th colSpan={3} scope="colgroup">
              Pemilih baru
            </th>
            {categories.map((c) => (
              <th key={c.code} colSpan={2} scope="colgroup">
                TMS {c.label} <small>({c.code})</small>
              </th>
            ))}
            <th colSpan={3} scope="colgroup">
              Jumlah TMS
            </th>
            <th colSpan={3} scope="colgroup">
              Perbaikan data
            </th>
            <th colSpan={3} scope="colgroup">
              DPB
            </th>
          </tr>
          <tr>
            {["p", "n"].flatMap((g) => ["L", "P", "L+P"].map((s) => <th key={g + s} scope="col" className="num">{s}</th>))}
            {categories.flatMap((c) => ["L", "P"].map((s) => <th key={c.code + s} scope="col" className="num">{s}</th>))}
            {["t", "c", "d"].flatMap((g) => ["L", "P", "L+P"].map((s) => <th key={g + s} scope="col" className="num">{s}</th>))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const c = computedRows[i];
            const areaMessage = byCell.get(problemKey(row.line, "area"));
            return (
              <tr key={`${row.line}-${row.area}`}>
                <td className="num">{i + 1}</td>
                <th scope="row" className={areaMessage ? "cell-bad" : undefined}>
                  {editable ? <input type="hidden" name={`cell|${i}|area`} value={row.area} /> : null}
                  {editable ? <input type="hidden" name={`line|${i}`} value={row.line} /> : null}
                  {row.name}
                  {areaMessage ? <span className="cell-error">{areaMessage}</span> : null}
                </th>
                {tripleWithCheck(row, i, "previous", "DPB sebelumnya", c.previous)}
                {tripleWithCheck(row, i, "newVoters", "Pemilih baru", c.newVoters)}
                {categories.map((cat) => (
                  <PairFragment key={cat.code}>{pair(row, i, `tms.${cat.code}`, `TMS ${cat.label}`, c.tms[cat.code] ?? { l: 0, p: 0 })}</PairFragment>
                ))}
                {tripleWithCheck(row, i, "tmsTotal", "Jumlah TMS", c.tmsTotal)}
                {tripleWithCheck(row, i, "corrections", "Perbaikan data", c.corrections)}
                {tripleWithCheck(row, i, "dpb", "DPB", c.dpb)}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <th scope="row">Jumlah</th>
            <Triple v={total.previous} />
            <Triple v={total.newVoters} />
            {categories.map((cat) => (
              <PairFragment key={cat.code}>
                <td className="num">{formatNumber(total.tms[cat.code]?.l ?? 0)}</td>
                <td className="num">{formatNumber(total.tms[cat.code]?.p ?? 0)}</td>
              </PairFragment>
            ))}
            <Triple v={total.tmsTotal} />
            <Triple v={total.corrections} />
            <Triple v={total.dpb} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}

function PairFragment({ children }: { children: React.ReactNode }) {
  return <>{children}</>;
}

/** The grid's cells from a posted form: `cell|<i>|<key>` and `line|<i>`. */
export function rowsFromForm(formData: FormData): { line: number; cells: Record<string, string> }[] {
  const rows: { line: number; cells: Record<string, string> }[] = [];
  for (const [name, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    const m = /^(cell|line)\|(\d{1,6})(?:\|([A-Za-z0-9.+_-]{1,60}))?$/.exec(name);
    if (!m) continue;
    const i = Number(m[2]);
    rows[i] ??= { line: i + 1, cells: {} };
    if (m[1] === "line") rows[i].line = Number(value) || i + 1;
    else if (m[3]) rows[i].cells[m[3]] = value;
  }
  return rows.filter(Boolean);
}
