import { NextResponse } from "next/server";
import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";

export const dynamic = "force-dynamic";

/** The signed-in person's data as a JSON download. */
export async function GET() {
  const api = await serverApi();
  try {
    const data = await api.account.exportData();
    return new NextResponse(JSON.stringify(data, null, 2), {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": 'attachment; filename="forum-spo-my-data.json"',
        "Cache-Control": "no-store",
      },
    });
  } catch {
    const t = await getTranslations("apiErrors");
    return NextResponse.json({ error: t("exportSignIn") }, { status: 401 });
  }
}
