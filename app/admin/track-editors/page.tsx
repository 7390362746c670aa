import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { TrackEditorForm } from "~/app/admin/track-editors/track-editor-form";
import { requirePageRole } from "~/server/auth/guard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("trackEditors");
  return { title: t("title") };
}

/** Admins limit organisers to tracks: a track editor changes only those tracks' sessions. */
export default async function TrackEditorsPage() {
  await requirePageRole("ADMIN", "/admin/track-editors");
  const api = await serverApi();
  const [data, t] = await Promise.all([api.programmeAdmin.trackEditors(), getTranslations("trackEditors")]);
  return (
    <section>
      <h1 className="text-2xl font-bold sm:text-3xl">{t("title")}</h1>
      <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      {data.organisers.length === 0 ? (
        <p className="mt-4 rounded-lg border border-dashed border-slate-300 bg-white p-6 text-center">{t("empty")}</p>
      ) : (
        <ul className="mt-4 space-y-3">
          {data.organisers.map((o) => (
            <li key={o.id} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="font-semibold">
                {o.name ?? o.email} <span className="font-normal text-slate-600">{o.name ? o.email : ""}</span>
              </p>
              <div className="mt-2">
                <TrackEditorForm userId={o.id} email={o.email} tracks={data.tracks} selected={o.trackIds} />
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
