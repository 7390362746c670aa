import { z } from "zod";

export const feedbackInput = z.object({
  sessionId: z.string().trim().min(1).max(64),
  rating: z.coerce
    .number({ error: "Выберите оценку от 1 до 5." })
    .int({ error: "Выберите оценку от 1 до 5." })
    .min(1, { error: "Выберите оценку от 1 до 5." })
    .max(5, { error: "Выберите оценку от 1 до 5." }),
  comment: z.string().trim().max(2000, { error: "Комментарий — не длиннее 2000 символов." }).default(""),
});
