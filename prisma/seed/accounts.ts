/**
 * Demo accounts, created only by the demo seed (never in a real deployment's data):
 * two confirmed participants, a regional education head (the August meeting), an organiser,
 * an admin and a check-in volunteer. The README lists them.
 */
import { CONSENT_VERSION } from "~/server/account/rules";
import { hashPassword } from "~/server/auth/password";
import type { Db } from "~/server/db/client";
import type { ParticipantCategory, UserRole } from "~/server/generated/prisma/client";

export const demoAccounts = [
  {
    email: "participant@forum-spo.local",
    password: "uchastnik-demo-2025",
    role: "PARTICIPANT",
    person: { surname: "Смирнова", firstName: "Анна", patronymic: "Викторовна", category: "TEACHER", regionCode: "40" },
  },
  {
    email: "participant2@forum-spo.local",
    password: "uchastnik-demo-2025",
    role: "PARTICIPANT",
    person: { surname: "Орлов", firstName: "Денис", patronymic: "Павлович", category: "EMPLOYER", regionCode: "71" },
  },
  {
    // The head of a regional education authority: may apply to the August meeting.
    email: "head@forum-spo.local",
    password: "minobr-demo-2025",
    role: "PARTICIPANT",
    person: {
      surname: "Кедрова",
      firstName: "Ирина",
      patronymic: "Алексеевна",
      category: "REGIONAL_AUTHORITY",
      regionCode: "40",
      organisation: "Министерство образования и науки Калужской области (демо)",
      position: "Министр образования и науки (демо)",
    },
  },
  { email: "organiser@forum-spo.local", password: "orgkomitet-demo-2025", role: "ORGANISER", person: null },
  { email: "admin@forum-spo.local", password: "nastroyki-demo-2025", role: "ADMIN", person: null },
  // A volunteer at the doors: /checkin only.
  { email: "checkin@forum-spo.local", password: "kontrol-demo-2025", role: "CHECKIN", person: null },
] as const satisfies readonly {
  email: string;
  password: string;
  role: UserRole;
  person: {
    surname: string;
    firstName: string;
    patronymic: string;
    category: ParticipantCategory;
    regionCode: string;
    organisation?: string;
    position?: string;
  } | null;
}[];

export async function seedDemoAccounts(db: Db, editionId: string): Promise<number> {
  let created = 0;
  for (const account of demoAccounts) {
    if (await db.user.findUnique({ where: { email: account.email }, select: { id: true } })) continue;
    const passwordHash = await hashPassword(account.password);
    const now = new Date();
    const person = account.person;
    const region = person
      ? await db.region.findUnique({ where: { code: person.regionCode }, select: { id: true } })
      : null;
    await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: account.email,
          passwordHash,
          role: account.role,
          emailVerified: now,
          name: person ? `${person.firstName} ${person.surname}` : null,
        },
      });
      if (person) {
        await tx.registration.create({
          data: {
            editionId,
            userId: user.id,
            email: account.email,
            surname: person.surname,
            firstName: person.firstName,
            patronymic: person.patronymic,
            phone: "+79100000000",
            regionId: region?.id ?? null,
            organisation: ("organisation" in person && person.organisation) || "Демонстрационный колледж",
            position: ("position" in person && person.position) || "Демонстрационная должность",
            category: person.category,
            consentVersion: CONSENT_VERSION,
            consentAt: now,
            status: "CONFIRMED",
            confirmedAt: now,
          },
        });
        await tx.edition.update({ where: { id: editionId }, data: { registrationCount: { increment: 1 } } });
      }
    });
    created++;
  }
  return created;
}
