/**
 * Auth.js (next-auth v5). Two ways in, both checked by our services:
 * - "password": email + argon2id password;
 * - "link": a one-time sign-in link from a mail (our hashed, single-use tokens).
 * Sessions are signed JWT cookies that carry the user id and a session version; every
 * request re-reads the user (server/auth/session.ts), so a password change, a role change
 * or a deleted account takes effect at once.
 */
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { consumeSignInLink, verifyCredentials, type AuthenticatedUser } from "~/server/account/service";
import { signInInput, tokenInput } from "~/server/account/schema";
import { requestIp } from "~/server/auth/request-ip";
import { getDb } from "~/server/db";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid";
}
class InvalidLink extends CredentialsSignin {
  code = "invalid_link";
}
class RateLimited extends CredentialsSignin {
  constructor(message: string) {
    super(message);
    // The code reaches the sign-in form; it carries the person-readable wait.
    this.code = `rate_limited:${message}`;
  }
}

/** Session lifetime: a week; the cookie is refreshed while the person is active. */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 3600;

type TokenUser = Pick<AuthenticatedUser, "id" | "sessionVersion">;

export const { handlers, auth, signIn, signOut } = NextAuth({
  secret: env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 24 * 3600 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      id: "password",
      credentials: { email: {}, password: {} },
      async authorize(raw, request) {
        const parsed = signInInput.safeParse(raw);
        if (!parsed.success) throw new InvalidCredentials();
        try {
          const user = await verifyCredentials({
            db: await getDb(),
            ...parsed.data,
            ip: requestIp(request.headers),
          });
          if (!user) throw new InvalidCredentials();
          return { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
        } catch (error) {
          if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") throw new RateLimited(error.message);
          throw error;
        }
      },
    }),
    Credentials({
      id: "link",
      credentials: { token: {} },
      async authorize(raw) {
        const parsed = tokenInput.safeParse(raw);
        if (!parsed.success) throw new InvalidLink();
        const user = await consumeSignInLink({ db: await getDb(), token: parsed.data.token });
        if (!user) throw new InvalidLink();
        return { id: user.id, email: user.email, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const u = user as TokenUser;
        token.uid = u.id;
        token.sv = u.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid as string | undefined, sv: token.sv as number | undefined };
    },
  },
});
