import { z } from "zod";
import { rules } from "../lib/forms";
import { FOLLOW_UP_STATUSES } from "./enums";

/** The secretariat's answer to one feedback point (tindak lanjut). */
export const answerSchema = z.object({
  answer: rules.requiredText("Jawaban", 2000),
  followUpStatus: z.enum(FOLLOW_UP_STATUSES, { error: "Pilih status tindak lanjut." }),
  division: rules.optionalText("Divisi", 120),
});
