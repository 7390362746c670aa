/**
 * The compact programme's shapes, pure: a day as a time × room grid (rows are the day's time
 * boundaries, a session spans the rows of its duration) and «Сейчас идёт / Далее» at an instant.
 *
 * Why rooms, not tracks, as columns: a room holds one session at a time, so a cell never has to
 * stack two sessions (a track often runs two at once), and the room is where people walk. The
 * demo venue has ten rooms, so only the rooms in use that day become columns.
 */

type GridSession = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  room: { id: string; name: string; capacity: number } | null;
};

export type GridColumn = { key: string; roomId: string | null; name: string | null };
export type GridCell<T> = { kind: "session"; session: T; rowSpan: number } | { kind: "empty" };
export type GridRow<T> = { at: Date; cells: (GridCell<T> | null)[] };
export type RoomGrid<T> = { columns: GridColumn[]; rows: GridRow<T>[] };

/**
 * Columns: rooms in use, the largest first (the plenary hall leads), then sessions with no room
 * yet. Two sessions overlapping in one room (only an organiser's mistake can do it) get a second
 * column of that room instead of hiding one. Rows: every distinct start or end time of the day;
 * a cell is `null` where a session from an earlier row still runs (the row span covers it).
 */
export function buildRoomGrid<T extends GridSession>(sessions: readonly T[]): RoomGrid<T> {
  const sorted = [...sessions].sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || b.endsAt.getTime() - a.endsAt.getTime(),
  );
  const rooms = new Map<string, { roomId: string | null; name: string | null; capacity: number; lanes: T[][] }>();
  for (const s of sorted) {
    const id = s.room?.id ?? "";
    let room = rooms.get(id);
    if (!room) {
      room = { roomId: s.room?.id ?? null, name: s.room?.name ?? null, capacity: s.room?.capacity ?? -1, lanes: [] };
      rooms.set(id, room);
    }
    const lane = room.lanes.find((l) => (l.at(-1)?.endsAt.getTime() ?? 0) <= s.startsAt.getTime());
    if (lane) lane.push(s);
    else room.lanes.push([s]);
  }
  const ordered = [...rooms.values()].sort(
    (a, b) =>
      (a.roomId === null ? 1 : 0) - (b.roomId === null ? 1 : 0) ||
      b.capacity - a.capacity ||
      (a.name ?? "").localeCompare(b.name ?? "", "ru"),
  );
  const columns: GridColumn[] = [];
  const lanes: T[][] = [];
  for (const room of ordered) {
    room.lanes.forEach((lane, i) => {
      columns.push({ key: `${room.roomId ?? "none"}-${i}`, roomId: room.roomId, name: room.name });
      lanes.push(lane);
    });
  }
  const times = [...new Set(sorted.flatMap((s) => [s.startsAt.getTime(), s.endsAt.getTime()]))].sort((a, b) => a - b);
  const index = new Map(times.map((t, i) => [t, i]));
  const rows: GridRow<T>[] = times.slice(0, -1).map((t) => ({ at: new Date(t), cells: lanes.map(() => null) }));
  lanes.forEach((lane, col) => {
    const covered = new Array<boolean>(rows.length).fill(false);
    for (const s of lane) {
      const from = index.get(s.startsAt.getTime()) ?? 0;
      const to = Math.max(from + 1, index.get(s.endsAt.getTime()) ?? from + 1);
      const row = rows[from];
      if (!row) continue;
      row.cells[col] = { kind: "session", session: s, rowSpan: to - from };
      for (let r = from; r < to; r++) covered[r] = true;
    }
    rows.forEach((row, r) => {
      if (!covered[r]) row.cells[col] = { kind: "empty" };
    });
  });
  return { columns, rows };
}

type Timed = { startsAt: Date; endsAt: Date; status?: string; timeHidden?: boolean };

export type NowAndNext<T> = { running: T[]; next: T[]; nextAt: Date | null };

/**
 * What runs at `now` (started, not yet ended) and what starts next (every session of the
 * earliest start after `now`). Cancelled sessions and the hidden-time meeting take no part.
 */
export function nowAndNext<T extends Timed>(sessions: readonly T[], now: Date): NowAndNext<T> {
  const t = now.getTime();
  const live = sessions.filter((s) => s.status !== "CANCELLED" && !s.timeHidden);
  const running = live.filter((s) => s.startsAt.getTime() <= t && t < s.endsAt.getTime());
  const later = live.filter((s) => s.startsAt.getTime() > t);
  const nextAt = later.reduce<number | null>(
    (m, s) => (m === null || s.startsAt.getTime() < m ? s.startsAt.getTime() : m),
    null,
  );
  return {
    running: running.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
    next: nextAt === null ? [] : later.filter((s) => s.startsAt.getTime() === nextAt),
    nextAt: nextAt === null ? null : new Date(nextAt),
  };
}
