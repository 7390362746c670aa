/** Messages are keys of the "validation" namespace (server/i18n/validation.ts). */
import { z } from "zod";
import { parseDoor } from "~/server/checkin/rules";

const doorField = z
  .string()
  .trim()
  .max(80)
  .refine((v) => parseDoor(v) !== null, { error: "doorRequired" });

export const doorInput = z.object({ door: doorField });

export const scanInput = z.object({
  door: doorField,
  /** The device's own name, shown to other devices on «уже отмечен». */
  device: z.string().trim().min(1, { error: "deviceRequired" }).max(40, { error: "deviceTooLong" }),
  scans: z
    .array(
      z.object({
        /** Made by the device (UUID): a re-sent scan is recognised by it. */
        id: z.uuid({ error: "scanIdInvalid" }),
        /** SHA-256 (hex) of the QR code's text. */
        ticketHash: z.string().regex(/^[0-9a-f]{64}$/, { error: "notTicket" }),
        scannedAt: z.coerce.date(),
        walkIn: z.boolean().default(false),
      }),
    )
    .min(1)
    .max(200),
});
export type ScanInput = z.infer<typeof scanInput>;

export const changesInput = z.object({ door: doorField, since: z.coerce.date().optional() });

export const findInput = z.object({
  door: doorField,
  q: z.string().trim().min(2, { error: "searchTooShort" }).max(100, { error: "notLonger" }),
});

export const undoInput = z.object({ checkInId: z.string().trim().min(1).max(64) });

export const staffInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .pipe(z.email({ error: "emailEnter" })),
  staff: z.boolean(),
});

export const recentInput = z.object({ door: doorField.optional(), page: z.number().int().min(1).max(1000).default(1) });

export const noShowInput = z.object({
  sessionId: z.string().trim().min(1).max(64),
  minutes: z
    .number({ error: "minutesNumber" })
    .int({ error: "minutesInteger" })
    .min(1, { error: "minutesMin" })
    .max(600, { error: "minutesMax" })
    .nullable(),
});
