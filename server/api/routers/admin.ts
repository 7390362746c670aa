import { setRoleInput, userListInput } from "~/server/admin/schema";
import { listUsers, organiserOverview, setRole } from "~/server/admin/service";
import { adminProcedure, createTRPCRouter, organiserProcedure } from "~/server/api/trpc";

export const adminRouter = createTRPCRouter({
  users: adminProcedure.input(userListInput).query(({ ctx, input }) => listUsers({ db: ctx.db, input })),
  setRole: adminProcedure
    .input(setRoleInput)
    .mutation(({ ctx, input }) => setRole({ db: ctx.db, actor: ctx.user, input })),
});

export const organiserRouter = createTRPCRouter({
  overview: organiserProcedure.query(({ ctx }) => organiserOverview({ db: ctx.db })),
});
