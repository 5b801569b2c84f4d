/** Only a path on this site: "/rapat?x=1" yes; "//evil.example", "https://…", "/\\evil" no. */
export function safeRedirect(to: unknown, fallback = "/dasbor"): string {
  if (typeof to !== "string" || to.length > 500) return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\\]/.test(to)) return fallback;
  try {
    const url = new URL(to, "http://pleno.invalid");
    if (url.origin !== "http://pleno.invalid") return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
