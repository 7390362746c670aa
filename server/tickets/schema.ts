import { z } from "zod";

export const registrationIdInput = z.object({ registrationId: z.string().trim().min(1).max(64) });
