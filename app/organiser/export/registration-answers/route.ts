import { inRequestLocale } from "~/app/_components/request-locale";
import { serverApi } from "~/app/_trpc/server";
import { download, formatOf, refused } from "~/app/organiser/export/respond";
import { filterInput, readFilters } from "~/app/organiser/registration/filters";
import { exportT } from "~/server/i18n/server-messages";
import { currentIntlTag, serverTranslator } from "~/server/i18n/translate";
import { registrationsTable } from "~/server/questions/answers-list";

export const dynamic = "force-dynamic";

const categoryT = serverTranslator("account", "categories");
const listT = serverTranslator("registrationAdmin", "registrationList");

/** The registration list with a column per question, filtered as on /organiser/registration (every page). */
export async function GET(request: Request) {
  const format = formatOf(request);
  const filters = readFilters(new URL(request.url).searchParams);
  return inRequestLocale(async () => {
    try {
      const api = await serverApi();
      const [data, edition] = await Promise.all([
        api.questions.registrations({ ...filterInput(filters), limit: 100_000 }),
        api.programme.edition(),
      ]);
      const when = new Intl.DateTimeFormat(currentIntlTag(), {
        dateStyle: "short",
        timeStyle: "short",
        timeZone: edition.timeZone,
      });
      const table = registrationsTable(data, {
        title: listT("fileTitle"),
        header: {
          fullName: exportT("fullName"),
          email: exportT("email"),
          category: exportT("category"),
          region: exportT("region"),
          status: exportT("registrationStatus"),
          registeredAt: exportT("registeredAt"),
        },
        yes: listT("yes"),
        no: listT("no"),
        category: (c) => categoryT(c as never),
        status: (s) => exportT(`registration${s}`),
        date: (d) => when.format(d),
      });
      return await download(table, "forum-spo-registration-answers", format);
    } catch (error) {
      return refused(error, request);
    }
  });
}
