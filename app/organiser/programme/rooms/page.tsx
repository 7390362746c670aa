import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { FormAlert } from "~/app/_components/forms";
import { serverApi } from "~/app/_trpc/server";
import { DeleteButton, RoomForm } from "~/app/organiser/programme/catalogue-forms";
import { ProgrammeNav, card, one } from "~/app/organiser/programme/_components/ui";
import { requirePageRole } from "~/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("organiserProgramme");
  return { title: t("roomsTitle") };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function RoomsPage({ searchParams }: Props) {
  await requirePageRole("ORGANISER", "/organiser/programme/rooms");
  const params = await searchParams;
  const api = await serverApi();
  const [rooms, t] = await Promise.all([api.programmeAdmin.rooms(), getTranslations("organiserProgramme")]);
  return (
    <section>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("roomsTitle")}</h1>
      <ProgrammeNav current="rooms" />
      {one(params.notice) === "deleted" && (
        <div className="mt-4">
          <FormAlert state={{ ok: true, message: t("roomDeleted") }} />
        </div>
      )}
      <ul className="mt-4 space-y-3">
        {rooms.map((r) => (
          <li key={r.id} className={card}>
            <details>
              <summary className="cursor-pointer">
                <span className="font-semibold">{r.name}</span>{" "}
                <span className="text-sm text-slate-600">
                  · {r.capacity} · {r.floor} · {t("speakerSessions", { count: r._count.sessions })}
                </span>
              </summary>
              <div className="mt-3 space-y-3">
                <RoomForm
                  initial={{
                    id: r.id,
                    name: r.name,
                    capacity: String(r.capacity),
                    floor: r.floor,
                    description: r.description,
                    mapUrl: r.mapUrl,
                  }}
                />
                {r._count.sessions === 0 && <DeleteButton kind="room" id={r.id} label={r.name} />}
              </div>
            </details>
          </li>
        ))}
      </ul>
      <section className={`${card} mt-6`} aria-labelledby="new-room">
        <h2 id="new-room" className="mb-3 text-lg font-bold">
          {t("roomNew")}
        </h2>
        <RoomForm />
      </section>
    </section>
  );
}
