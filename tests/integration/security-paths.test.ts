/**
 * Path tricks in uploads: whatever name the browser sends, an attachment is written under a random
 * name inside DATA_DIR/uploads/feedback, its label is a bare file name, and only such random names
 * ever map back to a file. (Downloads of documents are checked per office by the guard matrix.)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "pleno-paths-"));
process.env.DATA_DIR = dataDir;
const { attachmentFile, storeAttachment } = await import("../../app/models/feedback.server");
const { env } = await import("../../app/env.server");

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2]);
const NAMES = ["../../etc/passwd", "..\\..\\windows\\win.ini", "/etc/shadow", "%2e%2e%2f%2e%2e%2fx.png", "C:\\boot.ini", "a/../../../b.png", "\u0000.png", "....//....//x.png", ".png", ""];

describe("path tricks in uploads", () => {
  it("the test writes into its own data directory", () => {
    expect(path.resolve(env().DATA_DIR)).toBe(dataDir);
  });

  it("stores every attachment under a random name inside the uploads folder, with a bare label", () => {
    const folder = path.join(dataDir, "uploads", "feedback");
    for (const name of NAMES) {
      const stored = storeAttachment(PNG, "image/png", name);
      expect(stored.path, name).toMatch(/^[0-9a-f]{32}\.png$/);
      expect(stored.name, name).not.toMatch(/[/\\\u0000]/);
      expect(stored.name.length).toBeGreaterThan(0);
      const file = attachmentFile(stored.path)!;
      expect(path.dirname(file)).toBe(folder);
      expect(fs.readFileSync(file)).toEqual(Buffer.from(PNG));
    }
    // Nothing was written anywhere else.
    expect(fs.readdirSync(dataDir)).toEqual(["uploads"]);
    expect(fs.readdirSync(path.join(dataDir, "uploads"))).toEqual(["feedback"]);
    expect(fs.readdirSync(folder)).toHaveLength(NAMES.length);
  });

  it("maps only random stored names back to files", () => {
    for (const bad of ["../../etc/passwd", "/etc/passwd", "..%2f..%2fetc%2fpasswd", "0123456789abcdef0123456789abcdef.exe", "0123456789abcdef0123456789abcdef.png/../../x", "0123456789ABCDEF0123456789ABCDEF.png", ""]) {
      expect(attachmentFile(bad), bad).toBeNull();
    }
  });
});
