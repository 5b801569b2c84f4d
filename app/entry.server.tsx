import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToString } from "react-dom/server";
import { DocumentContextValue } from "./components/request-context";
import { contextOf } from "./context";
import { logError } from "./log.server";

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  logError(error, { requestId: contextOf(context).requestId, method: request.method, url: request.url });
};

/**
 * Pleno's pages have no Suspense boundary and no deferred data: each is complete once rendered, so
 * it is rendered to one string and sent as one body. (Streaming it through React's pipeable stream,
 * a PassThrough and a web ReadableStream cost more server time per request than the render of a
 * small page, and grew with the page's size; see docs/decisions/0012-meeting-page-speed.md.)
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const { requestId, nonce } = contextOf(loadContext);
  const html = renderToString(
    <DocumentContextValue.Provider value={{ requestId, nonce }}>
      <RemixServer context={remixContext} url={request.url} nonce={nonce} />
    </DocumentContextValue.Provider>,
  );
  responseHeaders.set("Content-Type", "text/html; charset=utf-8");
  // Bytes, not a string: the Fetch API would first scan a string body for lone surrogates
  // (USVString) and then encode it through a TextEncoder, about 60 µs for the meeting page; Node's
  // Buffer encodes it natively (a lone surrogate becomes U+FFFD either way).
  return new Response(Buffer.from(`<!DOCTYPE html>${html}`, "utf8"), { headers: responseHeaders, status: responseStatusCode });
}
