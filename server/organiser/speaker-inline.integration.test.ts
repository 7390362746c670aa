/**
 * A new person added from the session editor's picker (issue 11, «Type-ahead pickers»): the
 * name is validated on the server, a namesake already in the list (case, «ё», spacing aside) is
 * refused with a message naming them, two parallel additions of one new name give one person,
 * and each addition is in the audit log.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/server/auth/roles";
import { callerFor, expectTrpcError } from "~/server/meeting/testing";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, createOrganiser, createSpeaker } from "~/server/test/factories";

let testDb: TestDb;
let api: ReturnType<typeof callerFor>;
let organiser: SessionUser;
let editionId: string;

beforeAll(async () => {
  testDb = await createTestDb();
  api = callerFor(testDb.db);
  editionId = (await createEdition(testDb.db)).id;
  organiser = await createOrganiser(testDb.db);
});

afterAll(async () => {
  await testDb?.close();
});

const countNamed = (fullName: string) => testDb.db.speaker.count({ where: { editionId, fullName } });

describe("adding a speaker from the session editor", () => {
  it("creates the person with a trimmed name and audits it", async () => {
    const made = await api(organiser).programmeAdmin.createSpeakerInline({
      fullName: "  Новикова   Дарья ",
      organisation: "Колледж связи",
    });
    expect(made).toMatchObject({ fullName: "Новикова   Дарья", organisation: "Колледж связи", position: "" });
    const row = await testDb.db.speaker.findUniqueOrThrow({ where: { id: made.id }, select: { editionId: true } });
    expect(row.editionId).toBe(editionId);
    const audit = await testDb.db.auditLog.findFirstOrThrow({ where: { entityId: made.id } });
    expect(audit).toMatchObject({ action: "speaker.create", entity: "Speaker", actorId: organiser.id });
    const options = await api(organiser).programmeAdmin.speakerOptions();
    expect(options.map((p) => p.id)).toContain(made.id);
  });

  it("refuses a name too short or missing, field by field, and writes nothing", async () => {
    const before = await testDb.db.speaker.count();
    const error = await api(organiser)
      .programmeAdmin.createSpeakerInline({ fullName: " Ян " })
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe("BAD_REQUEST");
    // The form shows the field's own message next to the name.
    expect(z.flattenError((error as TRPCError).cause as z.ZodError).fieldErrors).toEqual({
      fullName: ["ФИО — не короче 3 символов."],
    });
    await expectTrpcError(api(organiser).programmeAdmin.createSpeakerInline({ fullName: "" }), "BAD_REQUEST");
    await expectTrpcError(
      api(organiser).programmeAdmin.createSpeakerInline({ fullName: "x".repeat(201) }),
      "BAD_REQUEST",
    );
    expect(await testDb.db.speaker.count()).toBe(before);
  });

  it("refuses a namesake of someone in the list, whatever the case, «ё» or spacing", async () => {
    await createSpeaker(testDb.db, editionId, { fullName: "Ёлкин Пётр Сергеевич" });
    for (const fullName of ["Ёлкин Пётр Сергеевич", "елкин петр  сергеевич", "ЕЛКИН ПЕТР СЕРГЕЕВИЧ"]) {
      await expectTrpcError(
        api(organiser).programmeAdmin.createSpeakerInline({ fullName }),
        "CONFLICT",
        /«Ёлкин Пётр Сергеевич» уже есть в списке/,
      );
    }
    expect(await testDb.db.speaker.count({ where: { editionId, fullName: { contains: "лкин" } } })).toBe(1);
    // A longer name is another person.
    await api(organiser).programmeAdmin.createSpeakerInline({ fullName: "Ёлкин Пётр Сергеевич-младший" });
  });

  it("gives one person when two organisers add the same new name at once", async () => {
    const other = await createOrganiser(testDb.db);
    const results = await Promise.allSettled([
      api(organiser).programmeAdmin.createSpeakerInline({ fullName: "Одновременная Ольга" }),
      api(other).programmeAdmin.createSpeakerInline({ fullName: "одновременная ольга" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected");
    expect((refused as PromiseRejectedResult).reason.code).toBe("CONFLICT");
    expect((await countNamed("Одновременная Ольга")) + (await countNamed("одновременная ольга"))).toBe(1);
  });

  it("is for organisers only", async () => {
    await expectTrpcError(api(null).programmeAdmin.createSpeakerInline({ fullName: "Гость Гостев" }), "UNAUTHORIZED");
  });
});
