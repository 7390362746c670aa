import { getTranslations } from "next-intl/server";
import { serverApi } from "~/app/_trpc/server";
import { FeedbackForm } from "~/app/my/feedback-form";

/** Sessions the person attended (door scan) and that have ended: rate each once. */
export async function FeedbackCard() {
  const api = await serverApi();
  const [items, t] = await Promise.all([api.feedback.mine(), getTranslations("feedback")]);
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="feedback" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="feedback" className="text-lg font-bold">
        {t("title")}
      </h2>
      <ul className="mt-3 space-y-4">
        {items.map((s) => (
          <li key={s.id}>
            <p className="font-medium">{s.title}</p>
            {s.feedback ? (
              <p className="text-sm text-slate-600">{t("given", { rating: s.feedback.rating })}</p>
            ) : (
              <FeedbackForm sessionId={s.id} title={s.title} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
