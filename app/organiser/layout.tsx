import type { ReactNode } from "react";
import { requirePageRole } from "~/server/auth/guard";

export default async function OrganiserLayout({ children }: { children: ReactNode }) {
  await requirePageRole("ORGANISER", "/organiser");
  return children;
}
