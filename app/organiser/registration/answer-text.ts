import { answerText, type QuestionDef } from "~/server/questions/rules";

/** An answer in words: option labels, yes/no in the viewer's language, a date as the locale writes it. */
export function answerInWords(
  question: Pick<QuestionDef, "kind" | "options">,
  value: unknown,
  words: { yes: string; no: string; intlTag: string },
): string {
  if (question.kind === "DATE" && typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split("-").map(Number) as [number, number, number];
    return new Intl.DateTimeFormat(words.intlTag, { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(Date.UTC(y, m - 1, d)),
    );
  }
  return answerText(question, value, words);
}
