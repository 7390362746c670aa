import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { requirePageRole } from "~/server/auth/guard";
import { getDb } from "~/server/db";
import { trackScope } from "~/server/organiser/context";

/** Registrations and their questions hold everyone's personal data: organisers without a track limit only. */
export default async function RegistrationLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole("ORGANISER", "/organiser/registration");
  if ((await trackScope(await getDb(), user)) !== "all") forbidden();
  return children;
}
