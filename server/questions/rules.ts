/**
 * Organisers' registration questions (issue 11): who sees a question, how an answer is checked,
 * and what an edit may change without losing answers. Pure: no database.
 */
import { z } from "zod";
import type { ParticipantCategoryValue as ParticipantCategory } from "~/server/account/rules";

export const QUESTION_KINDS = ["SHORT_TEXT", "LONG_TEXT", "ONE_CHOICE", "MANY_CHOICES", "YES_NO", "DATE"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export const SHORT_TEXT_MAX = 200;
export const LONG_TEXT_MAX = 2000;
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;

export type QuestionOption = { id: string; label: string };
export type QuestionDef = {
  id: string;
  kind: QuestionKind;
  label: string;
  required: boolean;
  categories: readonly ParticipantCategory[];
  options: readonly QuestionOption[];
};

/** A stored answer: text or a date ("YYYY-MM-DD"), yes/no, or the chosen option ids. */
export type AnswerValue = string | boolean | string[];

/** The form field that carries a question's answer. */
export const fieldName = (questionId: string): string => `q_${questionId}`;

export const isChoice = (kind: QuestionKind): boolean => kind === "ONE_CHOICE" || kind === "MANY_CHOICES";

/** Shown to everyone when no category is chosen, otherwise to the chosen ones only. */
export const appliesTo = (question: Pick<QuestionDef, "categories">, category: ParticipantCategory): boolean =>
  question.categories.length === 0 || question.categories.includes(category);

/** A calendar date in a sane range: "2026-02-30" and "0001-01-01" are refused. */
export function isSaneDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Raw form input: one string, or several for «several choices». */
const raw = z.union([z.string(), z.array(z.string())]).optional();
const firstOf = (v: string | string[] | undefined): string => (Array.isArray(v) ? (v[0] ?? "") : (v ?? "")).trim();
const listOf = (v: string | string[] | undefined): string[] =>
  (Array.isArray(v) ? v : v === undefined || v === "" ? [] : [v]).map((s) => s.trim()).filter(Boolean);

/** The schema of one answer; undefined output means «not answered». Messages are validation keys. */
function answerSchema(question: QuestionDef): z.ZodType<AnswerValue | undefined> {
  const optionIds = new Set(question.options.map((o) => o.id));
  return raw.transform((input, ctx): AnswerValue | undefined => {
    const missing = () => {
      if (question.required) ctx.addIssue({ code: "custom", message: "answerRequired" });
      return undefined;
    };
    switch (question.kind) {
      case "SHORT_TEXT":
      case "LONG_TEXT": {
        const text = firstOf(input);
        if (!text) return missing();
        const max = question.kind === "SHORT_TEXT" ? SHORT_TEXT_MAX : LONG_TEXT_MAX;
        if (text.length > max) {
          ctx.addIssue({ code: "too_big", origin: "string", maximum: max, inclusive: true, message: "tooLong" });
          return z.NEVER;
        }
        return text;
      }
      case "ONE_CHOICE": {
        const id = firstOf(input);
        if (!id) return missing();
        if (!optionIds.has(id)) {
          ctx.addIssue({ code: "custom", message: "answerOption" });
          return z.NEVER;
        }
        return id;
      }
      case "MANY_CHOICES": {
        const ids = [...new Set(listOf(input))];
        if (ids.length === 0) return missing();
        if (ids.some((id) => !optionIds.has(id))) {
          ctx.addIssue({ code: "custom", message: "answerOption" });
          return z.NEVER;
        }
        return ids;
      }
      case "YES_NO": {
        const v = firstOf(input);
        if (!v) return missing();
        if (v !== "yes" && v !== "no") {
          ctx.addIssue({ code: "custom", message: "answerOption" });
          return z.NEVER;
        }
        return v === "yes";
      }
      case "DATE": {
        const v = firstOf(input);
        if (!v) return missing();
        if (!isSaneDate(v)) {
          ctx.addIssue({ code: "custom", message: "answerDate" });
          return z.NEVER;
        }
        return v;
      }
    }
  });
}

/**
 * The schema of a form's answers for one participant category, keyed by field name. Questions
 * that do not apply to the category are not in it: what was sent for them is dropped.
 * Output: answers by question id; a question left unanswered is null (its old answer goes).
 */
export function answersSchema(questions: readonly QuestionDef[], category: ParticipantCategory) {
  const applicable = questions.filter((q) => appliesTo(q, category));
  const shape: Record<string, z.ZodType<AnswerValue | undefined>> = {};
  for (const q of applicable) shape[fieldName(q.id)] = answerSchema(q);
  return z.object(shape).transform((parsed) => {
    const out: Record<string, AnswerValue | null> = {};
    for (const q of applicable) out[q.id] = parsed[fieldName(q.id)] ?? null;
    return out;
  });
}

export type EditCheck =
  { ok: true } | { ok: false; reason: "kindChange" } | { ok: false; reason: "optionAnswered"; option: string };

/**
 * What an edit of a question may change once people answered it: label, help, required,
 * categories and new options freely; the kind not at all; an option someone chose may not go.
 */
export function checkEdit(input: {
  before: Pick<QuestionDef, "kind" | "options">;
  after: Pick<QuestionDef, "kind" | "options">;
  answerCount: number;
  answeredOptionIds: ReadonlySet<string>;
}): EditCheck {
  if (input.answerCount === 0) return { ok: true };
  if (input.before.kind !== input.after.kind) return { ok: false, reason: "kindChange" };
  const kept = new Set(input.after.options.map((o) => o.id));
  const lost = input.before.options.find((o) => !kept.has(o.id) && input.answeredOptionIds.has(o.id));
  return lost ? { ok: false, reason: "optionAnswered", option: lost.label } : { ok: true };
}

/**
 * Options typed one per line, matched to the existing ones by label so ids (and answers) stay;
 * new lines get new ids. Blank and repeated lines are dropped.
 */
export function mergeOptions(
  existing: readonly QuestionOption[],
  lines: readonly string[],
  newId: () => string,
): QuestionOption[] {
  return editOptions(
    existing,
    lines.map((label) => ({ label })),
    newId,
  );
}

/**
 * Options as the organisers' editor sends them: each row may carry the id it had, so a renamed
 * option keeps its id (and the answers that chose it). A row without a known id is matched by
 * label, else gets a new id; an id is used once. Blank and repeated labels are dropped.
 */
export function editOptions(
  existing: readonly QuestionOption[],
  rows: readonly { id?: string; label: string }[],
  newId: () => string,
): QuestionOption[] {
  const byId = new Map(existing.map((o) => [o.id, o]));
  const byLabel = new Map(existing.map((o) => [o.label, o]));
  const seen = new Set<string>();
  const used = new Set<string>();
  const out: QuestionOption[] = [];
  for (const row of rows) {
    const label = row.label.trim();
    if (!label || seen.has(label)) continue;
    seen.add(label);
    const known = row.id && !used.has(row.id) ? byId.get(row.id) : undefined;
    const sameLabel = byLabel.get(label);
    const id = known?.id ?? (sameLabel && !used.has(sameLabel.id) ? sameLabel.id : newId());
    used.add(id);
    out.push({ id, label });
  }
  return out;
}

/** An answer as one cell of an export or a list: option labels, «да»/«нет» given by the caller. */
export function answerText(
  question: Pick<QuestionDef, "kind" | "options">,
  value: unknown,
  yesNo: { yes: string; no: string },
): string {
  if (value === null || value === undefined) return "";
  const label = (id: unknown) => question.options.find((o) => o.id === id)?.label ?? String(id);
  if (question.kind === "YES_NO") return value === true ? yesNo.yes : value === false ? yesNo.no : "";
  if (question.kind === "ONE_CHOICE") return label(value);
  if (question.kind === "MANY_CHOICES") return Array.isArray(value) ? value.map(label).join("; ") : "";
  return typeof value === "string" ? value : "";
}
