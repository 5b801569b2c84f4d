import { z } from "zod";
import { COMMISSIONER_POSITIONS, ROLES } from "../domain/enums";
import { rules } from "../lib/forms";

const optionalChoice = <T extends readonly [string, ...string[]]>(values: T, message: string) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: message }).optional());

const newPassword = z
  .string()
  .max(200, "Kata sandi terlalu panjang.")
  .optional()
  .transform((v) => v ?? "")
  .refine((v) => v === "" || v.length >= 10, "Kata sandi minimal 10 karakter, atau kosongkan agar dibuatkan otomatis.");

/** An account with its membership in one office, created by an admin. */
export const newAccountSchema = z
  .object({
    name: rules.requiredText("Nama", 120),
    email: rules.email(),
    password: newPassword,
    role: z.enum(ROLES, { error: "Pilih peran dari daftar." }),
    position: optionalChoice(COMMISSIONER_POSITIONS, "Pilih jabatan ketua atau anggota."),
    division: rules.optionalText("Divisi", 120),
    title: rules.optionalText("Jabatan", 120),
    stakeholderId: z.preprocess((v) => (v === "" || v === undefined ? undefined : Number(v)), z.number().int().positive().optional()),
  })
  .superRefine((v, ctx) => {
    if (v.role === "commissioner" && !v.position)
      ctx.addIssue({ code: "custom", path: ["position"], message: "Komisioner harus berjabatan ketua atau anggota." });
    if (v.role === "participant" && !v.stakeholderId)
      ctx.addIssue({ code: "custom", path: ["stakeholderId"], message: "Peserta harus terhubung ke organisasi pemangku kepentingan." });
  });
export type NewAccountInput = z.infer<typeof newAccountSchema>;

export const changePasswordSchema = z
  .object({
    current: z.string({ error: "Kata sandi saat ini wajib diisi." }).min(1, "Kata sandi saat ini wajib diisi.").max(200),
    next: z.string({ error: "Kata sandi baru wajib diisi." }).min(10, "Kata sandi baru minimal 10 karakter.").max(200, "Kata sandi terlalu panjang."),
    confirm: z.string().optional(),
  })
  .refine((v) => v.next === v.confirm, { path: ["confirm"], message: "Konfirmasi tidak sama dengan kata sandi baru." });
