/**
 * Certificates of participation. A person with at least one admission at a session door (a door
 * scan, not undone) gets one: the sessions attended, their total hours, the organisers' text and
 * signatory, and a public verification code. /verify/<code> confirms the name, the forum's dates
 * and the hours — nothing else — and says plainly when a code is unknown or revoked.
 */
import { randomInt } from "node:crypto";
import type { SessionUser } from "~/server/auth/roles";
import type { Db } from "~/server/db/client";
import type { Tx } from "~/server/db/transaction";
import { findCurrentEditionOrNull } from "~/server/edition/current";
import { env } from "~/server/env";
import { AppError } from "~/server/errors";
import { assertRateLimits } from "~/server/security/rate-limit";
import { certificatePdf } from "~/server/certificates/pdf";
import { forumDates } from "~/server/tickets/pdf";
import { fullName } from "~/server/tickets/service";
import { currentIntlTag, serverTranslator } from "~/server/i18n/translate";

const errorsT = serverTranslator("checkin", "ticketErrors");

/** No 0/O, 1/I/L: read aloud and typed from paper without mistakes. 12 of 31 ≈ 59 bits. */
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 12;
export const newCertificateCode = (): string =>
  Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");
/** What a person may type: case and dashes/spaces do not matter. */
export const normaliseCode = (raw: string): string => raw.toUpperCase().replace(/[\s-]/g, "");
const CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

export const verifyUrl = (code: string): string => `${env.APP_URL.replace(/\/$/, "")}/verify/${code}`;

/** Hours with at most one decimal in the current locale's style: 4,5 (ru), 4.5 (en). */
export const hoursText = (minutes: number): string =>
  new Intl.NumberFormat(currentIntlTag(), { maximumFractionDigits: 1 }).format(Math.round(minutes / 6) / 10);

/** Sessions a registration's tickets were admitted to at the door (each once), in time order. */
export async function attendedSessions(db: Db | Tx, registrationId: string) {
  const rows = await db.$queryRaw<{ id: string; title: string; startsAt: Date; endsAt: Date }[]>`
    SELECT DISTINCT s."id", s."title", s."startsAt", s."endsAt"
    FROM "CheckIn" c
    JOIN "Ticket" t ON t."id" = c."ticketId"
    JOIN "ProgrammeSession" s ON s."id" = c."sessionId"
    WHERE t."registrationId" = ${registrationId} AND c."undoneAt" IS NULL
    ORDER BY s."startsAt", s."id"`;
  const minutes = rows.reduce((sum, s) => sum + Math.round((s.endsAt.getTime() - s.startsAt.getTime()) / 60_000), 0);
  return { sessions: rows, minutes };
}

async function myRegistration(db: Db, userId: string) {
  const edition = await findCurrentEditionOrNull(db, { id: true });
  if (!edition) return null;
  const reg = await db.registration.findUnique({
    where: { editionId_userId: { editionId: edition.id, userId } },
    select: {
      id: true,
      status: true,
      surname: true,
      firstName: true,
      patronymic: true,
      edition: {
        select: {
          startsAt: true,
          endsAt: true,
          city: true,
          timeZone: true,
          certificateText: true,
          certificateSignatory: true,
        },
      },
    },
  });
  return reg?.status === "CONFIRMED" ? reg : null;
}

/** Issues (or brings up to date) the person's certificate; null without attendance. */
async function issue(db: Db, userId: string) {
  const reg = await myRegistration(db, userId);
  if (!reg) return null;
  const attended = await attendedSessions(db, reg.id);
  if (attended.sessions.length === 0) return null;
  await db.certificate.createMany({
    data: [{ registrationId: reg.id, code: newCertificateCode(), minutes: attended.minutes }],
    skipDuplicates: true,
  });
  const cert = await db.certificate.update({
    where: { registrationId: reg.id },
    data: { minutes: attended.minutes },
    select: { code: true, minutes: true, revokedAt: true },
  });
  if (cert.revokedAt) return null;
  return { reg, attended, cert };
}

/** What /my shows about the certificate. */
export async function myCertificate({ db, user }: { db: Db; user: SessionUser }) {
  const got = await issue(db, user.id);
  if (!got) return null;
  return { code: got.cert.code, sessions: got.attended.sessions.length, hours: hoursText(got.cert.minutes) };
}

/** The certificate PDF of the signed-in person; NOT_FOUND before any attendance. */
export async function myCertificatePdf({ db, user }: { db: Db; user: SessionUser }): Promise<Buffer> {
  const got = await issue(db, user.id);
  if (!got) throw new AppError("NOT_FOUND", errorsT("noCertificate"));
  const e = got.reg.edition;
  return certificatePdf({
    fullName: fullName(got.reg),
    dates: forumDates(e),
    timeZone: e.timeZone,
    text: e.certificateText,
    signatory: e.certificateSignatory,
    sessions: got.attended.sessions,
    hours: hoursText(got.cert.minutes),
    code: got.cert.code,
    url: verifyUrl(got.cert.code),
  });
}

export type Verification =
  { status: "valid"; name: string; dates: string; hours: string } | { status: "revoked" } | { status: "unknown" };

/** Public check of a code, rate-limited per address (codes cannot be tried in bulk). */
export async function verifyCertificate({
  db,
  code,
  ip,
}: {
  db: Db;
  code: string;
  ip: string | null;
}): Promise<Verification> {
  await assertRateLimits({ db, checks: [{ key: `verify:ip:${ip ?? "unknown"}`, limit: 60, windowSeconds: 600 }] });
  const normal = normaliseCode(code);
  if (!CODE_PATTERN.test(normal)) return { status: "unknown" };
  const cert = await db.certificate.findUnique({
    where: { code: normal },
    select: {
      minutes: true,
      revokedAt: true,
      registration: {
        select: {
          status: true,
          surname: true,
          firstName: true,
          patronymic: true,
          edition: { select: { startsAt: true, endsAt: true, city: true, timeZone: true } },
        },
      },
    },
  });
  if (!cert) return { status: "unknown" };
  if (cert.revokedAt || cert.registration.status !== "CONFIRMED") return { status: "revoked" };
  return {
    status: "valid",
    name: fullName(cert.registration),
    dates: forumDates(cert.registration.edition),
    hours: hoursText(cert.minutes),
  };
}
