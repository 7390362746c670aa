/**
 * Registration questions of the current edition (issue 11): the organisers' editor, and the
 * answers people give on /register and /account. Editing never loses an answer: a question with
 * answers keeps its kind and every chosen option, and is archived instead of deleted.
 */
import { randomBytes } from "node:crypto";
import { recordAudit } from "~/server/audit/log";
import type { ParticipantCategoryValue } from "~/server/account/rules";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import { inTransaction, type Tx } from "~/server/db/transaction";
import { findCurrentEdition } from "~/server/edition/current";
import { AppError } from "~/server/errors";
import type { Prisma } from "~/server/generated/prisma/client";
import {
  answersSchema,
  appliesTo,
  checkEdit,
  editOptions,
  mergeOptions,
  type AnswerValue,
  type QuestionDef,
  type QuestionOption,
} from "~/server/questions/rules";
import type { QuestionData } from "~/server/questions/schema";
import { serverTranslator } from "~/server/i18n/translate";

const errorsT = serverTranslator("questions", "questionErrors");

type Args<I> = { db: Db; actor: SessionUser; input: I };

export const questionSelect = {
  id: true,
  kind: true,
  label: true,
  help: true,
  required: true,
  categories: true,
  options: true,
  position: true,
  archivedAt: true,
} satisfies Prisma.RegistrationQuestionSelect;

type Row = Prisma.RegistrationQuestionGetPayload<{ select: typeof questionSelect }>;
export type Question = Omit<Row, "options"> & { options: QuestionOption[] };

const optionsOf = (json: Prisma.JsonValue): QuestionOption[] =>
  Array.isArray(json)
    ? json.flatMap((o) =>
        o && typeof o === "object" && !Array.isArray(o) && typeof o.id === "string" && typeof o.label === "string"
          ? [{ id: o.id, label: o.label }]
          : [],
      )
    : [];
const toQuestion = (row: Row): Question => ({ ...row, options: optionsOf(row.options) });
const newOptionId = () => randomBytes(6).toString("base64url");
const editionId = async (db: Db | Tx) => (await findCurrentEdition(db, { id: true })).id;

/** The current edition's questions in form order; archived ones only when asked for. */
export async function listQuestions(db: Db | Tx, opts: { includeArchived?: boolean } = {}): Promise<Question[]> {
  const rows = await db.registrationQuestion.findMany({
    where: { editionId: await editionId(db), ...(opts.includeArchived ? {} : { archivedAt: null }) },
    select: questionSelect,
    orderBy: [{ position: "asc" }, { id: "asc" }],
  });
  return rows.map(toQuestion);
}

/** Questions with how many people answered each (the organisers' editor). */
export async function listQuestionsForEditor(db: Db) {
  const questions = await listQuestions(db, { includeArchived: true });
  const counts = await db.registrationAnswer.groupBy({
    by: ["questionId"],
    where: { questionId: { in: questions.map((q) => q.id) } },
    _count: { _all: true },
  });
  const byId = new Map(counts.map((c) => [c.questionId, c._count._all]));
  return questions.map((q) => ({ ...q, answerCount: byId.get(q.id) ?? 0 }));
}

export async function createQuestion({ db, actor, input }: Args<QuestionData>) {
  return inTransaction(db, async (tx) => {
    const edition = await editionId(tx);
    const last = await tx.registrationQuestion.aggregate({ where: { editionId: edition }, _max: { position: true } });
    const options =
      input.kind === "ONE_CHOICE" || input.kind === "MANY_CHOICES" ? mergeOptions([], input.options, newOptionId) : [];
    const created = await tx.registrationQuestion.create({
      data: {
        editionId: edition,
        kind: input.kind,
        label: input.label,
        help: input.help,
        required: input.required,
        categories: input.categories,
        options,
        position: (last._max.position ?? 0) + 1,
      },
      select: questionSelect,
    });
    await recordAudit(tx, {
      actor,
      action: "question.create",
      entity: "RegistrationQuestion",
      entityId: created.id,
      after: created,
    });
    return toQuestion(created);
  });
}

