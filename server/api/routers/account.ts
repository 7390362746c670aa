import * as account from "~/server/account/service";
import * as profile from "~/server/account/profile-service";
import { preferencesInput, setPreferences } from "~/server/account/preferences";
import { registerAgain, registerAgainState } from "~/server/account/register-again";
import {
  changePasswordInput,
  deleteAccountInput,
  emailInput,
  profileFields,
  registerAgainInput,
  registrationInput,
  resetPasswordInput,
  tokenInput,
} from "~/server/account/schema";
import { createTRPCRouter, participantProcedure, publicProcedure } from "~/server/api/trpc";

export const accountRouter = createTRPCRouter({
  registrationForm: publicProcedure.query(({ ctx }) => account.registrationForm({ db: ctx.db })),
  register: publicProcedure
    .input(registrationInput)
    .mutation(({ ctx, input }) => account.register({ db: ctx.db, input, ip: ctx.ip })),
  confirm: publicProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) => account.confirmRegistration({ db: ctx.db, token: input.token })),
  requestSignInLink: publicProcedure
    .input(emailInput)
    .mutation(({ ctx, input }) => account.requestSignInLink({ db: ctx.db, email: input.email, ip: ctx.ip })),
  requestPasswordReset: publicProcedure
    .input(emailInput)
    .mutation(({ ctx, input }) => account.requestPasswordReset({ db: ctx.db, email: input.email, ip: ctx.ip })),
  resetPassword: publicProcedure
    .input(resetPasswordInput)
    .mutation(({ ctx, input }) => account.resetPassword({ db: ctx.db, ...input })),
  confirmEmailChange: publicProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) => profile.confirmEmailChange({ db: ctx.db, token: input.token })),

  setPreferences: participantProcedure
    .input(preferencesInput)
    .mutation(({ ctx, input }) => setPreferences({ db: ctx.db, actor: ctx.user, input })),
  me: participantProcedure.query(({ ctx }) => profile.getAccount({ db: ctx.db, actor: ctx.user })),
  updateProfile: participantProcedure
    .input(profileFields)
    .mutation(({ ctx, input }) => profile.updateProfile({ db: ctx.db, actor: ctx.user, input })),
  requestEmailChange: participantProcedure
    .input(emailInput)
    .mutation(({ ctx, input }) =>
      profile.requestEmailChange({ db: ctx.db, actor: ctx.user, newEmail: input.email, ip: ctx.ip }),
    ),
  changePassword: participantProcedure
    .input(changePasswordInput)
    .mutation(({ ctx, input }) => account.changePassword({ db: ctx.db, actor: ctx.user, ...input })),
  exportData: participantProcedure.query(({ ctx }) => profile.exportMyData({ db: ctx.db, actor: ctx.user })),
  cancelRegistration: participantProcedure.mutation(({ ctx }) =>
    profile.cancelRegistration({ db: ctx.db, actor: ctx.user }),
  ),
  registerAgainState: participantProcedure.query(({ ctx }) => registerAgainState({ db: ctx.db, actor: ctx.user })),
  registerAgain: participantProcedure
    .input(registerAgainInput)
    .mutation(({ ctx, input }) => registerAgain({ db: ctx.db, actor: ctx.user, input })),
  deleteAccount: participantProcedure
    .input(deleteAccountInput)
    .mutation(({ ctx, input }) =>
      profile.deleteAccount({ db: ctx.db, actor: ctx.user, confirmEmail: input.confirmEmail }),
    ),
});
