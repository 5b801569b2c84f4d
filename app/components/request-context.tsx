import { createContext, useContext } from "react";

/** Per-response values the server renders into the document (request id, CSP nonce). */
export type DocumentContext = { requestId: string; nonce: string };

export const DocumentContextValue = createContext<DocumentContext>({ requestId: "", nonce: "" });

export function useDocumentContext(): DocumentContext {
  return useContext(DocumentContextValue);
}
