/** Creates the first admin, or promotes an existing account to admin. */
import { randomBytes } from "node:crypto";
import { email as emailSchema, password as passwordSchema } from "~/server/account/schema";
import { hashPassword } from "~/server/auth/password";
import type { Db } from "~/server/db/client";

export type CreateAdminResult = { email: string; created: boolean; generatedPassword: string | null };

export async function createAdmin({
  db,
  email,
  password,
}: {
  db: Db;
  email: string;
  password?: string;
}): Promise<CreateAdminResult> {
  const parsedEmail = emailSchema.safeParse(email);
  if (!parsedEmail.success) throw new Error(`Not an email address: ${email}`);
  const address = parsedEmail.data;
  if (password !== undefined && !passwordSchema.safeParse(password).success) {
    throw new Error("The password must be 10 to 200 characters long.");
  }
  const existing = await db.user.findUnique({ where: { email: address }, select: { id: true } });
  if (existing) {
    await db.user.update({
      where: { id: existing.id },
      data: {
        role: "ADMIN",
        ...(password ? { passwordHash: await hashPassword(password), sessionVersion: { increment: 1 } } : {}),
      },
    });
    return { email: address, created: false, generatedPassword: null };
  }
  const generatedPassword = password ? null : randomBytes(12).toString("base64url");
  await db.user.create({
    data: {
      email: address,
      role: "ADMIN",
      emailVerified: new Date(),
      passwordHash: await hashPassword(password ?? generatedPassword!),
    },
  });
  return { email: address, created: true, generatedPassword };
}
