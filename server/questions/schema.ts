/** Organiser inputs for registration questions. Messages are keys of the "validation" namespace. */
import { z } from "zod";
import { PARTICIPANT_CATEGORIES } from "~/server/account/rules";
import { QUESTION_KINDS } from "~/server/questions/rules";

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const questionData = z
  .object({
    kind: z.enum(QUESTION_KINDS, { error: "questionKindRequired" }),
    label: z.string({ error: "questionLabelRequired" }).trim().min(1, "questionLabelRequired").max(300, "tooLong"),
    help: z.string().trim().max(1000, "tooLong").default(""),
    required: checkbox.default(false),
    categories: z.array(z.enum(PARTICIPANT_CATEGORIES)).max(PARTICIPANT_CATEGORIES.length).default([]),
    /** Choice options, one per line as typed. */
    options: z.array(z.string().trim().max(200, "tooLong")).max(50, "tooMany").default([]),
    /** The id each option row had in the editor ("" for a new row), in the order of `options`: a renamed option keeps its id. */
    optionIds: z.array(z.string().trim().max(50)).max(50, "tooMany").default([]),
  })
  .superRefine((v, ctx) => {
    const choice = v.kind === "ONE_CHOICE" || v.kind === "MANY_CHOICES";
    if (choice && v.options.filter(Boolean).length < 2)
      ctx.addIssue({ code: "custom", path: ["options"], message: "questionOptionsNeeded" });
  });
export type QuestionData = z.infer<typeof questionData>;

const id = z.string().trim().min(1).max(50);
export const createQuestionInput = questionData;
export const updateQuestionInput = z.object({ id, data: questionData });
export const questionIdInput = z.object({ id });
export const moveQuestionInput = z.object({ id, direction: z.enum(["up", "down"]) });
export const answersFilterInput = z.object({
  questionId: id.optional(),
  /** An option id, or "yes"/"no". */
  answer: z.string().trim().max(50).optional(),
});
