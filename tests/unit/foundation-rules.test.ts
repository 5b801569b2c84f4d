import { describe, expect, it } from "vitest";
import { normaliseWhatsapp, waMeNumber } from "../../app/domain/phone";
import { provinceDisplayName, regencyCity, regencyDisplayName, timeZoneOfProvince } from "../../app/domain/offices";
import { safeRedirect } from "../../app/lib/safe-redirect";
import { formDataToObject } from "../../app/lib/forms";

describe("WhatsApp numbers", () => {
  it.each([
    ["0812-3456-7890", "+6281234567890"],
    ["+62 812 3456 7890", "+6281234567890"],
    ["6281234567890", "+6281234567890"],
    ["(0812) 3456 789", "+628123456789"],
    ["81234567890", "+6281234567890"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseWhatsapp(input)).toBe(expected);
  });

  it.each(["021-4567890", "12345", "0812abc4567", "+1 202 555 0100", "", "08123"])("%s is not a mobile number", (input) => {
    expect(normaliseWhatsapp(input)).toBeNull();
  });

  it("wa.me takes the number without +", () => {
    expect(waMeNumber("+6281234567890")).toBe("6281234567890");
  });
});

describe("offices", () => {
  it("time zones follow the province", () => {
    expect(timeZoneOfProvince("33")).toBe("Asia/Jakarta");
    expect(timeZoneOfProvince("51")).toBe("Asia/Makassar");
    expect(timeZoneOfProvince("73")).toBe("Asia/Makassar");
    expect(timeZoneOfProvince("91")).toBe("Asia/Jayapura");
    expect(timeZoneOfProvince("96")).toBe("Asia/Jayapura");
  });

  it("names are written as KPU writes them", () => {
    expect(regencyDisplayName("Kota Administrasi Jakarta Utara")).toBe("Kota Jakarta Utara");
    expect(regencyDisplayName("Kabupaten Administrasi Kepulauan Seribu")).toBe("Kabupaten Kepulauan Seribu");
    expect(regencyCity("Kabupaten Jepara")).toBe("Jepara");
    expect(provinceDisplayName("Daerah Khusus Ibukota Jakarta")).toBe("DKI Jakarta");
  });
});

describe("safeRedirect", () => {
  it("keeps local paths", () => {
    expect(safeRedirect("/rapat?tahun=2025#x")).toBe("/rapat?tahun=2025#x");
  });
  it.each(["//evil.example", "https://evil.example", "/\\evil.example", "evil", "/\t/evil.example", null, 42])(
    "refuses %s",
    (input) => {
      expect(safeRedirect(input)).toBe("/dasbor");
    },
  );
});

describe("formDataToObject", () => {
  it("builds nested objects and arrays from dotted names", () => {
    const fd = new URLSearchParams();
    fd.append("name", "A");
    fd.append("points.0.description", "satu");
    fd.append("points.1.description", "dua");
    fd.append("tags", "x");
    fd.append("tags", "y");
    expect(formDataToObject(fd)).toEqual({
      name: "A",
      points: [{ description: "satu" }, { description: "dua" }],
      tags: ["x", "y"],
    });
  });

  it("ignores prototype-polluting names", () => {
    const fd = new URLSearchParams();
    fd.append("__proto__.admin", "1");
    fd.append("a.constructor.prototype.x", "1");
    const out = formDataToObject(fd);
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(out).toEqual({});
  });
});
