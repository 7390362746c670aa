import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TRPCError } from "@trpc/server";
import { Badge } from "~/app/_components/badges";
import { serverApi } from "~/app/_trpc/server";
import { resolveClashAction } from "~/app/my/clash/actions";
import { clashPath } from "~/server/booking/rules";
import { getSessionUser } from "~/server/auth/session";
import type { ClashSession, ClashView } from "~/server/booking/clash";
import { formatZonedTime, zoneLabel } from "~/server/programme/time";

type Props = {
  params: Promise<{ a: string; b: string }>;
  searchParams: Promise<{ kept?: string | string[]; refused?: string | string[] }>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("myClash");
  return { title: t("title") };
}

const box = "rounded-lg border p-4";
const button =
  "inline-flex min-h-11 w-full items-center justify-center rounded-md px-4 py-2 text-left text-sm font-semibold break-words whitespace-normal focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 sm:w-auto";
const linkClass = "font-medium text-brand-700 underline hover:text-brand-900";

/** The pair as the person sees it; an id the API refuses outright (too long, empty) is an unknown pair. */
async function loadPair(a: string, b: string): Promise<ClashView> {
  try {
    return await (await serverApi()).booking.clash({ a, b });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "BAD_REQUEST") return { state: "unknown" };
    throw error;
  }
}

/**
 * The one-click swap a clash mail links to: both sessions, and a button for each choice (a
 * form post each: no JavaScript needed). The choice itself is the confirmation — each button
 * names the seat it keeps and the one it cancels.
 */
export default async function ClashPage({ params, searchParams }: Props) {
  const { a, b } = await params;
  const here = clashPath(a, b);
  if (!(await getSessionUser())) redirect(`/signin?next=${encodeURIComponent(here)}`);
  const query = await searchParams;
  const kept = typeof query.kept === "string" ? query.kept : null;
  const refused = query.refused !== undefined;
  const [view, t, format] = await Promise.all([loadPair(a, b), getTranslations("myClash"), getFormatter()]);
  const tb = await getTranslations("booking");

  const when = (s: ClashSession, tz: string) =>
    `${format.dateTime(s.startsAt, { weekday: "long", day: "numeric", month: "long", timeZone: tz })}, ${formatZonedTime(s.startsAt, tz)}–${formatZonedTime(s.endsAt, tz)} ${zoneLabel(tz, s.startsAt, tb("zoneMoscow"))}`;

  // After a choice: the kept seat is held and the other is not (read from the seats, not the link).
  const done =
    view.state === "notYours" && kept
      ? [view.a, view.b].find(
          (s) => s.id === kept && s.booked && [view.a, view.b].some((o) => o.id !== kept && !o.booked),
        )
      : undefined;
  const given = done && view.state !== "unknown" ? (done.id === view.a.id ? view.b : view.a) : undefined;

  return (
    <div className="mx-auto max-w-3xl space-y-6 break-words">
      <h1 className="text-2xl font-bold sm:text-3xl">{done ? t("doneTitle") : t("title")}</h1>

      {done && given ? (
        <p role="status" className={`${box} border-emerald-300 bg-emerald-50 text-emerald-950`}>
          {t("done", { kept: done.title, cancelled: given.title })}
        </p>
      ) : (
        <>
          {refused && (
            <p role="alert" className={`${box} border-amber-400 bg-amber-50 text-amber-950`}>
              {t("refused")}
            </p>
          )}
          {view.state === "clash" ? (
            <p className="text-slate-700">{t("lead")}</p>
          ) : (
            <p role={refused ? undefined : "status"} className={`${box} border-slate-300 bg-white text-slate-800`}>
              {t(view.state)}
            </p>
          )}
        </>
      )}

      {view.state !== "unknown" && (
        <ul className="grid gap-3 sm:grid-cols-2" aria-label={t("title")}>
          {[view.a, view.b].map((s) => (
            <li key={s.id} className={`${box} border-slate-200 bg-white`} data-clash-session={s.id}>
              <h2 className="font-semibold">
                <Link href={`/sessions/${s.id}`} className="text-slate-900 hover:text-brand-700 hover:underline">
                  {s.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-slate-700">{t("when", { when: when(s, view.timeZone) })}</p>
              <p className="text-sm text-slate-700">
                {t("where", { where: s.room ? [s.room.name, s.room.floor].filter(Boolean).join(", ") : t("noRoom") })}
              </p>
              <p className="mt-2 flex flex-wrap gap-2">
                <Badge tone={s.booked ? "slate" : "amber"}>{s.booked ? t("booked") : t("notBooked")}</Badge>
                {s.status === "CANCELLED" && <Badge tone="red">{t("cancelledSession")}</Badge>}
              </p>
            </li>
          ))}
        </ul>
      )}

      {view.state === "clash" && !done && (
        <div role="group" aria-label={t("choiceLabel")} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          {[
            [view.a, view.b],
            [view.b, view.a],
          ].map(([keep, cancel], i) => (
            <form key={keep!.id} action={resolveClashAction}>
              <input type="hidden" name="a" value={a} />
              <input type="hidden" name="b" value={b} />
              <input type="hidden" name="keep" value={keep!.id} />
              <input type="hidden" name="cancel" value={cancel!.id} />
              <button
                type="submit"
                className={`${button} ${i === 0 ? "bg-brand-700 text-white hover:bg-brand-900" : "border border-slate-300 bg-white text-slate-900 hover:border-brand-600 hover:text-brand-700"}`}
              >
                {t("keep", { keep: keep!.title, cancel: cancel!.title })}
              </button>
            </form>
          ))}
        </div>
      )}

      <p>
        <Link href="/my" className={linkClass}>
          {t("toMy")}
        </Link>
      </p>
    </div>
  );
}
