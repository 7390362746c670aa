import { getTranslations } from "next-intl/server";
import { MEETING_TOPICS } from "~/server/meeting/rules";

/** The meeting's agenda, its four topics with a line each. */
export async function MeetingAgenda({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const t = await getTranslations();
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="meeting-agenda" className="mt-8">
      <Heading id="meeting-agenda" className="text-lg font-bold">
        {t("meeting.agendaTitle")}
      </Heading>
      <ol className="mt-3 space-y-3">
        {MEETING_TOPICS.map((topic, i) => (
          <li key={topic} className="flex gap-3 rounded-lg border border-slate-200 bg-white p-3">
            <span aria-hidden className="font-bold text-brand-700">
              {i + 1}.
            </span>
            <span>
              <span className="font-semibold">{t(`meetingTopics.${topic}`)}</span>
              <span className="block text-sm text-slate-600">{t(`meetingTopicNotes.${topic}`)}</span>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Who may attend and how accreditation works. */
export async function MeetingAudience({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const t = await getTranslations("meeting");
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby="meeting-audience" className="mt-8 max-w-3xl">
      <Heading id="meeting-audience" className="text-lg font-bold">
        {t("audienceTitle")}
      </Heading>
      <ul className="mt-3 list-disc space-y-2 pl-5 text-slate-800">
        <li>{t("audienceWho")}</li>
        <li>{t("audienceDelegation")}</li>
        <li>{t("audienceHow")}</li>
        <li>{t("audienceDetails")}</li>
      </ul>
    </section>
  );
}
