import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { MeetingAgenda, MeetingAudience } from "~/app/august-meeting/agenda";
import type { MeetingView } from "~/server/meeting/service";

/**
 * The August meeting's part of its session page: the agenda, who may attend, and what this
 * person can do (apply, see their application). Materials show for accredited delegates; the
 * page itself hides the time and room from everyone else.
 */
export async function MeetingSessionBlock({ view }: { view: MeetingView }) {
  const t = await getTranslations();
  const viewer = view.viewer;
  const application = viewer?.application ?? null;
  return (
    <section aria-label={t("meeting.blockLabel")} className="mt-6">
      <div className="rounded-lg border border-violet-200 bg-violet-50 p-4 text-violet-950">
        {application ? (
          <p>
            {t("meeting.yourApplication", { state: t(`meetingStatuses.${application.status}`) })}{" "}
            <Link href="/august-meeting#apply" className="font-medium underline">
              {t("meeting.toApplication")}
            </Link>
          </p>
        ) : viewer?.eligibility === "ok" ? (
          <p>
            {t("meeting.eligible")}{" "}
            <Link
              href="/august-meeting#apply"
              className="ml-1 inline-flex rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-900"
            >
              {t("meeting.applyLink")}
            </Link>
          </p>
        ) : (
          <p>
            {t("meeting.howToAttend")}{" "}
            <Link href="/august-meeting" className="font-medium underline">
              {t("meeting.aboutLink")}
            </Link>
          </p>
        )}
        {view.details && (
          <div className="mt-3 border-t border-violet-200 pt-3">
            <h2 className="font-bold">{t("meeting.materialsTitle")}</h2>
            <div className="mt-1 whitespace-pre-line text-sm">
              {view.details.materials.trim() || t("meeting.materialsNone")}
            </div>
          </div>
        )}
      </div>
      <MeetingAgenda />
      <MeetingAudience />
    </section>
  );
}
