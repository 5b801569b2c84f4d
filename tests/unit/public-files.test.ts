import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { publicFileAddresses } from "../../app/http.server";

describe("files served from public/", () => {
  it("are every file outside build/, subfolders included, by their address", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pleno-public-"));
    try {
      fs.writeFileSync(path.join(dir, "favicon.svg"), "<svg/>");
      fs.mkdirSync(path.join(dir, "gambar", "logo"), { recursive: true });
      fs.writeFileSync(path.join(dir, "gambar", "logo", "kpu.png"), "");
      fs.mkdirSync(path.join(dir, "build", "_assets"), { recursive: true });
      fs.writeFileSync(path.join(dir, "build", "_assets", "app.css"), "");
      expect([...publicFileAddresses(dir)].sort()).toEqual(["/favicon.svg", "/gambar/logo/kpu.png"]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
