import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { ApplicationPanel } from "~/app/august-meeting/application-panel";
import { MeetingDetails } from "~/app/august-meeting/meeting-details";

/**
 * The August meeting in «Моя программа»: the person's application with its state, or an
 * invitation to apply for those who may. Nothing for everyone else.
 */
export async function AugustApplication() {
  const api = await serverApi();
  const [view, t] = await Promise.all([api.meeting.view().catch(() => null), getTranslations("meetingMy")]);
  const viewer = view?.viewer;
  if (!viewer || (!viewer.application && viewer.eligibility !== "ok")) return null;
  return (
    <section aria-labelledby="august-application" className="rounded-lg border border-violet-200 bg-white p-4">
      <h2 id="august-application" className="text-lg font-bold">
        {t("title")}
      </h2>
      {viewer.application ? (
        <div className="mt-3">
          <ApplicationPanel application={viewer.application} delegation={viewer.delegation} showMeetingLink />
          {/* Accredited: the hours and room, which nobody else is sent. */}
          {view.details && <MeetingDetails details={view.details} timeZone={view.edition.timeZone} />}
        </div>
      ) : (
        <p className="mt-2">
          {t("invite")}{" "}
          <Link href="/august-meeting#apply" className="font-medium text-brand-700 underline hover:text-brand-900">
            {t("inviteLink")}
          </Link>
        </p>
      )}
    </section>
  );
}
