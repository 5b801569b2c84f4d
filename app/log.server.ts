/** Structured logs: one JSON object a line on stdout (requests) or stderr (errors). */
export function logLine(fields: Record<string, unknown>) {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`);
}

export function logError(error: unknown, fields: Record<string, unknown>) {
  const err = error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error) };
  process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), level: "error", ...fields, error: err })}\n`);
}
