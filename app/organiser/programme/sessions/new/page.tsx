import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { ProgrammeNav, one } from "~/app/organiser/programme/_components/ui";
import { sessionFormOptions } from "~/app/organiser/programme/sessions/options";
import { SessionForm } from "~/app/organiser/programme/sessions/session-form";
import { requirePageRole } from "~/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiserProgramme");
  return { title: t("createTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A new draft, prefilled from the timetable's empty slot (day, start and room in the URL). */
export default async function NewSessionPage({ searchParams }: Props) {
  await requirePageRole("ORGANISER", "/organiser/programme/sessions/new");
  const params = await searchParams;
  const api = await serverApi();
  const [{ options }, t] = await Promise.all([sessionFormOptions(api), getTranslations("organiserProgramme")]);
  const day = options.days.some((d) => d.value === one(params.day)) ? one(params.day) : (options.days[0]?.value ?? "");
  const start = TIME.test(one(params.start)) ? one(params.start) : "10:00";
  const [h, m] = start.split(":").map(Number);
  const endMinutes = Math.min((h ?? 0) * 60 + (m ?? 0) + 90, 23 * 60 + 55);
  const end = `${String(Math.floor(endMinutes / 60)).padStart(2, "0")}:${String(endMinutes % 60).padStart(2, "0")}`;
  const roomId = options.rooms.some((r) => r.value === one(params.room)) ? one(params.room) : "";
  const initial = {
    day,
    start,
    end,
    roomId,
    trackId: options.tracks.length === 1 ? (options.tracks[0]?.value ?? "") : "",
    format: "",
    bookingRequired: "on",
  };
  return (
    <section>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("createTitle")}</h1>
      <ProgrammeNav current="timetable" />
      <p className="mt-3 text-sm">
        <Link href={`/organiser/programme?day=${day}`} className="text-brand-700 underline">
          {t("backToTimetable")}
        </Link>
      </p>
      <p className="mt-2 text-sm text-slate-600">{t("publishHint")}</p>
      <SessionForm initial={initial} options={options} />
    </section>
  );
}
