/**
 * Seeds reference data (all regions, the forum edition) and, for the demo, the programme.
 * Idempotent: regions are upserted by code, the edition by slug, and the programme is
 * only created when the edition has none (organisers' changes are never overwritten).
 */
import type { Db } from "~/server/db/client";
import { buildSessionSearchText } from "~/server/programme/rules";
import { zonedTimeToUtc } from "~/server/programme/time";
import { seedDemoAccounts } from "~/prisma/seed/accounts";
import { demoEdition } from "~/prisma/seed/data/edition";
import { sessions as sessionSeeds, speakers as speakerSeeds } from "~/prisma/seed/data/programme";
import { regions } from "~/prisma/seed/data/regions";
import { rooms as roomSeeds } from "~/prisma/seed/data/rooms";
import { tracks as trackSeeds } from "~/prisma/seed/data/tracks";

export type SeedReport = { regions: number; editionCreated: boolean; sessionsCreated: number; accountsCreated: number };

const dayKey = (day: number): string => {
  const start = new Date(`${demoEdition.startDate}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() + day - 1);
  return start.toISOString().slice(0, 10);
};

export async function seedRegions(db: Db): Promise<number> {
  await db.$transaction(
    regions.map((r, i) =>
      db.region.upsert({
        where: { code: r.code },
        create: { code: r.code, name: r.name, federalDistrict: r.federalDistrict, sortOrder: i },
        update: { name: r.name, federalDistrict: r.federalDistrict, sortOrder: i },
      }),
    ),
  );
  return regions.length;
}

/** The forum edition (by slug), created when missing; an existing one is never changed. */
async function ensureEdition(db: Db, isDemo: boolean): Promise<{ id: string; created: boolean }> {
  const tz = demoEdition.timeZone;
  const existing = await db.edition.findUnique({ where: { slug: demoEdition.slug }, select: { id: true } });
  if (existing) return { id: existing.id, created: false };
  const row = await db.edition.create({
    data: {
      slug: demoEdition.slug,
      name: demoEdition.name,
      city: demoEdition.city,
      venue: demoEdition.venue,
      timeZone: tz,
      startsAt: zonedTimeToUtc(demoEdition.startDate, "00:00", tz),
      endsAt: zonedTimeToUtc(dayKey(6), "00:00", tz),
      isDemo,
    },
    select: { id: true },
  });
  return { id: row.id, created: true };
}

/**
 * Reference data only, for a configured (production) database: all regions and the forum
 * edition without a programme. No demo accounts, no demo speakers or sessions.
 */
export async function seedReference(db: Db): Promise<SeedReport> {
  const regionCount = await seedRegions(db);
  const edition = await ensureEdition(db, false);
  return { regions: regionCount, editionCreated: edition.created, sessionsCreated: 0, accountsCreated: 0 };
}

/** Reference data plus the demo programme and the demo accounts the README lists. */
export async function seedDemo(db: Db): Promise<SeedReport> {
  const regionCount = await seedRegions(db);
  const tz = demoEdition.timeZone;
  const ensured = await ensureEdition(db, true);
  const editionCreated = ensured.created;
  const edition = { id: ensured.id };

  const accountsCreated = await seedDemoAccounts(db, edition.id);
  const hasProgramme = (await db.programmeSession.count({ where: { editionId: edition.id } })) > 0;
  if (hasProgramme) return { regions: regionCount, editionCreated, sessionsCreated: 0, accountsCreated };

  const created = await db.$transaction(
    async (tx) => {
      const trackIds = new Map<string, string>();
      for (const t of trackSeeds) {
        const row = await tx.track.upsert({
          where: { editionId_code: { editionId: edition.id, code: t.code } },
          create: {
            editionId: edition.id,
            code: t.code,
            title: t.title,
            description: t.description,
            color: t.color,
            order: t.order,
          },
          update: {},
          select: { id: true },
        });
        trackIds.set(t.code, row.id);
      }
      const roomIds = new Map<string, string>();
      for (const r of roomSeeds) {
        const row = await tx.room.upsert({
          where: { editionId_name: { editionId: edition.id, name: r.name } },
          create: { editionId: edition.id, name: r.name, capacity: r.capacity, floor: r.floor },
          update: {},
          select: { id: true },
        });
        roomIds.set(r.name, row.id);
      }
      const speakerIds = new Map<string, { id: string; fullName: string }>();
      for (const s of speakerSeeds) {
        const row = await tx.speaker.create({
          data: {
            editionId: edition.id,
            fullName: s.fullName,
            position: s.position,
            organisation: s.organisation,
            bio: s.bio,
            isDemo: true,
          },
          select: { id: true, fullName: true },
        });
        speakerIds.set(s.key, row);
      }
      for (const s of sessionSeeds) {
        const people = s.speakers.map((p) => {
          const speaker = speakerIds.get(p.key);
          if (!speaker) throw new Error(`Seed: unknown speaker ${p.key} in ${s.key}`);
          return { ...p, speaker };
        });
        const day = dayKey(s.day);
        const sessionRow = await tx.programmeSession.create({
          data: {
            editionId: edition.id,
            trackId: s.trackCode ? (trackIds.get(s.trackCode) ?? null) : null,
            roomId: roomIds.get(s.roomName) ?? null,
            format: s.format,
            title: s.title,
            description: s.description,
            startsAt: zonedTimeToUtc(day, s.start, tz),
            endsAt: zonedTimeToUtc(day, s.end, tz),
            capacity: s.capacity,
            // Items without a seat limit (the plenaries) are free entry: star them, no booking.
            bookingRequired: s.capacity !== null,
            isClosed: s.isClosed,
            status: "PUBLISHED",
            isDemo: true,
            searchText: buildSessionSearchText({
              title: s.title,
              description: s.description,
              people: people.map((p) => p.speaker.fullName),
            }),
            speakers: {
              create: people.map((p, order) => ({ speakerId: p.speaker.id, role: p.role, order })),
            },
          },
          select: { id: true },
        });
        // The demo August meeting is the edition's meeting: applications, accreditation, roll-call.
        if (s.key === "d2-august-meeting") {
          await tx.edition.update({ where: { id: edition.id }, data: { meetingSessionId: sessionRow.id } });
        }
      }
      return sessionSeeds.length;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
  return { regions: regionCount, editionCreated, sessionsCreated: created, accountsCreated };
}
