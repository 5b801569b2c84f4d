import { Link, useLocation } from "@remix-run/react";
import { formatNumber } from "../domain/format";

/** Previous/next links that keep the other search parameters. */
export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const location = useLocation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const params = new URLSearchParams(location.search);
    params.set("hal", String(p));
    return `${location.pathname}?${params}`;
  };
  return (
    <nav className="pagination" aria-label="Halaman">
      {page > 1 ? <Link to={href(page - 1)}>← Sebelumnya</Link> : null}
      <span>
        Halaman {formatNumber(page)} dari {formatNumber(pages)} ({formatNumber(total)} data)
      </span>
      {page < pages ? <Link to={href(page + 1)}>Berikutnya →</Link> : null}
    </nav>
  );
}

export function pageParam(url: URL): number {
  const n = Number(url.searchParams.get("hal") ?? 1);
  return Number.isSafeInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}
