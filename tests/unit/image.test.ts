import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { inspectImage } from "../../app/domain/image";

const png = fs.readFileSync(path.resolve("tests/fixtures/logo.png"));
const jpg = fs.readFileSync(path.resolve("tests/fixtures/logo.jpg"));

/** The fixture PNG with other pixel sizes written into its IHDR chunk. */
function pngSized(width: number, height: number) {
  const copy = Buffer.from(png);
  copy.writeUInt32BE(width, 16);
  copy.writeUInt32BE(height, 20);
  return copy;
}

describe("inspectImage reads the type and size from the bytes", () => {
  it("knows PNG and JPEG (baseline, after its JFIF segment) with their pixel sizes", () => {
    expect(inspectImage(png)).toEqual({ ok: true, mediaType: "image/png", width: 240, height: 260 });
    expect(inspectImage(jpg)).toEqual({ ok: true, mediaType: "image/jpeg", width: 240, height: 260 });
  });

  it("refuses other formats and text dressed as an image", () => {
    for (const bytes of [
      Buffer.from("GIF89a\x01\x00\x01\x00"),
      Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"),
      Buffer.from("%PDF-1.7"),
      Buffer.from("BM\x00\x00"),
    ]) {
      expect(inspectImage(bytes)).toEqual({ ok: false, reason: "Berkas bukan gambar PNG atau JPG." });
    }
    expect(inspectImage(new Uint8Array())).toEqual({ ok: false, reason: "Berkas kosong." });
  });

  it("refuses broken headers", () => {
    expect(inspectImage(png.subarray(0, 20))).toMatchObject({ ok: false, reason: "Berkas PNG rusak atau tidak lengkap." });
    expect(inspectImage(jpg.subarray(0, 12))).toMatchObject({ ok: false, reason: "Berkas JPG rusak atau tidak lengkap." });
    const noFrame = Buffer.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 0, 0, 0, 0, 0, 0, 0xff, 0xd9]);
    expect(inspectImage(noFrame)).toMatchObject({ ok: false });
  });

  it("bounds the pixels and the size", () => {
    expect(inspectImage(pngSized(31, 200))).toMatchObject({ ok: false, reason: expect.stringContaining("terlalu kecil (31 × 200") });
    expect(inspectImage(pngSized(32, 32))).toMatchObject({ ok: true });
    expect(inspectImage(pngSized(4000, 4000))).toMatchObject({ ok: true });
    expect(inspectImage(pngSized(4001, 100))).toMatchObject({ ok: false, reason: expect.stringContaining("terlalu besar (4001 × 100") });
    expect(inspectImage(Buffer.concat([png, Buffer.alloc(1024 * 1024)]))).toEqual({ ok: false, reason: "Berkas logo lebih dari 1 MB." });
  });
});
