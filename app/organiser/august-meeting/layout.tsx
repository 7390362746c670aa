import { forbidden } from "next/navigation";
import type { ReactNode } from "react";
import { requirePageRole } from "~/server/auth/guard";
import { getDb } from "~/server/db";
import { trackScope } from "~/server/organiser/context";

/** The August meeting's console holds delegates' personal data: organisers without a track limit only. */
export default async function MeetingConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requirePageRole("ORGANISER", "/organiser/august-meeting");
  if ((await trackScope(await getDb(), user)) !== "all") forbidden();
  return children;
}
