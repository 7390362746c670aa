import { describe, expect, it } from "vitest";
import { blockKey, buildGrid, find, firstBlock, slotKey, step } from "~/app/organiser/programme/timetable-cells";

const rooms = [{ id: "a" }, { id: "b" }];
const slots = [600, 630, 660, 690]; // 10:00–12:00
// «x» in room b 10:30–11:30 (two rows), «y» in room a 11:30–12:00.
const blocks = [
  { id: "x", roomId: "b", startMin: 630, endMin: 690 },
  { id: "y", roomId: "a", startMin: 690, endMin: 720 },
];
const grid = buildGrid({ rooms, slots, blocks });

describe("timetable cells", () => {
  it("put each block in the row it starts in and cover the rows it runs through", () => {
    expect(grid.keys).toEqual([
      [slotKey("a", 600), slotKey("b", 600)],
      [slotKey("a", 630), blockKey("x")],
      [slotKey("a", 660), blockKey("x")],
      [blockKey("y"), slotKey("b", 690)],
    ]);
  });

  it("start keyboard focus on the first session, not on the empty slots before it", () => {
    expect(firstBlock(grid)).toEqual({ row: 1, col: 1 });
    expect(firstBlock(buildGrid({ rooms, slots, blocks: [] }))).toEqual({ row: 0, col: 0 });
  });

  it("leave a long block in one press down, and land on its first row going up", () => {
    expect(step(grid, { row: 1, col: 1 }, "down")).toEqual({ row: 3, col: 1 });
    expect(step(grid, { row: 3, col: 1 }, "up")).toEqual({ row: 1, col: 1 });
    expect(step(grid, { row: 0, col: 1 }, "down")).toEqual({ row: 1, col: 1 });
  });

  it("move along rows, stop at the edges, jump to row ends and grid corners", () => {
    expect(step(grid, { row: 1, col: 0 }, "right")).toEqual({ row: 1, col: 1 });
    expect(step(grid, { row: 1, col: 1 }, "right")).toEqual({ row: 1, col: 1 });
    expect(step(grid, { row: 0, col: 0 }, "up")).toEqual({ row: 0, col: 0 });
    expect(step(grid, { row: 2, col: 1 }, "rowStart")).toEqual({ row: 2, col: 0 });
    expect(step(grid, { row: 0, col: 0 }, "last")).toEqual({ row: 3, col: 1 });
    expect(find(grid, blockKey("y"))).toEqual({ row: 3, col: 0 });
  });
});
