import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { DocumentContextValue } from "./components/request-context";
import { contextOf } from "./context";
import { renderPage } from "./lib/render-page.server";
import { logError } from "./log.server";

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  logError(error, { requestId: contextOf(context).requestId, method: request.method, url: request.url });
};

/**
 * Pleno's pages have no Suspense boundary and no deferred data: each is complete once rendered, so
 * it is rendered to one string and sent as one body (`renderPage`). (Streaming it through React's
 * pipeable stream, a PassThrough and a web ReadableStream cost more server time per request than
 * the render of a small page, and grew with the page's size; see
 * docs/decisions/0012-meeting-page-speed.md.)
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const { requestId, nonce } = contextOf(loadContext);
  const body = renderPage(
    <DocumentContextValue.Provider value={{ requestId, nonce }}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </DocumentContextValue.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  return new Response(body, { headers: responseHeaders, status: responseStatusCode });
}
