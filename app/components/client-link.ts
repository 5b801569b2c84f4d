import type { useNavigate } from "@remix-run/react";
import type { MouseEvent } from "react";

/**
 * What Remix's `<Link>` does on a click, for the links Pleno draws as plain anchors (the main menu,
 * a page's `PageLink`s; decision 0014): a left click without modifier keys, on a link for this
 * window, goes through Remix's navigation, replacing the history entry when the link leads where
 * the page already is; anything else (a new tab, a download target) is left to the browser.
 */
export function followClientSide(
  event: MouseEvent<HTMLAnchorElement>,
  navigate: ReturnType<typeof useNavigate>,
  to: string,
  preventScrollReset?: boolean,
) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.altKey || event.ctrlKey || event.shiftKey) return;
  const link = event.currentTarget;
  if (link.target && link.target !== "_self") return;
  event.preventDefault();
  const url = new URL(link.href);
  const here = window.location;
  navigate(to, { preventScrollReset, replace: url.pathname + url.search + url.hash === here.pathname + here.search + here.hash });
}
