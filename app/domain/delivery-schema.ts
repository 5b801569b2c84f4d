import { z } from "zod";
import { DELIVERY_KINDS, DELIVERY_STATUSES } from "../../db/schema/recap";
import { rules } from "../lib/forms";
import { PERIOD_PATTERN } from "./recap";

const count = (label: string) =>
  z
    .string({ error: `${label} wajib diisi.` })
    .trim()
    .regex(/^\d{1,9}$/, `${label} harus bilangan bulat tidak negatif.`)
    .transform(Number);

/** One delivery of stakeholder data (masukan data) for a period. */
export const deliverySchema = z.object({
  period: z.string({ error: "Periode wajib diisi." }).trim().regex(PERIOD_PATTERN, "Periode ditulis seperti 2025-10, 2025-Q2 atau 2025-S1."),
  stakeholderId: z.coerce.number({ error: "Pilih organisasi." }).int().positive("Pilih organisasi."),
  kind: z.enum(DELIVERY_KINDS, { error: "Pilih jenis data." }),
  recordCount: count("Jumlah data"),
  receivedOn: z
    .string({ error: "Tanggal diterima wajib diisi." })
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Tanggal diterima wajib diisi (tttt-bb-hh).")
    .refine((v) => !Number.isNaN(Date.parse(v)), "Tanggal tidak valid."),
  status: z.enum(DELIVERY_STATUSES, { error: "Pilih status." }),
  resultingTms: count("TMS yang dihasilkan"),
  resultingNewVoters: count("Pemilih baru yang dihasilkan"),
  notes: rules.optionalText("Catatan", 1000),
});
export type DeliveryFormInput = z.infer<typeof deliverySchema>;
