import type { EditionSeed } from "./types";

/** The 2025 forum in Kaluga, filled with demo data until the organisers load the real programme. */
export const demoEdition: EditionSeed = {
  slug: "forum-spo-2025",
  name: "Форум среднего профессионального образования",
  shortName: "Форум СПО",
  city: "Калуга",
  venue: "Конгресс-центр, г. Калуга (демонстрационная площадка)",
  startDate: "2025-08-25",
  endDate: "2025-08-29",
  timeZone: "Europe/Moscow",
  isDemo: true,
};

/** Calendar date of each programme day (SessionSeed.day 1…5), in the edition's time zone. */
export const demoEditionDays = {
  1: "2025-08-25",
  2: "2025-08-26",
  3: "2025-08-27",
  4: "2025-08-28",
  5: "2025-08-29",
} as const;
