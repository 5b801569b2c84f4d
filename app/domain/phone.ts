/**
 * Indonesian mobile numbers, as WhatsApp needs them: +62 followed by 8xx…
 * Accepts the ways people write them: 0812-3456-7890, 62812…, +62 812 …, (0812) 3456 7890.
 * Returns null when the text cannot be a mobile number.
 */
export function normaliseWhatsapp(input: string): string | null {
  const digits = input.replace(/[\s\-().]/g, "");
  if (!/^\+?\d+$/.test(digits)) return null;
  let national: string;
  if (digits.startsWith("+62")) national = digits.slice(3);
  else if (digits.startsWith("62")) national = digits.slice(2);
  else if (digits.startsWith("0")) national = digits.slice(1);
  else if (digits.startsWith("8")) national = digits;
  else return null;
  // Mobile numbers start with 8 and have 9 to 12 digits after the country code.
  if (!/^8\d{8,11}$/.test(national)) return null;
  return `+62${national}`;
}

/** "+6281234567890" → "6281234567890", the form wa.me links take. */
export function waMeNumber(normalised: string): string {
  return normalised.replace(/^\+/, "");
}
