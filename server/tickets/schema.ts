/** Messages are keys of the "validation" namespace (server/i18n/validation.ts). */
import { z } from "zod";

export const registrationIdInput = z.object({ registrationId: z.string().trim().min(1).max(64) });

export const emailInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ error: "emailEnter" })),
});
