import { z } from "zod";

/**
 * Settings come from the environment and are checked once, at start.
 * Demo mode (the default) fills safe settings for a laptop; production demands them.
 */
/** The most server processes Pleno runs (PLENO_WORKERS, and the default of one per core). */
export const MAX_WORKERS = 64;

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
    SMTP_URL: z
      .string()
      .url("harus berupa alamat, mis. smtps://pengguna:sandi@mail.kpu.go.id:465")
      .refine((v) => /^smtps?:\/\//.test(v), "harus diawali smtp:// atau smtps://")
      .optional(),
    MAIL_FROM: z.string().min(3).default("Pleno <no-reply@pleno.local>"),
    LOG_REQUESTS: z.enum(["0", "1"], { message: "isi 1 (catat setiap permintaan) atau 0" }).default("1"),
    TRUST_PROXY: z
      .string()
      .trim()
      .refine(
        (v) => v === "" || /^(true|false|\d{1,2})$/.test(v) || v.split(",").every((p) => TRUST_TOKEN.test(p.trim())),
        "isi jumlah proxy (mis. 1), loopback, linklocal, uniquelocal, atau alamat IP/CIDR proxy, dipisah koma",
      )
      .optional(),
    TOKEN_RATE_LIMIT: z.coerce
      .number({ message: "harus berupa angka" })
      .int("harus bilangan bulat")
      .min(1, "paling sedikit 1")
      .max(1_000_000_000)
      .default(120),
    /** Server processes that answer requests; by default one per processor core the machine lets Pleno use. */
    PLENO_WORKERS: z.coerce
      .number({ message: "harus berupa angka" })
      .int("harus bilangan bulat")
      .min(1, "paling sedikit 1")
      .max(MAX_WORKERS, `paling banyak ${MAX_WORKERS}`)
      .optional(),
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
    else if (!env.APP_URL.startsWith("https://"))
      ctx.addIssue({ code: "custom", path: ["APP_URL"], message: "di mode production harus https:// (cookie sesi hanya dikirim lewat HTTPS)" });
  });

/** One entry of a TRUST_PROXY list: a named range or an IPv4/IPv6 address with an optional prefix length. */
const TRUST_TOKEN = /^(loopback|linklocal|uniquelocal|[0-9.]{7,15}(\/\d{1,2})?|[0-9a-fA-F:]{2,39}(\/\d{1,3})?)$/;

/** The value Express' "trust proxy" setting takes for a TRUST_PROXY text. */
export function trustProxyValue(text: string | undefined): boolean | number | string | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  const v = text.trim();
  if (v === "true") return true;
  if (v === "false") return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

export type Env = z.infer<typeof schema> & {
  SESSION_SECRET: string;
  APP_URL: string;
  isDemo: boolean;
  /** One log line per request: always in production, LOG_REQUESTS decides in demo mode. */
  logRequests: boolean;
};

let cached: Env | undefined;

/** The session secret of demo mode: fixed and clearly labelled, so links survive restarts on a laptop. */
export const DEMO_SESSION_SECRET = "pleno-demo-secret-do-not-use-in-production-0000";

export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(pengaturan)"}: ${i.message}`);
    throw new Error(`Pengaturan lingkungan tidak valid:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const isDemo = env.PLENO_MODE === "demo";
  return {
    ...env,
    isDemo,
    logRequests: !isDemo || env.LOG_REQUESTS === "1",
    SESSION_SECRET: env.SESSION_SECRET ?? DEMO_SESSION_SECRET,
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
  };
}

export function env(): Env {
  cached ??= readEnv();
  return cached;
}
