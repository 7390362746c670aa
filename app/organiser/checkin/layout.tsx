import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { requirePageRole } from "~/server/auth/guard";
import { getDb } from "~/server/db";
import { trackScope } from "~/server/organiser/context";

/** Check-in across the whole forum and the staff's roles: organisers without a track limit only. */
export default async function CheckinConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole("ORGANISER", "/organiser/checkin");
  if ((await trackScope(await getDb(), user)) !== "all") forbidden();
  return children;
}
