/** What the HTTP server hands every loader and action besides the request. */
export type RequestContext = {
  requestId: string;
  /** The client's address as the server (or the trusted proxy) saw it. */
  ip: string;
  /** CSP nonce for inline scripts of this response. */
  nonce: string;
  /** Filled by the guard so that the request's log line names the office and user. */
  log?: { office?: string; user?: number };
};

declare module "@remix-run/server-runtime" {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface AppLoadContext extends RequestContext {}
}

export function contextOf(context: unknown): RequestContext {
  const c = (context ?? {}) as Partial<RequestContext>;
  return { requestId: c.requestId ?? "-", ip: c.ip ?? "", nonce: c.nonce ?? "", log: c.log };
}
