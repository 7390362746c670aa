import { useTranslations } from "next-intl";
import type { SessionBookingState } from "~/server/booking/queries";

/** «осталось 3 места», «мест нет — лист ожидания: 5», «Свободный вход»: rendered on the server too. */
export function SeatLine({ state }: { state: SessionBookingState }) {
  const t = useTranslations("booking");
  if (state.refusal === "cancelled" || state.refusal === "closed" || state.refusal === "draft") return null;
  let text: string;
  let tone = "text-slate-700";
  if (state.refusal === "freeEntry") text = t("freeEntry");
  else if (state.seatsLeft === null) text = t("noSeatLimit");
  else if (state.seatsLeft > 0) {
    text = t("seatsLeft", { count: state.seatsLeft });
    if (state.seatsLeft <= 5) tone = "text-amber-800";
  } else {
    text = t("full", { waiting: state.waitlistCount });
    tone = "text-red-800";
  }
  return (
    <p className={`text-sm font-medium ${tone}`} data-testid="seat-line">
      {text}
    </p>
  );
}
