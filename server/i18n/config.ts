/** Locales the interface speaks. Russian is the default; add a messages file to add one. */
export const locales = ["ru"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "ru";
/** The forum's zone: times are shown in it unless a person asks for their own. */
export const forumTimeZone = "Europe/Moscow";
