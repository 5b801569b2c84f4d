import { z } from "zod";

/**
 * Settings come from the environment and are checked once, at start.
 * Demo mode (the default) fills safe settings for a laptop; production demands them.
 */
const schema = z
  .object({
    PLENO_MODE: z.enum(["demo", "production"]).default("demo"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default("0.0.0.0"),
    DATABASE_PATH: z.string().min(1).default("data/pleno.db"),
    DATA_DIR: z.string().min(1).default("data"),
    APP_URL: z.string().url().optional(),
    SESSION_SECRET: z.string().min(32, "SESSION_SECRET harus paling sedikit 32 karakter").optional(),
    SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(7),
    SMTP_URL: z.string().url().optional(),
    MAIL_FROM: z.string().default("Pleno <no-reply@pleno.local>"),
    LOG_REQUESTS: z.enum(["0", "1"]).default("1"),
    /** The offices' PKCS#12 seal certificates: a path where {kode} is the office code (e.g. /etc/pleno/segel/{kode}.p12). */
    SEAL_P12_PATH: z.string().min(1).optional(),
    SEAL_P12_PASSPHRASE: z.string().min(1).optional(),
  })
  .superRefine((env, ctx) => {
    if (env.PLENO_MODE !== "production") return;
    if (!env.SESSION_SECRET)
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "wajib di mode production (min. 32 karakter acak)" });
    if (!env.APP_URL)
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "wajib di mode production (alamat publik, mis. https://pleno.kpu.go.id)" });
  });

export type Env = z.infer<typeof schema> & { SESSION_SECRET: string; APP_URL: string; isDemo: boolean };

let cached: Env | undefined;

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Pengaturan lingkungan tidak valid:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const isDemo = env.PLENO_MODE === "demo";
  return {
    ...env,
    isDemo,
    // Demo mode: a fixed, clearly-labelled secret so links survive restarts on a laptop.
    SESSION_SECRET: env.SESSION_SECRET ?? "pleno-demo-secret-do-not-use-in-production-0000",
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
  };
}

export function env(): Env {
  cached ??= readEnv();
  return cached;
}
