import { describe, expect, it } from "vitest";
import { readEnv, trustProxyValue } from "../../app/env.server";

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

  it("production demands HTTPS and always logs requests", () => {
    const base = { PLENO_MODE: "production", SESSION_SECRET: "x".repeat(40) };
    expect(() => readEnv({ ...base, APP_URL: "http://pleno.example.go.id" })).toThrow(/APP_URL: di mode production harus https:\/\//);
    expect(readEnv({ ...base, APP_URL: "https://pleno.example.go.id", LOG_REQUESTS: "0" }).logRequests).toBe(true);
    expect(readEnv({ LOG_REQUESTS: "0" }).logRequests).toBe(false);
    expect(readEnv({}).logRequests).toBe(true);
  });

  it("the number of server processes is a whole number from 1 to 64, named with the reason", () => {
    expect(readEnv({}).PLENO_WORKERS).toBeUndefined(); // one per core, decided at start
    expect(readEnv({ PLENO_WORKERS: "4" }).PLENO_WORKERS).toBe(4);
    expect(() => readEnv({ PLENO_WORKERS: "dua" })).toThrow(/PLENO_WORKERS: harus berupa angka/);
    expect(() => readEnv({ PLENO_WORKERS: "0" })).toThrow(/PLENO_WORKERS: paling sedikit 1/);
    expect(() => readEnv({ PLENO_WORKERS: "1.5" })).toThrow(/PLENO_WORKERS: harus bilangan bulat/);
    expect(() => readEnv({ PLENO_WORKERS: "65" })).toThrow(/PLENO_WORKERS: paling banyak 64/);
  });

  it("proxy, rate limit, SMTP and log settings are checked with a reason in Bahasa Indonesia", () => {
    expect(() => readEnv({ TRUST_PROXY: "ya dong" })).toThrow(/TRUST_PROXY: isi jumlah proxy/);
    expect(() => readEnv({ TOKEN_RATE_LIMIT: "banyak" })).toThrow(/TOKEN_RATE_LIMIT: harus berupa angka/);
    expect(() => readEnv({ TOKEN_RATE_LIMIT: "0" })).toThrow(/TOKEN_RATE_LIMIT: paling sedikit 1/);
    expect(() => readEnv({ SMTP_URL: "http://mail.example.go.id" })).toThrow(/SMTP_URL: harus diawali smtp:\/\/ atau smtps:\/\//);
    expect(() => readEnv({ LOG_REQUESTS: "ya" })).toThrow(/LOG_REQUESTS: isi 1/);
    // Every bad setting is named at once, one line each.
    const message = (() => {
      try {
        readEnv({ PORT: "0", TRUST_PROXY: "??", TOKEN_RATE_LIMIT: "-1" });
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    })();
    expect(message.split("\n").filter((l) => /^ {2}(PORT|TRUST_PROXY|TOKEN_RATE_LIMIT):/.test(l))).toHaveLength(3);
    expect(readEnv({ TOKEN_RATE_LIMIT: "30" }).TOKEN_RATE_LIMIT).toBe(30);
    expect(readEnv({ SMTP_URL: "smtps://u:p@mail.example.go.id:465" }).SMTP_URL).toBe("smtps://u:p@mail.example.go.id:465");
  });

  it("TRUST_PROXY becomes the value Express expects", () => {
    expect(trustProxyValue(undefined)).toBeUndefined();
    expect(trustProxyValue(" ")).toBeUndefined();
    expect(trustProxyValue("1")).toBe(1);
    expect(trustProxyValue("true")).toBe(true);
    expect(trustProxyValue("loopback")).toBe("loopback");
    expect(readEnv({ TRUST_PROXY: "loopback, 10.0.0.0/8, fd00::/8" }).TRUST_PROXY).toBe("loopback, 10.0.0.0/8, fd00::/8");
  });
});
