import { createTRPCRouter, fullOrganiserProcedure, participantProcedure, publicProcedure } from "~/server/api/trpc";
import { rawAnswersInput } from "~/server/account/schema";
import {
  createQuestionInput,
  moveQuestionInput,
  questionIdInput,
  updateQuestionInput,
} from "~/server/questions/schema";
import * as questions from "~/server/questions/service";
import { registrationAnswers, registrationAnswersInput } from "~/server/questions/answers-list";

export const questionsRouter = createTRPCRouter({
  /** The current form's questions (public: the registration form shows them). */
  form: publicProcedure.query(({ ctx }) => questions.listQuestions(ctx.db)),
  editor: fullOrganiserProcedure.query(({ ctx }) => questions.listQuestionsForEditor(ctx.db)),
  create: fullOrganiserProcedure
    .input(createQuestionInput)
    .mutation(({ ctx, input }) => questions.createQuestion({ db: ctx.db, actor: ctx.user, input })),
  update: fullOrganiserProcedure
    .input(updateQuestionInput)
    .mutation(({ ctx, input }) => questions.updateQuestion({ db: ctx.db, actor: ctx.user, input })),
  remove: fullOrganiserProcedure
    .input(questionIdInput)
    .mutation(({ ctx, input }) => questions.removeQuestion({ db: ctx.db, actor: ctx.user, input })),
  restore: fullOrganiserProcedure
    .input(questionIdInput)
    .mutation(({ ctx, input }) => questions.restoreQuestion({ db: ctx.db, actor: ctx.user, input })),
  move: fullOrganiserProcedure
    .input(moveQuestionInput)
    .mutation(({ ctx, input }) => questions.moveQuestion({ db: ctx.db, actor: ctx.user, input })),
  registrations: fullOrganiserProcedure
    .input(registrationAnswersInput)
    .query(({ ctx, input }) => registrationAnswers({ db: ctx.db, input })),
  mine: participantProcedure.query(({ ctx }) => questions.myAnswers({ db: ctx.db, actor: ctx.user })),
  saveMine: participantProcedure
    .input(rawAnswersInput)
    .mutation(({ ctx, input }) => questions.saveMyAnswers({ db: ctx.db, actor: ctx.user, input })),
});
