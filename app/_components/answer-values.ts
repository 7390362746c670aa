/** Stored answers as form fields hold them: usable on the server (pages) and in the browser alike. */

/** A stored answer turned into what a form field holds ("yes"/"no" for yes/no). */
export function rawAnswer(value: unknown): string | string[] | undefined {
  if (value === true) return "yes";
  if (value === false) return "no";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === "string");
  return undefined;
}

/**
 * The answers to the organisers' questions in a submitted form (fields named "q_<id>"): one
 * value, or every value of a field sent several times (checkboxes of «several choices»).
 */
export function answerValues(formData: FormData): Record<string, string | string[]> {
  const answers: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (!key.startsWith("q_")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    answers[key] = all.length === 1 ? all[0]! : all;
  }
  return answers;
}
