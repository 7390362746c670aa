/**
 * Import and export of the programme table. The import runs every row through the same save path
 * as the editor, inside one transaction: for the preview the transaction is rolled back (so the
 * preview is exactly what the import would do, and nothing is written); for the import it commits
 * only when no row has an error.
 */
import { inTransaction } from "~/server/db/transaction";
import type { SessionUser } from "~/server/auth/roles";
import { recordAudit } from "~/server/audit/log";
import { lockSessions } from "~/server/db/locks";
import type { Tx } from "~/server/db/transaction";
import type { Db } from "~/server/db/client";
import { AppError } from "~/server/errors";
import { ConflictError, currentEdition, findEditable, lockPlacement, trackScope } from "~/server/organiser/context";
import { sanitiseDescription } from "~/server/organiser/description";
import { decodeText, parseCsv } from "~/server/export/csv";
import { displayDay, type ExportSession } from "~/server/organiser/io/columns";
import { assertTableWithinLimits, assertZipWithinLimits } from "~/server/organiser/io/limits";
import { parseProgrammeTable, type ParsedTable } from "~/server/organiser/io/parse";
import { readXlsx } from "~/server/export/xlsx";
import { errorsT, importT } from "~/server/organiser/messages";
import { spanFromWallClock } from "~/server/organiser/rules";
import type { ImportInput } from "~/server/organiser/schema";
import { applySessionSave, draftOf, type SessionDraft } from "~/server/organiser/session-save";
import { foldForSearch } from "~/server/programme/rules";
import { editionDayKeys, formatZonedTime, zonedDayKey, zonedTimeToUtc } from "~/server/programme/time";

/** Starts tried for the template's example row, in order (the afternoon first, as before). */
const EXAMPLE_STARTS = ["15:00", "16:30", "13:00", "11:00", "09:30", "18:00"];

export const MAX_IMPORT_BYTES = 700_000;

type Args<I> = { db: Db; actor: SessionUser; input: I };

/** The uploaded file as rows of text: .xlsx (a zip) through exceljs, anything else as CSV. */
export async function readTable(input: ImportInput): Promise<string[][]> {
  const bytes = Buffer.from(input.data, "base64");
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError("BAD_REQUEST", errorsT("importTooLarge"));
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const name = input.fileName.toLowerCase();
  let table: string[][];
  if (isZip || name.endsWith(".xlsx")) {
    // Before exceljs sees it: exceljs holds the whole unzipped workbook in memory.
    await assertZipWithinLimits(bytes);
    try {
      table = await readXlsx(bytes);
    } catch {
      throw new AppError("BAD_REQUEST", errorsT("importUnreadable"));
    }
  } else {
    if (name.endsWith(".xls") || bytes.includes(0)) throw new AppError("BAD_REQUEST", errorsT("importUnreadable"));
    table = parseCsv(decodeText(bytes));
  }
  assertTableWithinLimits(table);
  return table;
}

export type PreviewRow = {
  line: number;
  code: string | null;
  title: string;
  when: string;
  action: "create" | "update" | "unchanged" | "error";
  errors: string[];
  warnings: string[];
  newSpeakers: string[];
};

export type ImportReport = {
  fileErrors: string[];
  notes: string[];
  rows: PreviewRow[];
  counts: { total: number; create: number; update: number; unchanged: number; error: number };
};

const sameDraft = (a: SessionDraft, b: SessionDraft) => JSON.stringify(a) === JSON.stringify(b);

