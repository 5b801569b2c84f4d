import { describe, expect, it } from "vitest";
import { locationMarkup, withSelected, type LocationList } from "../../app/domain/location-options";

const list: LocationList = [
  ["33.20.01", "Kedung", [["2001", "Bugel"], ["2002", "Panggung"]]],
  ["33.20.02", "Pecangaan <Kota> & \"Sekitarnya\"", [["2001", "Gemulung's"]]],
];

describe("the kecamatan and desa options of the feedback form", () => {
  it("lists every kecamatan, and every desa under its kecamatan with its full code", () => {
    const { districts, villages } = locationMarkup(list);
    expect(districts).toBe(
      '<option value="">— pilih kecamatan —</option><option value="33.20.01">Kedung</option><option value="33.20.02">Pecangaan &lt;Kota&gt; &amp; &quot;Sekitarnya&quot;</option>',
    );
    expect(villages).toContain('<optgroup label="Kedung"><option value="33.20.01.2001">Bugel</option><option value="33.20.01.2002">Panggung</option></optgroup>');
    expect(villages).toContain('<optgroup label="Pecangaan &lt;Kota&gt; &amp; &quot;Sekitarnya&quot;"><option value="33.20.02.2001">Gemulung&#39;s</option></optgroup>');
  });

  it("is built once per list", () => {
    expect(locationMarkup(list)).toBe(locationMarkup(structuredClone(list)));
  });

  it("marks the chosen option, and only an option that exists", () => {
    const { districts, villages } = locationMarkup(list);
    expect(withSelected(districts, "33.20.02")).toContain('<option value="33.20.02" selected="">Pecangaan');
    expect(withSelected(villages, "33.20.01.2002")).toContain('<option value="33.20.01.2002" selected="">Panggung</option>');
    expect(withSelected(districts, "")).toBe(districts);
    expect(withSelected(districts, "33.20")).toBe(districts);
    const posted = '33.20.01"><script>alert(1)</script>';
    expect(withSelected(districts, posted)).toBe(districts);
    expect(withSelected(districts, "33.20.01").match(/selected/g)).toHaveLength(1);
  });
});
