import type { ReactNode } from "react";
import { requirePageRole } from "~/server/auth/guard";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requirePageRole("ADMIN", "/admin/users");
  return children;
}
