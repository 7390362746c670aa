import { getFormatter, getTranslations } from "next-intl/server";
import { Badge } from "~/app/_components/badges";
import { AccreditForm, DeclineForm, SubstitutionForms } from "~/app/organiser/august-meeting/decision-forms";
import { formatPhone } from "~/server/account/phone";
import { forumTimeZone } from "~/server/i18n/config";
import type { listApplications } from "~/server/meeting/reports";
import { ACCREDITABLE, DECLINABLE } from "~/server/meeting/rules";

type Item = Awaited<ReturnType<typeof listApplications>>["items"][number];

const statusTone = {
  SUBMITTED: "amber",
  RESERVE: "amber",
  ACCREDITED: "violet",
  DECLINED: "red",
  WITHDRAWN: "slate",
} as const;

/** One application as the organisers see it: the person, what they sent, and the decisions open on it. */
export async function ApplicationCard({ application: a }: { application: Item }) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const date = (d: Date) =>
    format.dateTime(d, { day: "numeric", month: "short", hour: "2-digit", minute: "2-digit", timeZone: forumTimeZone });
  return (
    <article aria-labelledby={`app-${a.id}`} className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <span className="font-medium text-slate-800">{a.region.name}</span>
        <span>· {t(`meetingDistricts.${a.region.federalDistrict}`)}</span>
        <Badge tone={statusTone[a.status]}>{t(`meetingStatuses.${a.status}`)}</Badge>
        <Badge tone="slate">{t(`meetingRoles.${a.role}`)}</Badge>
      </div>
      <h3 id={`app-${a.id}`} className="mt-1 font-semibold">
        {a.name || a.email}
      </h3>
      <dl className="mt-1 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="sr-only">{t("meetingOrganiser.authority")}</dt>
          <dd>
            {a.authorityName}, {a.position}
          </dd>
        </div>
        <div>
          <dt className="sr-only">{t("meetingOrganiser.contacts")}</dt>
          <dd className="break-all">
            {a.email}
            {a.phone ? `, ${formatPhone(a.phone)}` : ""}
          </dd>
        </div>
        {a.category && a.category !== "REGIONAL_AUTHORITY" && (
          <div className="sm:col-span-2 text-amber-900">
            <dt className="inline">{t("meetingOrganiser.category")}: </dt>
            <dd className="inline">{t(`categories.${a.category}`)}</dd>
          </div>
        )}
        <div className="text-slate-600">
          <dt className="inline">{t("meetingOrganiser.submittedAt")}: </dt>
          <dd className="inline">{date(a.createdAt)}</dd>
        </div>
        {a.decidedAt && (
          <div className="text-slate-600">
            <dt className="inline">{t("meetingOrganiser.decidedAt")}: </dt>
            <dd className="inline">{date(a.decidedAt)}</dd>
          </div>
        )}
      </dl>
      {a.question && (
        <blockquote className="mt-2 border-l-4 border-brand-100 pl-3 text-sm">
          <p className="font-medium">{a.topic ? t(`meetingTopics.${a.topic}`) : t("meetingExport.noTopic")}</p>
          <p className="whitespace-pre-line">{a.question}</p>
        </blockquote>
      )}
      {a.replacesId && <p className="mt-2 text-sm text-slate-600">{t("meetingOrganiser.isSubstitute")}</p>}
      {a.status === "DECLINED" && a.declineReason && (
        <p className="mt-2 text-sm text-red-900">{t("meetingMy.reason", { reason: a.declineReason })}</p>
      )}
      {a.substitute && (
        <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">
            {t("meetingOrganiser.substituteProposed", {
              name: a.substitute.name || a.substitute.email,
              email: a.substitute.email,
            })}
          </p>
          {a.substitute.category && (
            <p>
              {t("meetingOrganiser.category")}: {t(`categories.${a.substitute.category}`)}
            </p>
          )}
          {a.substituteNote && <p>{t("meetingOrganiser.substituteNote", { note: a.substituteNote })}</p>}
        </div>
      )}
      <SubstitutionForms id={a.id} available={a.substitute !== null} />
      <div className="mt-3 flex flex-wrap items-start gap-2">
        <AccreditForm id={a.id} name={a.name || a.email} available={ACCREDITABLE.includes(a.status)} />
        <DeclineForm
          id={a.id}
          name={a.name || a.email}
          revoke={a.status === "ACCREDITED"}
          available={DECLINABLE.includes(a.status)}
        />
      </div>
    </article>
  );
}
