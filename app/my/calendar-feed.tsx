"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { announce, focusWhenReady } from "~/app/_components/a11y/announce";
import { buttonPrimary, buttonSecondary } from "~/app/_components/booking/booking-controls";
import { ConfirmStep } from "~/app/_components/booking/confirm-step";
import { serverMessage } from "~/app/_components/booking/errors";
import { useTRPC } from "~/app/_trpc/react";

/** The private subscription URL: create, copy, replace (old one dies), revoke (404 from then on). */
export function CalendarFeedPanel({ initialUrl }: { initialUrl: string | null }) {
  const t = useTranslations("my");
  const tb = useTranslations("booking");
  const ta = useTranslations("a11y");
  const rootId = useId();
  const root = () => document.getElementById(rootId);
  const trpc = useTRPC();
  const fieldId = useId();
  const [url, setUrl] = useState(initialUrl);
  const [copied, setCopied] = useState(false);
  const [confirm, setConfirm] = useState<"rotate" | "revoke" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const options = {
    onMutate: () => {
      setError(null);
      setCopied(false);
    },
    onError: (e: unknown) => setError(serverMessage(e) ?? tb("errorUnknown")),
    onSuccess: (r: { url: string | null }) => {
      announce(ta(r.url ? (url ? "feedReplaced" : "feedCreated") : "feedRevoked"));
      setUrl(r.url);
      setConfirm(null);
      // A new link: focus «Скопировать»; no link any more: focus «Получить ссылку».
      focusWhenReady(() => root()?.querySelector<HTMLElement>(r.url ? "[data-action=copy]" : "[data-action=create]"));
    },
  };
  const rotate = useMutation(trpc.booking.rotateCalendarFeed.mutationOptions(options));
  const revoke = useMutation(trpc.booking.revokeCalendarFeed.mutationOptions(options));
  const busy = rotate.isPending || revoke.isPending;

  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
      announce(ta("copied"));
    } catch {
      (document.getElementById(fieldId) as HTMLInputElement | null)?.select();
    }
  };

  return (
    <div id={rootId} className="mt-6 border-t border-slate-100 pt-4" aria-busy={busy || undefined}>
      <h3 className="font-semibold">{t("feedTitle")}</h3>
      <p className="mt-1 text-sm text-slate-600">{t("feedLead")}</p>
      {url ? (
        <div className="mt-3 space-y-3">
          <label htmlFor={fieldId} className="block text-sm font-medium text-slate-800">
            {t("feedUrl")}
          </label>
          <div className="flex flex-wrap gap-2">
            <input
              id={fieldId}
              readOnly
              value={url}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs"
            />
            <button type="button" className={buttonSecondary} data-action="copy" onClick={copy}>
              {copied ? t("copied") : t("copy")}
            </button>
          </div>
          {confirm ? (
            <ConfirmStep
              question={confirm === "rotate" ? t("feedRegenerateHint") : t("feedRevoke")}
              yes={busy ? t("working") : confirm === "rotate" ? t("feedRegenerate") : t("feedRevoke")}
              no={tb("keep")}
              busy={busy}
              onYes={() => (confirm === "rotate" ? rotate.mutate() : revoke.mutate())}
              onNo={() => setConfirm(null)}
            />
          ) : (
            <div className="flex flex-wrap gap-2">
              <button type="button" className={buttonSecondary} disabled={busy} onClick={() => setConfirm("rotate")}>
                {t("feedRegenerate")}
              </button>
              <button type="button" className={buttonSecondary} disabled={busy} onClick={() => setConfirm("revoke")}>
                {t("feedRevoke")}
              </button>
            </div>
          )}
        </div>
      ) : (
        <div className="mt-3">
          <p className="text-sm text-slate-600">{t("feedNone")}</p>
          <button
            type="button"
            className={`${buttonPrimary} mt-2`}
            data-action="create"
            disabled={busy}
            onClick={() => rotate.mutate()}
          >
            {busy ? t("working") : t("feedCreate")}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {tb("error", { message: error })}
        </p>
      )}
    </div>
  );
}
