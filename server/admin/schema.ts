import { z } from "zod";

export const userListInput = z.object({
  q: z.string().trim().max(100).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
});
export type UserListInput = z.output<typeof userListInput>;

export const setRoleInput = z.object({
  userId: z.string().trim().min(1).max(64),
  role: z.enum(["PARTICIPANT", "ORGANISER"], { error: "roleInvalid" }),
});
export type SetRoleInput = z.infer<typeof setRoleInput>;
