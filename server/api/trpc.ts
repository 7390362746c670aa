/**
 * tRPC wiring: the context, the error mapping and the procedures by role.
 * Routers stay thin; rules live in server/<domain>/.
 */
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Db } from "~/server/db/client";
import { hasRole, type SessionUser } from "~/server/auth/roles";
import { AppError } from "~/server/errors";
import { Prisma } from "~/server/generated/prisma/client";
import type { UserRole } from "~/server/generated/prisma/enums";

export type Context = {
  db: Db;
  /** The signed-in person, or null for a guest. */
  user: SessionUser | null;
  /** Client address, for rate limits; null when unknown. */
  ip: string | null;
};

/** The context from its parts: tests call this with their own database and user. */
export function createContextInner(opts: { db: Db; user?: SessionUser | null; ip?: string | null }): Context {
  return { db: opts.db, user: opts.user ?? null, ip: opts.ip ?? null };
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

/** Turns domain errors into API errors; everything else stays an internal error. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  if (cause instanceof AppError) {
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  // Two requests raced to create the same thing: a unique index refused the second one.
  if (cause instanceof Prisma.PrismaClientKnownRequestError && cause.code === "P2002") {
    throw new TRPCError({ code: "CONFLICT", message: "Такая запись уже существует.", cause });
  }
  return result;
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(mapErrors);

function requireRole(role: UserRole) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Войдите на сайт, чтобы продолжить." });
    if (!hasRole(ctx.user, role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: "У вас нет прав для этого действия." });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

/** Any signed-in person. */
export const participantProcedure = publicProcedure.use(requireRole("PARTICIPANT"));
/** Organisers and admins. */
export const organiserProcedure = publicProcedure.use(requireRole("ORGANISER"));
/** Admins only. */
export const adminProcedure = publicProcedure.use(requireRole("ADMIN"));