async function lockQuestion(tx: Tx, id: string): Promise<Question> {
  // The row lock orders an edit against answers saved meanwhile (they lock nothing but read the
  // definition inside their own transaction) and against a second organiser's edit.
  const locked = await tx.$queryRaw<
    { id: string }[]
  >`SELECT id FROM "RegistrationQuestion" WHERE id = ${id} FOR UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND", errorsT("notFound"));
  const row = await tx.registrationQuestion.findUniqueOrThrow({ where: { id }, select: questionSelect });
  return toQuestion(row);
}

async function answeredOptions(tx: Tx, questionId: string) {
  const answers = await tx.registrationAnswer.findMany({ where: { questionId }, select: { value: true } });
  const ids = new Set<string>();
  for (const { value } of answers) {
    if (typeof value === "string") ids.add(value);
    if (Array.isArray(value)) for (const v of value) if (typeof v === "string") ids.add(v);
  }
  return { count: answers.length, ids };
}

export async function updateQuestion({ db, actor, input }: Args<{ id: string; data: QuestionData }>) {
  return inTransaction(db, async (tx) => {
    const before = await lockQuestion(tx, input.id);
    const choice = input.data.kind === "ONE_CHOICE" || input.data.kind === "MANY_CHOICES";
    const rows = input.data.options.map((label, i) => ({ id: input.data.optionIds[i] || undefined, label }));
    const options = choice ? editOptions(before.options, rows, newOptionId) : [];
    const answered = await answeredOptions(tx, before.id);
    const check = checkEdit({
      before,
      after: { kind: input.data.kind, options },
      answerCount: answered.count,
      answeredOptionIds: answered.ids,
    });
    if (!check.ok) {
      throw new AppError(
        "CONFLICT",
        check.reason === "kindChange" ? errorsT("kindChange") : errorsT("optionAnswered", { option: check.option }),
      );
    }
    const after = await tx.registrationQuestion.update({
      where: { id: before.id },
      data: {
        kind: input.data.kind,
        label: input.data.label,
        help: input.data.help,
        required: input.data.required,
        categories: input.data.categories,
        options,
      },
      select: questionSelect,
    });
    await recordAudit(tx, {
      actor,
      action: "question.update",
      entity: "RegistrationQuestion",
      entityId: after.id,
      before,
      after,
    });
    return toQuestion(after);
  });
}

/** Deletes a question nobody answered; one with answers is archived (hidden, answers kept). */
export async function removeQuestion({ db, actor, input }: Args<{ id: string }>) {
  return inTransaction(db, async (tx) => {
    const before = await lockQuestion(tx, input.id);
    const answers = await tx.registrationAnswer.count({ where: { questionId: before.id } });
    if (answers === 0) {
      await tx.registrationQuestion.delete({ where: { id: before.id } });
      await recordAudit(tx, {
        actor,
        action: "question.delete",
        entity: "RegistrationQuestion",
        entityId: before.id,
        before,
      });
      return { archived: false };
    }
    await tx.registrationQuestion.update({ where: { id: before.id }, data: { archivedAt: new Date() } });
    await recordAudit(tx, {
      actor,
      action: "question.archive",
      entity: "RegistrationQuestion",
      entityId: before.id,
      before,
    });
    return { archived: true };
  });
}

export async function restoreQuestion({ db, actor, input }: Args<{ id: string }>) {
  return inTransaction(db, async (tx) => {
    const before = await lockQuestion(tx, input.id);
    await tx.registrationQuestion.update({ where: { id: before.id }, data: { archivedAt: null } });
    await recordAudit(tx, {
      actor,
      action: "question.restore",
      entity: "RegistrationQuestion",
      entityId: before.id,
      before,
    });
  });
}

/** Swaps a question with its neighbour above or below (both rows locked, in id order). */
export async function moveQuestion({ db, actor, input }: Args<{ id: string; direction: "up" | "down" }>) {
  return inTransaction(db, async (tx) => {
    const edition = await editionId(tx);
    const all = await tx.$queryRaw<{ id: string; position: number }[]>`
      SELECT id, position FROM "RegistrationQuestion" WHERE "editionId" = ${edition}
      ORDER BY id FOR UPDATE`;
    const ordered = [...all].sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));
    const at = ordered.findIndex((q) => q.id === input.id);
    if (at < 0) throw new AppError("NOT_FOUND", errorsT("notFound"));
    const other = ordered[input.direction === "up" ? at - 1 : at + 1];
    if (!other) return { moved: false };
    // Renumber densely, then swap: equal positions left by old data cannot make a move a no-op.
    const next = ordered.map((q) => q.id);
    [next[at], next[ordered.indexOf(other)]] = [other.id, input.id];
    for (const [i, id] of next.entries())
      await tx.registrationQuestion.update({ where: { id }, data: { position: i + 1 } });
    await recordAudit(tx, {
      actor,
      action: "question.move",
      entity: "RegistrationQuestion",
      entityId: input.id,
      after: { direction: input.direction },
    });
    return { moved: true };
  });
}

/** Raw answers from a form: field name → one value or several. */
export type RawAnswers = Record<string, string | string[]>;

/**
 * Checks a form's answers against the current questions for the category (throws the ZodError,
 * which the API turns into errors by field) and returns them by question id.
 */
export async function parseAnswers(db: Db | Tx, category: ParticipantCategoryValue, raw: RawAnswers) {
  const questions: QuestionDef[] = await listQuestions(db);
  return answersSchema(questions, category).parse(raw);
}

/**
 * Stores the answers of one registration: given ones upserted, unanswered ones removed.
 * Answers to archived or other categories' questions are left as they are.
 */
export async function saveAnswers(tx: Tx, registrationId: string, answers: Record<string, AnswerValue | null>) {
  for (const [questionId, value] of Object.entries(answers)) {
    if (value === null) {
      await tx.registrationAnswer.deleteMany({ where: { registrationId, questionId } });
      continue;
    }
    await tx.registrationAnswer.upsert({
      where: { registrationId_questionId: { registrationId, questionId } },
      create: { registrationId, questionId, value },
      update: { value },
    });
  }
}

/**
 * Removes a registration's answers to current questions that no longer apply to its category (the
 * category changed when registering again). Answers to archived questions stay, as always.
 */
export async function dropInapplicableAnswers(tx: Tx, registrationId: string, category: ParticipantCategoryValue) {
  const stale = (await listQuestions(tx)).filter((q) => !appliesTo(q, category)).map((q) => q.id);
  if (stale.length > 0) {
    await tx.registrationAnswer.deleteMany({ where: { registrationId, questionId: { in: stale } } });
  }
}

/** One registration's answers by question id. */
export async function answersOf(db: Db | Tx, registrationId: string): Promise<Record<string, AnswerValue>> {
  const rows = await db.registrationAnswer.findMany({
    where: { registrationId },
    select: { questionId: true, value: true },
  });
  return Object.fromEntries(rows.map((r) => [r.questionId, r.value as AnswerValue]));
}

/** Answers can change until the registration window closes. */
export const answersEditable = (edition: { registrationClosesAt: Date | null }, now: Date): boolean =>
  !edition.registrationClosesAt || now < edition.registrationClosesAt;

async function ownRegistration(db: Db | Tx, userId: string) {
  const edition = await findCurrentEdition(db, { id: true, registrationClosesAt: true });
  const registration = await db.registration.findFirst({
    where: { userId, editionId: edition.id, status: { not: "CANCELLED" } },
    select: { id: true, category: true },
  });
  if (!registration) throw new AppError("NOT_FOUND", errorsT("noRegistration"));
  return { edition, registration };
}

/** The signed-in person's questions (those of their category) with their answers (/account). */
export async function myAnswers({ db, actor, now = new Date() }: { db: Db; actor: SessionUser; now?: Date }) {
  const { edition, registration } = await ownRegistration(db, actor.id);
  const questions = (await listQuestions(db)).filter(
    (q) => q.categories.length === 0 || q.categories.includes(registration.category),
  );
  return {
    questions,
    answers: await answersOf(db, registration.id),
    editable: answersEditable(edition, now),
    closesAt: edition.registrationClosesAt,
  };
}

/** The participant changes their answers; refused once registration has closed. */
export async function saveMyAnswers({
  db,
  actor,
  input,
  now = new Date(),
}: Args<{ answers: RawAnswers }> & { now?: Date }) {
  return inTransaction(db, async (tx) => {
    const { edition, registration } = await ownRegistration(tx, actor.id);
    if (!answersEditable(edition, now)) throw new AppError("FORBIDDEN", errorsT("closed"));
    const answers = await parseAnswers(tx, registration.category, input.answers);
    await saveAnswers(tx, registration.id, answers);
    return { saved: Object.keys(answers).length };
  });
}
