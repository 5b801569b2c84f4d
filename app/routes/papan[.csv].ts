import type { LoaderFunctionArgs } from "@remix-run/node";
import { guard } from "../auth/guard.server";
import { periodLabel } from "../domain/metrics";
import { boardQueryFrom, buildBoard } from "../models/board.server";

/** A CSV cell: quoted when needed; a leading =, +, - or @ is defused so spreadsheets do not run it. */
function cell(value: string | number): string {
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The board as it is on screen (same metric, period and filters), one office per line. */
export async function loader(args: LoaderFunctionArgs) {
  const actor = await guard(args, { access: "public" });
  const board = buildBoard(boardQueryFrom(new URL(args.request.url)), actor);
  const header = ["peringkat", "region_code", "office", "period", "period_label", "metric", "value", "source", "origin", "peer_group"];
  const lines = [header.join(",")];
  for (const r of board.ranked)
    lines.push(
      [r.rank, r.code, r.name, r.period, periodLabel(r.period), board.metric.code, r.value, r.source, r.origin, r.peerGroup ?? ""].map(cell).join(","),
    );
  const name = `papan-banding-${board.metric.code}-${board.period ?? "kosong"}.csv`;
  return new Response(`\uFEFF${lines.join("\r\n")}\r\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
