/** Stored answers as form fields hold them: usable on the server (pages) and in the browser alike. */

/** A stored answer turned into what a form field holds ("yes"/"no" for yes/no). */
export function rawAnswer(value: unknown): string | string[] | undefined {
  if (value === true) return "yes";
  if (value === false) return "no";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return undefined;
}
