/**
 * The organisers' registration list with the answers to their questions (issue 11), filtered
 * by the answer to a choice or yes/no question, and the same list as an export table with one
 * column per question (archived questions included: their answers are kept and exported).
 */
import { z } from "zod";
import { PARTICIPANT_CATEGORIES } from "~/server/account/rules";
import type { Db } from "~/server/db/client";
import { findCurrentEdition } from "~/server/edition/current";
import type { Prisma } from "~/server/generated/prisma/client";
import type { Table } from "~/server/export/file";
import { answerText, type AnswerValue } from "~/server/questions/rules";
import { answersFilterInput } from "~/server/questions/schema";
import { listQuestions, type Question } from "~/server/questions/service";

export const registrationAnswersInput = answersFilterInput.extend({
  category: z.enum(PARTICIPANT_CATEGORIES).optional(),
  regionId: z.number().int().positive().optional(),
  /** Cancelled registrations are never listed. */
  status: z.enum(["PENDING", "CONFIRMED"]).optional(),
  /** The export takes everyone; the page shows one page of rows at a time. */
  limit: z.number().int().min(1).max(100_000).default(500),
  /** 1-based page of `limit` rows. */
  page: z.number().int().min(1).max(10_000).default(1),
});
export type RegistrationAnswersInput = z.input<typeof registrationAnswersInput>;

/** Matches no registration: a filter that names no question or answer there is finds nobody. */
const NOBODY: Prisma.RegistrationWhereInput = { id: { in: [] } };

function answerFilter(
  questionId: string | undefined,
  question: Question | undefined,
  answer: string | undefined,
): Prisma.RegistrationWhereInput {
  if (!questionId || !answer) return {};
  if (!question) return NOBODY;
  if (question.kind === "MANY_CHOICES")
    return { answers: { some: { questionId: question.id, value: { array_contains: [answer] } } } };
  const value: Prisma.JsonFilter<"RegistrationAnswer">["equals"] | undefined =
    question.kind === "YES_NO"
      ? answer === "yes"
        ? true
        : answer === "no"
          ? false
          : undefined
      : question.kind === "ONE_CHOICE"
        ? answer
        : undefined;
  if (value === undefined) return NOBODY;
  return { answers: { some: { questionId: question.id, value: { equals: value } } } };
}

export async function registrationAnswers({ db, input }: { db: Db; input: RegistrationAnswersInput }) {
  const parsed = registrationAnswersInput.parse(input);
  const edition = await findCurrentEdition(db, { id: true });
  const questions = await listQuestions(db, { includeArchived: true });
  const filterBy = questions.find((q) => q.id === parsed.questionId);
  const where: Prisma.RegistrationWhereInput = {
    editionId: edition.id,
    status: parsed.status ?? { not: "CANCELLED" },
    ...(parsed.category ? { category: parsed.category } : {}),
    ...(parsed.regionId ? { regionId: parsed.regionId } : {}),
    ...answerFilter(parsed.questionId, filterBy, parsed.answer),
  };
  const [total, rows] = await Promise.all([
    db.registration.count({ where }),
    db.registration.findMany({
      where,
      select: {
        id: true,
        surname: true,
        firstName: true,
        patronymic: true,
        email: true,
        category: true,
        status: true,
        createdAt: true,
        region: { select: { name: true } },
        answers: { select: { questionId: true, value: true } },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      take: parsed.limit,
      skip: (parsed.page - 1) * parsed.limit,
    }),
  ]);
  return {
    questions,
    total,
    page: parsed.page,
    pageCount: Math.max(1, Math.ceil(total / parsed.limit)),
    registrations: rows.map(({ answers, region, ...r }) => ({
      ...r,
      region: region?.name ?? "",
      fullName: [r.surname, r.firstName, r.patronymic].filter(Boolean).join(" "),
      answers: Object.fromEntries(answers.map((a) => [a.questionId, a.value as AnswerValue])),
    })),
  };
}

type Listed = Awaited<ReturnType<typeof registrationAnswers>>;

/** The list as a table: the person's columns, then one column per question, in form order. */
export function registrationsTable(
  data: Listed,
  t: {
    title: string;
    /** The person's column headers: name, email, category, region, status, registered at. */
    header: Record<"fullName" | "email" | "category" | "region" | "status" | "registeredAt", string>;
    yes: string;
    no: string;
    category: (c: string) => string;
    status: (s: "PENDING" | "CONFIRMED") => string;
    date: (d: Date) => string;
  },
): Table {
  type Row = Listed["registrations"][number];
  const person: [string, (r: Row) => string][] = [
    [t.header.fullName, (r) => r.fullName],
    [t.header.email, (r) => r.email],
    [t.header.category, (r) => t.category(r.category)],
    [t.header.region, (r) => r.region],
    [t.header.status, (r) => t.status(r.status === "PENDING" ? "PENDING" : "CONFIRMED")],
    [t.header.registeredAt, (r) => t.date(r.createdAt)],
  ];
  return {
    title: t.title,
    header: [...person.map(([h]) => h), ...data.questions.map((q) => q.label)],
    rows: data.registrations.map((r) => [
      ...person.map(([, value]) => value(r)),
      ...data.questions.map((q) => answerText(q, r.answers[q.id], { yes: t.yes, no: t.no })),
    ]),
  };
}
