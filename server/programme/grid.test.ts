import { describe, expect, it } from "vitest";
import { buildRoomGrid, nowAndNext } from "~/server/programme/grid";
import { clockOverride } from "~/server/programme/clock";
import { resolveProgrammeView, viewFromUrl } from "~/server/programme/view";

const at = (hhmm: string) => new Date(`2025-08-25T${hhmm}:00+03:00`);
const hall = { id: "hall", name: "Hall", capacity: 800 };
const oka = { id: "oka", name: "Oka", capacity: 180 };
const s = (id: string, from: string, to: string, room: typeof hall | null, extra: Record<string, unknown> = {}) => ({
  id,
  startsAt: at(from),
  endsAt: at(to),
  room,
  ...extra,
});

describe("buildRoomGrid", () => {
  it("puts rooms in columns (largest first) and spans each session over its rows", () => {
    const grid = buildRoomGrid([
      s("b", "12:30", "14:00", oka),
      s("a", "10:00", "12:00", hall),
      s("c", "12:30", "14:00", hall),
      s("d", "10:00", "14:00", null),
    ]);
    expect(grid.columns.map((c) => c.roomId)).toEqual(["hall", "oka", null]);
    expect(grid.rows.map((r) => r.at)).toEqual([at("10:00"), at("12:00"), at("12:30")]);
    const [r10, r12, r1230] = grid.rows;
    expect(r10?.cells[0]).toMatchObject({ kind: "session", session: { id: "a" }, rowSpan: 1 });
    expect(r10?.cells[1]).toEqual({ kind: "empty" });
    expect(r10?.cells[2]).toMatchObject({ kind: "session", session: { id: "d" }, rowSpan: 3 });
    expect(r12?.cells).toEqual([{ kind: "empty" }, { kind: "empty" }, null]);
    expect(r1230?.cells[0]).toMatchObject({ session: { id: "c" }, rowSpan: 1 });
    expect(r1230?.cells[1]).toMatchObject({ session: { id: "b" } });
    expect(r1230?.cells[2]).toBeNull();
  });

  it("gives a room a second column when two of its sessions overlap, so neither is hidden", () => {
    const grid = buildRoomGrid([s("a", "10:00", "12:00", hall), s("b", "11:00", "12:30", hall)]);
    expect(grid.columns.map((c) => c.name)).toEqual(["Hall", "Hall"]);
    const ids = grid.rows.flatMap((r) => r.cells.flatMap((c) => (c?.kind === "session" ? [c.session.id] : [])));
    expect(ids.sort()).toEqual(["a", "b"]);
  });

  it("is empty for an empty day", () => {
    expect(buildRoomGrid([])).toEqual({ columns: [], rows: [] });
  });
});

describe("nowAndNext", () => {
  const day = [
    s("long", "10:00", "14:00", hall),
    s("mid", "12:30", "14:00", oka),
    s("gone", "12:30", "14:00", oka, { status: "CANCELLED" }),
    s("meeting", "00:00", "23:59", null, { timeHidden: true }),
    s("next1", "15:00", "16:30", hall),
    s("next2", "15:00", "16:00", oka),
    s("later", "17:00", "18:30", hall),
  ];
  it("lists what runs now and everything of the next start", () => {
    const r = nowAndNext(day, at("12:45"));
    expect(r.running.map((x) => x.id)).toEqual(["long", "mid"]);
    expect(r.next.map((x) => x.id)).toEqual(["next1", "next2"]);
    expect(r.nextAt).toEqual(at("15:00"));
  });
  it("counts a session as running from its start and over at its end", () => {
    expect(nowAndNext(day, at("15:00")).running.map((x) => x.id)).toEqual(["next1", "next2"]);
    expect(nowAndNext(day, at("14:00")).running).toEqual([]);
  });
  it("has nothing next after the last start", () => {
    expect(nowAndNext(day, at("18:00"))).toMatchObject({ next: [], nextAt: null });
  });
});

describe("FORUM_CLOCK", () => {
  const clock = "2025-08-25T12:45:00+03:00";
  it("is honoured in development, tests and the e2e run only", () => {
    expect(clockOverride({ NODE_ENV: "development", DEV_MAIL_VIEWER: false, FORUM_CLOCK: clock })).toEqual(at("12:45"));
    expect(clockOverride({ NODE_ENV: "test", DEV_MAIL_VIEWER: false, FORUM_CLOCK: clock })).toEqual(at("12:45"));
    expect(clockOverride({ NODE_ENV: "production", DEV_MAIL_VIEWER: true, FORUM_CLOCK: clock })).toEqual(at("12:45"));
    expect(clockOverride({ NODE_ENV: "production", DEV_MAIL_VIEWER: false, FORUM_CLOCK: clock })).toBeNull();
    expect(clockOverride({ NODE_ENV: "development", DEV_MAIL_VIEWER: false, FORUM_CLOCK: undefined })).toBeNull();
  });
});

describe("programme view", () => {
  it("takes the URL first, then the cookie, then the cards", () => {
    expect(resolveProgrammeView("cards", "compact")).toBe("cards");
    expect(resolveProgrammeView(undefined, "compact")).toBe("compact");
    expect(resolveProgrammeView(["compact", "cards"], undefined)).toBe("compact");
    expect(resolveProgrammeView("grid", "nonsense")).toBe("cards");
    expect(viewFromUrl("grid")).toBeNull();
    expect(viewFromUrl("compact")).toBe("compact");
  });
});
