/**
 * tRPC wiring: the context, the error mapping and the procedures by role.
 * Routers stay thin; rules live in server/<domain>/.
 */
import { randomUUID } from "node:crypto";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Db } from "~/server/db/client";
import { localeCookieOf, resolveLocale, type Locale } from "~/server/i18n/config";
import { apiErrorsT, localisedZodError, validationText } from "~/server/i18n/server-messages";
import { withLocale } from "~/server/i18n/translate";
import { fromLoopback, requestId, requestIp } from "~/server/auth/request-ip";
import { hasRole, type SessionClaim, type SessionUser } from "~/server/auth/roles";
import { assertUnscoped } from "~/server/organiser/context";
import { AppError } from "~/server/errors";
import { Prisma } from "~/server/generated/prisma/client";
import type { UserRole } from "~/server/generated/prisma/enums";

export type Context = {
  db: Db;
  /** The signed-in person, or null for a guest (or when only `claim` was resolved). */
  user: SessionUser | null;
  /**
   * Set instead of `user` for calls whose procedures check the session themselves
   * (`claimedParticipantProcedure`, server/api/handler.ts): the cookie's claim, unread.
   */
  claim: SessionClaim | null;
  /** Client address, for rate limits; null when unknown. */
  ip: string | null;
  /** Whether the TCP peer is this machine (the development mail viewer answers only then). */
  loopback: boolean;
  /** The request id of the server log; error answers quote it. */
  requestId: string | null;
  /** The caller's language: errors and anything the call writes for them (mail) speak it. */
  locale: Locale;
};

/** The context from its parts: tests call this with their own database and user. */
export function createContextInner(opts: {
  db: Db;
  user?: SessionUser | null;
  claim?: SessionClaim | null;
  ip?: string | null;
  loopback?: boolean;
  requestId?: string | null;
  locale?: Locale;
}): Context {
  return {
    db: opts.db,
    user: opts.user ?? null,
    claim: opts.claim ?? null,
    ip: opts.ip ?? null,
    loopback: opts.loopback ?? false,
    requestId: opts.requestId ?? null,
    locale: opts.locale ?? resolveLocale(opts.user?.locale, null),
  };
}

/** The context of an HTTP request (the route handler and Server Components). */
export function contextFromHeaders(opts: {
  db: Db;
  user: SessionUser | null;
  claim?: SessionClaim | null;
  headers: Headers;
}): Context {
  return createContextInner({
    db: opts.db,
    user: opts.user,
    claim: opts.claim ?? null,
    ip: requestIp(opts.headers),
    loopback: fromLoopback(opts.headers),
    requestId: requestId(opts.headers),
    locale: resolveLocale(opts.user?.locale, localeCookieOf(opts.headers.get("cookie"))),
  });
}

/** The id quoted to a person when something failed inside; the server log carries it with the error. */
export function errorId(ctx: { requestId: string | null } | undefined): string {
  return ctx?.requestId ?? randomUUID();
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error, ctx }) {
    // Internal failures never show their text (database messages, hosts, paths): only an id
    // that the server log carries next to the real error (see app/api/trpc/[trpc]/route.ts).
    const internal = error.code === "INTERNAL_SERVER_ERROR";
    const { stack: _stack, ...data } = shape.data;
    return {
      ...shape,
      message: internal ? withLocale(ctx?.locale ?? "ru", () => internalErrorMessage(errorId(ctx))) : shape.message,
      data: {
        ...data,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
      },
    };
  },
});

/** Strings that PostgreSQL or later code cannot take: a NUL byte or a lone UTF-16 surrogate. */
export function hasUnsafeText(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000") || !value.isWellFormed();
  if (depth > 20 || value === null || typeof value !== "object") return false;
  if (value instanceof Date) return false;
  const items = Array.isArray(value) ? value : Object.entries(value).flat();
  return items.some((v) => hasUnsafeText(v, depth + 1));
}

