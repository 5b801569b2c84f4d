/**
 * The kecamatan and desa lists of the feedback form.
 *
 * The loader sends them once, as short tuples (each desa by the last part of its code; the
 * kecamatan's code is its prefix). Server and browser turn them into the `<option>` markup with
 * the same functions here, and the page puts that markup into its selects as HTML: a kabupaten has
 * hundreds of desa, and rendering them as React elements on every request made the page cost
 * several times a bare route.
 */
export type LocationList = [districtCode: string, name: string, villages: [codeSuffix: string, name: string][]][];

export const villageCodeOf = (districtCode: string, suffix: string) => `${districtCode}.${suffix}`;

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]);

const option = (value: string, label: string) => `<option value="${escapeHtml(value)}">${escapeHtml(label)}</option>`;

export type LocationMarkup = { districts: string; villages: string };

const built = new Map<string, LocationMarkup>();

/** The options of both selects, built once per list (an office's list never changes while the server runs). */
export function locationMarkup(list: LocationList): LocationMarkup {
  const key = list.map(([code]) => code).join(",");
  let markup = built.get(key);
  if (!markup) {
    markup = {
      districts: option("", "— pilih kecamatan —") + list.map(([code, name]) => option(code, name)).join(""),
      villages:
        option("", "— seluruh kecamatan —") +
        list
          .map(([district, name, villages]) => `<optgroup label="${escapeHtml(name)}">${villages.map(([suffix, village]) => option(villageCodeOf(district, suffix), village)).join("")}</optgroup>`)
          .join(""),
    };
    built.set(key, markup);
  }
  return markup;
}

/**
 * The options with `value` chosen. Only a value that is one of the options is marked (whatever was
 * posted is never written into the markup); anything else leaves the first, empty option chosen.
 */
export function withSelected(options: string, value: string): string {
  if (!value) return options;
  const attribute = `<option value="${escapeHtml(value)}">`;
  const at = options.indexOf(attribute);
  if (at < 0) return options;
  const end = at + attribute.length - 1;
  return `${options.slice(0, end)} selected="">${options.slice(end + 1)}`;
}
