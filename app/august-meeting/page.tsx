import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/badges";
import { DemoBanner } from "~/app/_components/demo-banner";
import { orNotFound, serverApi } from "~/app/_trpc/server";
import { MeetingAgenda, MeetingAudience } from "~/app/august-meeting/agenda";
import { ApplicationPanel } from "~/app/august-meeting/application-panel";
import { ApplyForm } from "~/app/august-meeting/apply-form";
import { MeetingDetails } from "~/app/august-meeting/meeting-details";
import type { MeetingView } from "~/server/meeting/service";
import { zonedTimeToUtc } from "~/server/programme/time";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("meeting");
  return { title: t("pageTitle") };
}

const card = "mt-8 rounded-lg border border-slate-200 bg-white p-4 sm:p-6";

export default async function AugustMeetingPage() {
  const api = await serverApi();
  const [view, t, format] = await Promise.all([orNotFound(api.meeting.view()), getTranslations(), getFormatter()]);
  const tz = view.edition.timeZone;
  return (
    <article>
      <DemoBanner show={view.session?.isDemo ?? false} />
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span>{t("formats.MEETING")}</span>
        <Badge tone="violet">{t("session.closed")}</Badge>
      </div>
      <h1 className="mt-1 text-2xl font-bold leading-tight sm:text-3xl">{t("meeting.title")}</h1>
      <p className="mt-2 text-slate-700">
        {view.session
          ? t("meeting.lead", {
              day: format.dateTime(zonedTimeToUtc(view.session.day, "12:00", tz), {
                day: "numeric",
                month: "long",
                weekday: "long",
                timeZone: tz,
              }),
            })
          : t("meeting.leadNoSession")}
      </p>
      {view.session && (
        <p className="mt-1 text-sm">
          <Link href={`/sessions/${view.session.id}`} className="text-brand-700 underline hover:text-brand-900">
            {t("meeting.toSession")}
          </Link>
        </p>
      )}
      {view.session?.status === "CANCELLED" && (
        <p className="mt-3 rounded-md bg-red-50 p-3 text-red-900">{t("session.cancelledNote")}</p>
      )}

      {view.details ? (
        <MeetingDetails details={view.details} timeZone={tz} />
      ) : (
        <p className="mt-4 rounded-md bg-violet-50 p-3 text-violet-900">{t("meeting.detailsHidden")}</p>
      )}

      <MeetingAgenda />
      <MeetingAudience />

      <section id="apply" aria-labelledby="apply-title" className={card}>
        <h2 id="apply-title" className="text-lg font-bold">
          {view.viewer?.application ? t("meetingMy.title") : t("meetingApply.title")}
        </h2>
        <ApplySection view={view} t={t} />
      </section>
    </article>
  );
}

type T = Awaited<ReturnType<typeof getTranslations>>;

/** What the person can do here: sign in, apply, see their application, or why they cannot apply. */
function ApplySection({ view, t }: { view: MeetingView; t: T }) {
  const viewer = view.viewer;
  if (!viewer) {
    return (
      <p className="mt-2">
        {t("meetingApply.guest")}{" "}
        <Link href="/signin?next=%2Faugust-meeting%23apply" className="font-medium text-brand-700 underline">
          {t("meetingApply.signIn")}
        </Link>{" "}
        {t("meetingApply.or")}{" "}
        <Link href="/register" className="font-medium text-brand-700 underline">
          {t("meetingApply.register")}
        </Link>
        .
      </p>
    );
  }
  if (viewer.application) {
    return <ApplicationPanel application={viewer.application} delegation={viewer.delegation} showMeetingLink={false} />;
  }
  if (viewer.eligibility === "ok") {
    return (
      <>
        <p className="mt-1 text-sm text-slate-700">{t("meetingApply.lead")}</p>
        <ApplyForm
          region={viewer.registration?.regionName ?? ""}
          organisation={viewer.registration?.organisation ?? ""}
          position={viewer.registration?.position ?? ""}
        />
      </>
    );
  }
  const fix =
    viewer.eligibility === "noRegistration"
      ? { href: "/register", label: t("meetingApply.register") }
      : viewer.eligibility === "category" || viewer.eligibility === "noRegion"
        ? { href: "/account", label: t("meetingApply.toAccount") }
        : null;
  return (
    <div className="mt-2 space-y-2">
      {viewer.staff && (
        <p>
          <Link href="/organiser/august-meeting" className="font-medium text-brand-700 underline">
            {t("meetingApply.toConsole")}
          </Link>
        </p>
      )}
      {!(viewer.staff && viewer.eligibility === "noRegistration") && (
        <p className="text-slate-800">{t(`meetingErrors.${viewer.eligibility}`)}</p>
      )}
      {fix && !viewer.staff && (
        <Link href={fix.href} className="inline-block font-medium text-brand-700 underline">
          {fix.label}
        </Link>
      )}
    </div>
  );
}
