import "server-only";
import { getFormatter, getTranslations } from "next-intl/server";
import type { serverApi } from "~/app/_trpc/server";
import type { SessionFormOptions } from "~/app/organiser/programme/sessions/session-form";
import { SESSION_FORMATS } from "~/server/programme/rules";
import { zonedTimeToUtc } from "~/server/programme/time";

type Api = Awaited<ReturnType<typeof serverApi>>;

/** Choices of the session form: the tracks this organiser may use, rooms, people, formats, days. */
export async function sessionFormOptions(api: Api): Promise<{ options: SessionFormOptions; timeZone: string }> {
  const [workspace, people, t, format] = await Promise.all([
    api.programmeAdmin.workspace(),
    api.programmeAdmin.speakerOptions(),
    getTranslations(),
    getFormatter(),
  ]);
  const tz = workspace.timeZone;
  const tracks =
    workspace.scope === "all" ? workspace.tracks : workspace.tracks.filter((tr) => workspace.scope.includes(tr.id));
  return {
    timeZone: tz,
    options: {
      tracks: tracks.map((tr) => ({ value: tr.id, label: tr.title })),
      rooms: workspace.rooms.map((r) => ({
        value: r.id,
        label: t("organiserProgramme.roomOption", { name: r.name, capacity: r.capacity }),
      })),
      people: people.map((p) => ({
        value: p.id,
        label: p.organisation ? `${p.fullName} (${p.organisation})` : p.fullName,
        name: p.fullName,
        organisation: p.organisation,
      })),
      formats: SESSION_FORMATS.map((f) => ({ value: f, label: t(`formats.${f}`) })),
      days: workspace.days.map((d) => ({
        value: d,
        label: format.dateTime(zonedTimeToUtc(d, "12:00", tz), {
          day: "numeric",
          month: "long",
          weekday: "long",
          timeZone: tz,
        }),
      })),
    },
  };
}