/** Every procedure's input is refused at the edge when it carries unsafe text. */
const refuseUnsafeText = t.middleware(async ({ getRawInput, next }) => {
  if (hasUnsafeText(await getRawInput())) {
    throw new TRPCError({ code: "BAD_REQUEST", message: apiErrorsT("unsafeText") });
  }
  return next();
});

/** Everything below runs in the caller's language (server/i18n/translate.ts). */
const inCallerLocale = t.middleware(({ ctx, next }) => withLocale(ctx.locale, () => next()));

/**
 * Turns domain errors into API errors; everything else stays an internal error. Validation
 * errors carry message keys (server/i18n/validation.ts): here they become the caller's text, for
 * the API's answer and for the forms that show them field by field.
 */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok) return result;
  const cause = result.error.cause;
  // A service may check input against definitions held in the database (registration
  // questions): its ZodError is a validation error like the input parser's.
  if (
    cause instanceof ZodError &&
    (result.error.code === "BAD_REQUEST" || result.error.code === "INTERNAL_SERVER_ERROR")
  ) {
    const localised = localisedZodError(cause);
    throw new TRPCError({ code: "BAD_REQUEST", message: validationText("checkFields"), cause: localised });
  }
  if (cause instanceof AppError) {
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  // Two requests raced to create the same thing: a unique index refused the second one.
  if (cause instanceof Prisma.PrismaClientKnownRequestError && cause.code === "P2002") {
    throw new TRPCError({ code: "CONFLICT", message: apiErrorsT("duplicate"), cause });
  }
  return result;
});

export function internalErrorMessage(id: string): string {
  return apiErrorsT("internal", { id });
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = t.procedure.use(inCallerLocale).use(mapErrors).use(refuseUnsafeText);

function requireRole(role: UserRole) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: apiErrorsT("signIn") });
    if (!hasRole(ctx.user, role)) {
      throw new TRPCError({ code: "FORBIDDEN", message: apiErrorsT("forbidden") });
    }
    return next({ ctx: { ...ctx, user: ctx.user } });
  });
}

/** Any signed-in person. */
export const participantProcedure = publicProcedure.use(requireRole("PARTICIPANT"));
/**
 * Any signed-in person, for a procedure that checks the session in its own statement instead of
 * a User read before it (booking.book, the booking rush's one call): `actor.sessionVersion` is
 * null for a person already resolved (`ctx.user`), and the cookie's version when the context holds
 * only its claim; the procedure must then refuse unless the User row still has that version
 * (server/booking/seats.ts `lockUserStatement`). Every role may book, so no role is read.
 * server/api/handler.ts lists the procedures whose calls get a claim instead of a user.
 */
export const claimedParticipantProcedure = publicProcedure.use(({ ctx, next }) => {
  const actor = ctx.user
    ? { id: ctx.user.id, sessionVersion: null }
    : ctx.claim
      ? { id: ctx.claim.userId, sessionVersion: ctx.claim.sessionVersion }
      : null;
  if (!actor) throw new TRPCError({ code: "UNAUTHORIZED", message: apiErrorsT("signIn") });
  return next({ ctx: { ...ctx, actor } });
});
/** Organisers and admins. */
export const organiserProcedure = publicProcedure.use(requireRole("ORGANISER"));
/** Check-in staff, organisers and admins: the doors (/checkin). */
export const checkinProcedure = publicProcedure.use(requireRole("CHECKIN"));
/** Admins only. */
export const adminProcedure = publicProcedure.use(requireRole("ADMIN"));
/**
 * Organisers not limited to some tracks (and admins): the August meeting's delegations and other
 * edition-wide work with personal data. A track editor gets FORBIDDEN.
 */
export const fullOrganiserProcedure = organiserProcedure.use(async ({ ctx, next }) => {
  await assertUnscoped(ctx.db, ctx.user);
  return next();
});
