"use server";

import { TRPCError } from "@trpc/server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { serverApi } from "~/app/_trpc/server";
import { clashPath } from "~/server/booking/rules";

/**
 * One button of the swap page: keep one seat, give up the other (a plain form post, so it works
 * without JavaScript). Back to the same page: it says what was done, or — refused because the
 * seats changed meanwhile — that nothing was, and how the pair stands now.
 */
export async function resolveClashAction(formData: FormData): Promise<void> {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : "";
  };
  const back = clashPath(field("a"), field("b"));
  const keep = field("keep");
  try {
    await (await serverApi()).booking.resolveClash({ keepSessionId: keep, cancelSessionId: field("cancel") });
  } catch (error) {
    if (error instanceof TRPCError && error.code !== "INTERNAL_SERVER_ERROR") redirect(`${back}?refused=1`);
    throw error;
  }
  revalidatePath("/my");
  redirect(`${back}?kept=${encodeURIComponent(keep)}`);
}
