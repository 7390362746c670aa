import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { download, formatOf, refused } from "~/app/organiser/export/respond";
import { formatPhone } from "~/server/account/phone";

export const dynamic = "force-dynamic";

const HEADER = [
  "Статус",
  "Место в очереди",
  "ФИО",
  "Почта",
  "Телефон",
  "Организация",
  "Должность",
  "Регион",
  "Категория",
  "С",
];

/** Who holds a seat and who waits for one, for the hall staff (personal data: organisers only). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const format = formatOf(request);
  const { id } = await params;
  try {
    const api = await serverApi();
    const [{ session, people }, t] = await Promise.all([
      api.programmeAdmin.attendees({ sessionId: id }),
      getTranslations(),
    ]);
    const tz = session.edition.timeZone;
    const when = (d: Date) =>
      new Intl.DateTimeFormat("ru-RU", { dateStyle: "short", timeStyle: "short", timeZone: tz }).format(d);
    const rows = people.map((p) => [
      p.status === "booked" ? "записан" : "лист ожидания",
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
    return await download({ title: "Участники", caption: session.title, header: HEADER, rows }, name, format);
  } catch (error) {
    return refused(error, request);
  }
}