/** Runs the rows against the database in the caller's transaction and reports each one. */
async function runRows(tx: Tx, actor: SessionUser, parsed: ParsedTable): Promise<ImportReport> {
  const edition = await currentEdition(tx);
  const scope = await trackScope(tx, actor);
  const [tracks, rooms, speakers] = await Promise.all([
    tx.track.findMany({ where: { editionId: edition.id }, select: { id: true, code: true } }),
    tx.room.findMany({ where: { editionId: edition.id }, select: { id: true, name: true } }),
    tx.speaker.findMany({ where: { editionId: edition.id }, select: { id: true, fullName: true } }),
  ]);
  const trackByCode = new Map(tracks.map((t) => [t.code.toLowerCase(), t.id]));
  const roomByName = new Map(rooms.map((r) => [foldForSearch(r.name), r.id]));
  const peopleByName = new Map<string, string[]>();
  for (const s of speakers)
    peopleByName.set(foldForSearch(s.fullName), [...(peopleByName.get(foldForSearch(s.fullName)) ?? []), s.id]);

  const rows: PreviewRow[] = [];
  for (const row of parsed.rows) {
    const errors = [...row.errors];
    const newSpeakers: string[] = [];
    const when = row.day && row.start && row.end ? `${displayDay(row.day)} ${row.start}–${row.end}` : "";
    const report = (action: PreviewRow["action"], warnings: string[] = []) =>
      rows.push({ line: row.line, code: row.code, title: row.title, when, action, errors, warnings, newSpeakers });

    const trackId = row.trackCode ? (trackByCode.get(row.trackCode.toLowerCase()) ?? null) : null;
    if (row.trackCode && !trackId) errors.push(importT("badTrack", { value: row.trackCode }));
    const roomId = row.roomName ? (roomByName.get(foldForSearch(row.roomName)) ?? null) : null;
    if (row.roomName && !roomId) errors.push(importT("badRoom", { value: row.roomName }));
    const existing = row.code
      ? await tx.programmeSession.findFirst({
          where: { id: row.code, editionId: edition.id },
          select: { id: true, status: true },
        })
      : null;
    if (row.code && !existing) errors.push(importT("unknownCode", { value: row.code }));
    if (existing?.status === "CANCELLED") errors.push(importT("cancelledCode", { value: row.code ?? "" }));
    if (errors.length > 0) {
      report("error");
      continue;
    }
    const personIds = async (names: string[]) => {
      const ids: string[] = [];
      for (const name of names) {
        const found = peopleByName.get(foldForSearch(name)) ?? [];
        if (found.length > 1) errors.push(importT("ambiguousSpeaker", { value: name }));
        else if (found.length === 1) ids.push(found[0]!);
        else {
          const created = await tx.speaker.create({
            data: { editionId: edition.id, fullName: name },
            select: { id: true },
          });
          await recordAudit(tx, {
            actor,
            action: "speaker.create",
            entity: "Speaker",
            entityId: created.id,
            after: { fullName: name, via: "import" },
          });
          peopleByName.set(foldForSearch(name), [created.id]);
          newSpeakers.push(name);
          ids.push(created.id);
        }
      }
      return [...new Set(ids)];
    };
    const moderatorIds = await personIds(row.moderators);
    const speakerIds = (await personIds(row.speakers)).filter((id) => !moderatorIds.includes(id));
    if (errors.length > 0) {
      report("error");
      continue;
    }
    const draft: SessionDraft = {
      title: row.title,
      description: sanitiseDescription(row.description),
      format: row.format!,
      trackId,
      roomId,
      ...spanFromWallClock({ day: row.day!, start: row.start!, end: row.end! }, edition.timeZone),
      capacity: row.capacity,
      isClosed: row.isClosed,
      bookingRequired: row.bookingRequired,
      moderatorIds,
      speakerIds,
    };
    try {
      await lockPlacement(tx, roomId, [...moderatorIds, ...speakerIds]);
      if (existing) await lockSessions(tx, [existing.id]);
      const current = existing ? await findEditable(tx, existing.id) : null;
      if (current && sameDraft(draftOf(current), draft)) {
        report("unchanged");
        continue;
      }
      const saved = await applySessionSave(tx, {
        actor,
        scope,
        edition,
        existing: current,
        draft,
        acknowledgeWarnings: true,
        moveExcessToWaitlist: false,
        action: current ? "session.import.update" : "session.import.create",
      });
      report(
        current ? "update" : "create",
        saved.issues.filter((i) => i.severity === "warning").map((i) => i.message),
      );
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error instanceof ConflictError) {
        for (const issue of error.issues.filter((i) => i.severity === "error")) {
          errors.push(
            issue.code === "CAPACITY_BELOW_BOOKED" ? importT("belowBooked", issue.params as never) : issue.message,
          );
        }
      } else errors.push(error.message);
      report("error");
    }
  }
  const count = (a: PreviewRow["action"]) => rows.filter((r) => r.action === a).length;
  return {
    fileErrors: parsed.fileErrors,
    notes: parsed.notes,
    rows,
    counts: {
      total: rows.length,
      create: count("create"),
      update: count("update"),
      unchanged: count("unchanged"),
      error: count("error"),
    },
  };
}

class Rollback extends Error {
  constructor(readonly report: ImportReport) {
    super("preview");
  }
}

const IMPORT_TX = { maxWait: 30_000, timeout: 120_000 } as const;

async function parse(input: ImportInput): Promise<ParsedTable> {
  const parsed = parseProgrammeTable(await readTable(input));
  if (parsed.fileErrors.length === 0 && parsed.rows.length === 0) {
    return { ...parsed, fileErrors: [errorsT("importEmpty")] };
  }
  return parsed;
}

