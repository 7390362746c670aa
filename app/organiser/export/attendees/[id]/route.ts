import { getTranslations } from "next-intl/server";
import { inRequestLocale } from "~/app/_components/request-locale";
import { serverApi } from "~/app/_trpc/server";
import { download, formatOf, refused } from "~/app/organiser/export/respond";
import { formatPhone } from "~/server/account/phone";
import { exportT } from "~/server/i18n/server-messages";
import { currentIntlTag } from "~/server/i18n/translate";

export const dynamic = "force-dynamic";

const HEADER = [
  "status",
  "queuePosition",
  "fullName",
  "email",
  "phone",
  "organisation",
  "position",
  "region",
  "category",
  "since",
] as const;

/** Who holds a seat and who waits for one, for the hall staff (personal data: organisers only). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const format = formatOf(request);
  const { id } = await params;
  return inRequestLocale(async () => {
    try {
      const api = await serverApi();
      const [{ session, people }, t] = await Promise.all([
        api.programmeAdmin.attendees({ sessionId: id }),
        getTranslations(),
      ]);
      const tz = session.edition.timeZone;
      const when = (d: Date) =>
        new Intl.DateTimeFormat(currentIntlTag(), { dateStyle: "short", timeStyle: "short", timeZone: tz }).format(d);
      const rows = people.map((p) => [
        p.status === "booked" ? exportT("booked") : exportT("waitlisted"),
        p.position ?? "",
        p.fullName,
        p.email,
        formatPhone(p.phone),
        p.organisation,
        p.jobTitle,
        p.region,
        p.category ? t(`categories.${p.category}`) : "",
        when(p.since),
      ]);
      const name = `forum-spo-attendees-${session.id}`;
      const header = HEADER.map((k) => exportT(k));
      return await download({ title: exportT("attendeesTitle"), caption: session.title, header, rows }, name, format);
    } catch (error) {
      return refused(error, request);
    }
  });
}
