import type { Block } from "../domain/template";

type Table = { columns: { header: string; align?: string }[]; rows: string[][]; boldRows: number[] };

/** A document's blocks as a web page: the same words the PDF prints, in the same order. */
export function DocumentBlocks({ blocks, tables, kop, logo = false }: { blocks: Block[]; tables: Record<string, Table>; kop: string[]; logo?: boolean }) {
  let listNumber = 0;
  return (
    <div className="document">
      {blocks.map((b, i) => {
        switch (b.kind) {
          case "kop":
            return (
              <header key={i} className={logo ? "document__kop document__kop--logo" : "document__kop"}>
                {logo ? <img src="/pengaturan/dokumen/logo" alt="" width={64} height={64} /> : null}
                {kop.map((line) => (
                  <p key={line}>{line}</p>
                ))}
              </header>
            );
          case "heading":
            return (
              <p key={i} className="document__heading">
                {b.text}
              </p>
            );
          case "subheading":
            return (
              <p key={i} className="document__subheading">
                {b.text}
              </p>
            );
          case "right":
            return (
              <p key={i} className="document__right">
                {b.text}
              </p>
            );
          case "paragraph":
            return (
              <p key={i} className="document__paragraph">
                {b.text}
              </p>
            );
          case "lines":
            return (
              <p key={i}>
                {b.lines.map((l, j) => (
                  <span key={j} className="document__line">
                    {l}
                  </span>
                ))}
              </p>
            );
          case "fields":
            return (
              <dl key={i} className="facts">
                {b.rows.map(([k, v]) => (
                  <div key={k} style={{ display: "contents" }}>
                    <dt>{k}</dt>
                    <dd>{v}</dd>
                  </div>
                ))}
              </dl>
            );
          case "list":
            listNumber = 0;
            return (
              <ol key={i}>
                {b.items.map((item, j) => {
                  listNumber++;
                  return (
                    <li key={j} value={listNumber}>
                      {item.text}
                      {item.sub.length ? (
                        <ol type="a">
                          {item.sub.map((s, k) => (
                            <li key={k}>{s}</li>
                          ))}
                        </ol>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            );
          case "table": {
            const t = tables[b.name];
            if (!t) return null;
            return (
              <div key={i} className="table-wrap" tabIndex={0} role="region" aria-label="Tabel dokumen, dapat digulir ke samping">
                <table>
                  <thead>
                    <tr>
                      {t.columns.map((c) => (
                        <th key={c.header} scope="col" className={c.align === "right" ? "num" : undefined}>
                          {c.header}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {t.rows.map((r, j) => (
                      <tr key={j} className={t.boldRows.includes(j) ? "is-total" : undefined}>
                        {r.map((cell, k) => (
                          <td key={k} className={t.columns[k]?.align === "right" ? "num" : undefined}>
                            {cell}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          }
          case "page-break":
            return <hr key={i} className="document__break" />;
          case "space":
            return <div key={i} className="document__space" />;
        }
      })}
    </div>
  );
}