/** What the import would do, row by row; nothing is written (the transaction is rolled back). */
export async function previewImport({ db, actor, input }: Args<ImportInput>): Promise<ImportReport> {
  const parsed = await parse(input);
  if (parsed.fileErrors.length > 0) {
    return {
      fileErrors: parsed.fileErrors,
      notes: parsed.notes,
      rows: [],
      counts: { total: 0, create: 0, update: 0, unchanged: 0, error: 0 },
    };
  }
  try {
    await inTransaction(
      db,
      async (tx) => {
        throw new Rollback(await runRows(tx, actor, parsed));
      },
      IMPORT_TX,
    );
  } catch (e) {
    if (e instanceof Rollback) return e.report;
    throw e;
  }
  throw new Error("unreachable");
}

/** The import itself: all rows or none. Refused when the file or any row has an error. */
export async function applyImport({ db, actor, input }: Args<ImportInput>): Promise<ImportReport> {
  const parsed = await parse(input);
  if (parsed.fileErrors.length > 0) throw new AppError("BAD_REQUEST", parsed.fileErrors.join(" "));
  return inTransaction(
    db,
    async (tx) => {
      const report = await runRows(tx, actor, parsed);
      if (report.counts.error > 0) {
        throw new AppError("BAD_REQUEST", errorsT("importHasErrors", { count: report.counts.error }));
      }
      await recordAudit(tx, {
        actor,
        action: "programme.import",
        entity: "Edition",
        entityId: (await currentEdition(tx)).id,
        after: { fileName: input.fileName, ...report.counts },
      });
      return report;
    },
    IMPORT_TX,
  );
}

/** Every session of the edition with its people, for the export. */
export async function exportProgramme({ db }: { db: Db }): Promise<{ timeZone: string; sessions: ExportSession[] }> {
  const edition = await currentEdition(db);
  const rows = await db.programmeSession.findMany({
    where: { editionId: edition.id },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      format: true,
      title: true,
      description: true,
      capacity: true,
      isClosed: true,
      bookingRequired: true,
      status: true,
      bookedCount: true,
      track: { select: { code: true } },
      room: { select: { name: true } },
      speakers: {
        select: { role: true, speaker: { select: { fullName: true } } },
        orderBy: [{ role: "asc" }, { order: "asc" }],
      },
      _count: { select: { waitlist: true } },
    },
    orderBy: [{ startsAt: "asc" }, { title: "asc" }],
  });
  return {
    timeZone: edition.timeZone,
    sessions: rows.map((s) => ({
      ...s,
      waitlistCount: s._count.waitlist,
      moderators: s.speakers.filter((p) => p.role === "MODERATOR").map((p) => p.speaker.fullName),
      speakers: s.speakers.filter((p) => p.role === "SPEAKER").map((p) => p.speaker.fullName),
    })),
  };
}

/** An example row for the template that names a real track and room of the edition. */
export async function templateExample({ db }: { db: Db }) {
  const edition = await currentEdition(db);
  const [track, rooms] = await Promise.all([
    db.track.findFirst({ where: { editionId: edition.id }, orderBy: { order: "asc" }, select: { code: true } }),
    db.room.findMany({
      where: { editionId: edition.id },
      orderBy: [{ capacity: "desc" }, { name: "asc" }],
      select: { id: true, name: true, capacity: true },
    }),
  ]);
  // The example must import as it is: a room with a free 90 minutes and seats within the room's.
  const busy = await db.programmeSession.findMany({
    where: { editionId: edition.id, status: { not: "CANCELLED" }, roomId: { in: rooms.map((r) => r.id) } },
    select: { roomId: true, startsAt: true, endsAt: true },
  });
  const tz = edition.timeZone;
  for (const day of editionDayKeys(edition.startsAt, edition.endsAt, tz)) {
    for (const start of EXAMPLE_STARTS) {
      const from = zonedTimeToUtc(day, start, tz);
      const to = new Date(from.getTime() + 90 * 60_000);
      const room =
        rooms.find((r) => !busy.some((b) => b.roomId === r.id && b.startsAt < to && b.endsAt > from)) ?? null;
      if (rooms.length > 0 && !room) continue;
      return {
        day,
        start,
        end: formatZonedTime(to, tz),
        trackCode: track?.code ?? "",
        roomName: room?.name ?? "",
        capacity: Math.min(60, room?.capacity ?? 60),
      };
    }
  }
  const day = zonedDayKey(edition.startsAt, tz);
  return { day, start: "15:00", end: "16:30", trackCode: track?.code ?? "", roomName: "", capacity: 60 };
}
