import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { CancelProposalForm, ProposeSubstituteForm, WithdrawForm } from "~/app/august-meeting/application-controls";
import { forumTimeZone } from "~/server/i18n/config";
import { isActive, WITHDRAWABLE } from "~/server/meeting/rules";
import type { DelegateView, MyApplication } from "~/server/meeting/service";

const tone = {
  SUBMITTED: "border-amber-300 bg-amber-50 text-amber-950",
  RESERVE: "border-amber-300 bg-amber-50 text-amber-950",
  ACCREDITED: "border-green-300 bg-green-50 text-green-950",
  DECLINED: "border-red-300 bg-red-50 text-red-950",
  WITHDRAWN: "border-slate-300 bg-slate-100 text-slate-800",
} as const;

/**
 * The person's application: its state in words, what was sent, what happens next, withdrawal,
 * and for the head of a delegation its members with the substitution proposals.
 */
export async function ApplicationPanel({
  application: a,
  delegation,
  showMeetingLink,
}: {
  application: MyApplication;
  delegation: DelegateView[];
  showMeetingLink: boolean;
}) {
  const [t, format] = await Promise.all([getTranslations(), getFormatter()]);
  const date = (d: Date) =>
    format.dateTime(d, { day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone: forumTimeZone });
  return (
    <div className="space-y-4">
      <p role="status" className={`rounded-md border px-4 py-3 ${tone[a.status]}`}>
        <span className="font-semibold">{t("meetingMy.state", { state: t(`meetingStatuses.${a.status}`) })}</span>
        <span className="mt-1 block text-sm">{t(`meetingMy.next.${a.status}`)}</span>
        {a.status === "DECLINED" && a.declineReason && (
          <span className="mt-1 block text-sm">{t("meetingMy.reason", { reason: a.declineReason })}</span>
        )}
      </p>
      <dl className="grid gap-3 text-sm sm:grid-cols-2">
        <Item label={t("meetingMy.region")} value={a.region.name} />
        <Item label={t("meetingMy.role")} value={t(`meetingRoles.${a.role}`)} />
        <Item label={t("meetingMy.authority")} value={a.authorityName} />
        <Item label={t("meetingMy.position")} value={a.position} />
        <Item label={t("meetingMy.submittedAt")} value={date(a.createdAt)} />
        {a.decidedAt && <Item label={t("meetingMy.decidedAt")} value={date(a.decidedAt)} />}
        {a.topic && (
          <Item className="sm:col-span-2" label={t("meetingMy.topic")} value={t(`meetingTopics.${a.topic}`)} />
        )}
        {a.question && <Item className="sm:col-span-2" label={t("meetingMy.question")} value={a.question} />}
      </dl>
      {a.replacesId && <p className="text-sm text-slate-700">{t("meetingMy.replacesNote")}</p>}
      {showMeetingLink && (
        <p>
          <Link href="/august-meeting" className="font-medium text-brand-700 underline hover:text-brand-900">
            {t(a.status === "ACCREDITED" ? "meetingMy.toDetails" : "meetingMy.toMeeting")}
          </Link>
        </p>
      )}
      {a.role === "HEAD" && isActive(a.status) && <Delegation delegation={delegation} t={t} />}
      {WITHDRAWABLE.includes(a.status) && <WithdrawForm />}
    </div>
  );
}

/** One name–value group: a <div> directly inside the <dl> (a wrapper around it breaks the list). */
function Item({ label, value, className }: { label: string; value: string; className?: string }) {
  return (
    <div className={className}>
      <dt className="text-slate-500">{label}</dt>
      <dd className="whitespace-pre-line font-medium text-slate-900">{value}</dd>
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations>>;

function Delegation({ delegation, t }: { delegation: DelegateView[]; t: T }) {
  return (
    <section aria-labelledby="delegation" className="rounded-md border border-slate-200 p-3">
      <h3 id="delegation" className="font-bold">
        {t("meetingMy.delegationTitle")}
      </h3>
      <p className="text-sm text-slate-600">{t("meetingMy.delegationLead")}</p>
      {delegation.length === 0 ? (
        <p className="mt-2 text-sm">{t("meetingMy.delegationEmpty")}</p>
      ) : (
        <ul className="mt-2 divide-y divide-slate-100">
          {delegation.map((d) => (
            <li key={d.id} className="py-2">
              <p className="text-sm">
                <span className="font-medium">{d.name}</span> — {t(`meetingRoles.${d.role}`).toLowerCase()},{" "}
                {t(`meetingStatuses.${d.status}`)}
              </p>
              {d.substituteEmail ? (
                <>
                  <p className="text-sm text-amber-900">
                    {t("meetingMy.proposalPending", { email: d.substituteEmail })}
                  </p>
                  <CancelProposalForm applicationId={d.id} />
                </>
              ) : (
                d.role === "MEMBER" &&
                isActive(d.status) && <ProposeSubstituteForm applicationId={d.id} name={d.name} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
