import { describe, expect, it } from "vitest";
import { readEnv } from "../../app/env.server";

describe("settings", () => {
  it("demo mode needs nothing and says where it serves", () => {
    const env = readEnv({});
    expect(env.isDemo).toBe(true);
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_PATH).toBe("data/pleno.db");
    expect(env.APP_URL).toBe("http://localhost:3000");
  });

  it("production refuses to start without a secret and a public address, naming each", () => {
    expect(() => readEnv({ PLENO_MODE: "production" })).toThrow(/SESSION_SECRET: wajib di mode production/);
    expect(() => readEnv({ PLENO_MODE: "production" })).toThrow(/APP_URL: wajib di mode production/);
  });

  it("bad values are named with the reason", () => {
    expect(() => readEnv({ PORT: "tujuh" })).toThrow(/PORT/);
    expect(() => readEnv({ SESSION_SECRET: "pendek" })).toThrow(/SESSION_SECRET: SESSION_SECRET harus paling sedikit 32 karakter/);
    expect(() => readEnv({ PLENO_MODE: "prod" })).toThrow(/PLENO_MODE/);
  });

  it("production with its settings starts without demo defaults", () => {
    const env = readEnv({ PLENO_MODE: "production", SESSION_SECRET: "x".repeat(40), APP_URL: "https://pleno.example.go.id" });
    expect(env.isDemo).toBe(false);
    expect(env.APP_URL).toBe("https://pleno.example.go.id");
  });
});
