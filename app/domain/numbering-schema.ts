import { z } from "zod";
import { rules } from "../lib/forms";
import { NUMBER_PLACEHOLDERS, unknownPlaceholders } from "./numbering";

const known = NUMBER_PLACEHOLDERS.map((p) => `{${p}}`).join(", ");

/** An office's number format and classification code, as edited on /pengaturan/dokumen. */
export const numberingSchema = z.object({
  numberFormat: rules.requiredText("Format nomor", 120).superRefine((format, ctx) => {
    const unknown = unknownPlaceholders(format);
    if (unknown.length) ctx.addIssue({ code: "custom", message: `Penanda {${unknown[0]}} tidak dikenal. Yang dikenal: ${known}.` });
    else if (!format.includes("{nomor}")) ctx.addIssue({ code: "custom", message: "Format nomor harus memuat {nomor} (nomor urut register)." });
    else if (!format.includes("{tahun}")) ctx.addIssue({ code: "custom", message: "Format nomor harus memuat {tahun}: register dimulai lagi dari 1 setiap tahun." });
  }),
  classification: rules
    .requiredText("Kode klasifikasi", 30)
    .regex(/^[A-Za-z0-9.-]+$/, "Kode klasifikasi hanya huruf, angka, titik dan tanda hubung (contoh: PL.01.2)."),
});
