import { z } from "zod";
import { MEETING_KINDS } from "../domain/enums";
import { rules } from "../lib/forms";
import { KIND_PERIOD } from "./agenda";
import { parsePeriod } from "./periods";

const time = (label: string) =>
  z.string({ error: `${label} wajib diisi.` }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label} harus berbentuk JJ:MM, mis. 09:00.`);

export const meetingSchema = z
  .object({
    kind: z.enum(MEETING_KINDS, { error: "Pilih jenis rapat." }),
    period: z.string({ error: "Periode wajib diisi." }).trim().refine((v) => parsePeriod(v) !== null, "Periode harus berbentuk 2025-10, 2025-Q4 atau 2025-S2."),
    title: rules.requiredText("Judul rapat", 200),
    date: z.string({ error: "Tanggal wajib diisi." }).regex(/^\d{4}-\d{2}-\d{2}$/, "Tanggal wajib diisi (format TTTT-BB-HH)."),
    startTime: time("Jam mulai"),
    endTime: time("Jam selesai"),
    place: rules.requiredText("Tempat", 200),
    chairMembershipId: z.preprocess((v) => (v === "" || v === undefined ? null : Number(v)), z.number().int().positive().nullable()),
  })
  .superRefine((v, ctx) => {
    const p = parsePeriod(v.period);
    if (p && v.kind !== "other" && p.kind !== KIND_PERIOD[v.kind]) {
      const want = { month: "bulanan (2025-10)", quarter: "triwulanan (2025-Q4)", semester: "semesteran (2025-S2)" }[KIND_PERIOD[v.kind]];
      ctx.addIssue({ code: "custom", path: ["period"], message: `Jenis rapat ini memakai periode ${want}.` });
    }
  });

export const agendaItemSchema = z.object({
  title: rules.requiredText("Judul agenda", 200),
  presenter: rules.optionalText("Penyaji", 120),
  durationMinutes: z.coerce.number({ error: "Durasi harus angka." }).int("Durasi harus bilangan bulat.").min(1, "Durasi minimal 1 menit.").max(600, "Durasi paling lama 600 menit."),
  notes: rules.optionalText("Catatan", 2000),
  outcome: z.preprocess((v) => (v === "" ? null : v), z.enum(["selesai", "belum_selesai"]).nullable().default(null)),
});

export const seriesSchema = z.object({
  kind: z.enum(MEETING_KINDS, { error: "Pilih jenis rangkaian." }),
  title: rules.requiredText("Judul", 200),
  ruleType: z.enum(["nth_weekday", "day_of_month", "last_working_day", "days_after_end"], { error: "Pilih aturan hari." }),
  ruleN: z.coerce.number().int().min(-1).max(5).default(1),
  ruleWeekday: z.coerce.number().int().min(0).max(6).default(1),
  ruleDay: z.coerce.number().int().min(1, "Tanggal 1–31.").max(31, "Tanggal 1–31.").default(25),
  ruleDays: z.coerce.number().int().min(0).max(60).default(7),
  defaultTime: time("Jam"),
  durationMinutes: z.coerce.number().int().min(15, "Durasi minimal 15 menit.").max(720),
  defaultPlace: rules.requiredText("Tempat", 200),
  dueDaysAfterEnd: z.coerce.number({ error: "Batas waktu harus angka." }).int().min(0, "Tidak boleh negatif.").max(90, "Paling lama 90 hari."),
});
