import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "~/server/api/root";
import { createContextInner } from "~/server/api/trpc";
import type { SessionUser } from "~/server/auth/roles";
import { exportTable, type ExportFormat } from "~/server/export/file";
import { COLUMNS, templateRows } from "~/server/organiser/io/columns";
import { createTestDb, type TestDb } from "~/server/test/db";
import { createEdition, createOrganiser, createRoom, createSession, createTrack } from "~/server/test/factories";

let testDb: TestDb;
let organiser: SessionUser;

const as = (user: SessionUser) => createCaller(createContextInner({ db: testDb.db, user }));

beforeAll(async () => {
  testDb = await createTestDb();
  const { db } = testDb;
  const editionId = (await createEdition(db)).id;
  await createTrack(db, editionId, { code: "quality" });
  // A small room and a busy first day: the example must still fit.
  await createRoom(db, editionId, { name: "Малый зал", capacity: 20 });
  const big = await createRoom(db, editionId, { name: "Большой зал", capacity: 200 });
  await createSession(db, { editionId, roomId: big.id, title: "Занято", start: "15:00", end: "16:30" });
  organiser = await createOrganiser(db);
});

afterAll(async () => {
  await testDb?.close();
});

/** The template exactly as /organiser/export/template builds it. */
async function template(format: ExportFormat) {
  const rows = templateRows(await as(organiser).programmeAdmin.importTemplate());
  const file = await exportTable(
    { title: "Программа", header: rows[0]!, rows: rows.slice(1), widths: COLUMNS.map((c) => c.width) },
    format,
  );
  const bytes = typeof file.body === "string" ? Buffer.from(file.body, "utf8") : Buffer.from(file.body);
  return { fileName: `template.${format}`, data: bytes.toString("base64") };
}

describe("the import template's own example row", () => {
  it.each(["csv", "xlsx"] as const)("imports from %s without an error or a warning", async (format) => {
    const report = await as(organiser).programmeAdmin.importPreview(await template(format));
    expect(report.fileErrors).toEqual([]);
    expect(report.rows).toHaveLength(1);
    expect(report.rows[0]).toMatchObject({ action: "create", errors: [], warnings: [] });
    expect(report.counts).toMatchObject({ total: 1, create: 1, error: 0 });
    // The big room is taken at 15:00: the example uses the small one, with seats it has.
    const rows = templateRows(await as(organiser).programmeAdmin.importTemplate());
    expect(rows[1]!.slice(8, 10)).toEqual(["Малый зал", "20"]);
  });
});
