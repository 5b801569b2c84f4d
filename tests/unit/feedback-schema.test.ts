import { describe, expect, it } from "vitest";
import { sniffAttachment } from "../../app/domain/feedback-schema";
import { feedbackSchema } from "../../app/domain/feedback-schema.server";

const good = {
  responderName: "Arif Wicaksono",
  responderPosition: "Staf Bawaslu",
  stance: "setuju_dengan_catatan",
  points: [{ category: "ganda", districtCode: "33.20.01", villageCode: "", voters: "12", description: "Dua belas pemilih ganda di desa A." }],
};

describe("the shared feedback schema", () => {
  it("accepts a good submission and coerces numbers", () => {
    const r = feedbackSchema.safeParse(good);
    expect(r.success).toBe(true);
    if (r.success) expect(r.data.points[0]).toMatchObject({ voters: 12, villageCode: null });
  });

  it("names every bad field in Bahasa Indonesia", () => {
    const r = feedbackSchema.safeParse({ ...good, responderName: "", stance: "mungkin", points: [{ category: "x", districtCode: "33", voters: "-1", description: "" }] });
    expect(r.success).toBe(false);
    const messages = Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));
    expect(messages).toMatchObject({
      responderName: "Nama wajib diisi.",
      stance: "Pilih sikap Anda terhadap hasil rekapitulasi.",
      "points.0.category": "Pilih kategori.",
      "points.0.districtCode": "Pilih kecamatan.",
      "points.0.voters": "Jumlah pemilih tidak boleh negatif.",
      "points.0.description": "Uraian wajib diisi.",
    });
  });

  it("bounds the number of points and the length of texts", () => {
    const many = { ...good, points: Array.from({ length: 21 }, () => good.points[0]) };
    expect(feedbackSchema.safeParse(many).error?.issues[0].message).toBe("Paling banyak 20 poin.");
    const long = { ...good, points: [{ ...good.points[0], description: "x".repeat(2001) }] };
    expect(feedbackSchema.safeParse(long).error?.issues[0].message).toBe("Uraian paling banyak 2000 karakter.");
    expect(feedbackSchema.safeParse({ ...good, points: [] }).error?.issues[0].message).toBe("Tuliskan paling sedikit satu poin tanggapan.");
  });

  it("recognises attachments by their content, not their name", () => {
    expect(sniffAttachment(new TextEncoder().encode("%PDF-1.7 ..."))).toBe("application/pdf");
    expect(sniffAttachment(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffAttachment(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
    expect(sniffAttachment(new Uint8Array([0x4d, 0x5a, 0x90, 0x00]))).toBeNull(); // a Windows .exe
  });
});
