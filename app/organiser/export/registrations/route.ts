import { inRequestLocale } from "~/app/_components/request-locale";
import { serverApi } from "~/app/_trpc/server";
import { download, formatOf, refused } from "~/app/organiser/export/respond";
import { registrationTable } from "~/server/export/door-lists";

export const dynamic = "force-dynamic";

/** Every registration of the forum (organisers without a track limit). */
export async function GET(request: Request) {
  const format = formatOf(request);
  return inRequestLocale(async () => {
    try {
      const api = await serverApi();
      const { registrations, timeZone } = await api.programmeAdmin.registrationList();
      return await download(registrationTable(registrations, timeZone), "forum-spo-registrations", format);
    } catch (error) {
      return refused(error, request);
    }
  });
}
