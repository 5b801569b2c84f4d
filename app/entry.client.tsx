import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { DocumentContextValue } from "./components/request-context";

// The server wrote the request id into <html>; the nonce is not readable (and not needed) here.
const requestId = document.documentElement.dataset.requestId ?? "";

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <DocumentContextValue.Provider value={{ requestId, nonce: "" }}>
        <RemixBrowser />
      </DocumentContextValue.Provider>
    </StrictMode>,
  );
});
