/** Cells starting with =, +, - or @ are prefixed so a spreadsheet never runs them as formulas. */
export const safeCell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

/** Byte order mark first, so spreadsheet programs read the CSV as UTF-8. */
export const BOM = "\uFEFF";
