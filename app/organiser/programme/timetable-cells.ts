/**
 * The timetable as a grid of cells for keyboard navigation (pure, no React): one row per
 * half-hour, one column per room. A cell holds the session block that starts in it, an empty-slot
 * link, or is covered by a block that started in an earlier row (then it points to that block).
 */
export type CellKey = string;

export type Grid = {
  /** keys[row][col]: the cell's focus target (a block id or a slot key), covered cells included. */
  keys: CellKey[][];
};

export type GridBlock = { id: string; roomId: string; startMin: number; endMin: number };

export const slotKey = (roomId: string, min: number): CellKey => `slot:${roomId}:${min}`;
export const blockKey = (id: string): CellKey => `block:${id}`;

export function buildGrid({
  rooms,
  slots,
  blocks,
}: {
  rooms: { id: string }[];
  slots: number[];
  blocks: GridBlock[];
}): Grid {
  const keys = slots.map((m) =>
    rooms.map((r) => {
      const here = blocks.filter((b) => b.roomId === r.id && b.startMin < m + 30 && m < b.endMin);
      // A block starting in this half-hour owns the cell; else the one still running covers it.
      const starting = here.find((b) => b.startMin >= m) ?? here[0];
      return starting ? blockKey(starting.id) : slotKey(r.id, m);
    }),
  );
  return { keys };
}

export type Position = { row: number; col: number };
export type Move = "up" | "down" | "left" | "right" | "rowStart" | "rowEnd" | "first" | "last";

/**
 * Where an arrow key goes from `at`. Up and down skip the rest of the block under the cursor, so
 * that one press leaves a long session; left and right stay in the row.
 */
export function step(grid: Grid, at: Position, move: Move): Position {
  const rows = grid.keys.length;
  const cols = grid.keys[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return at;
  const key = (p: Position) => grid.keys[p.row]?.[p.col];
  const clampRow = (r: number) => Math.max(0, Math.min(rows - 1, r));
  const clampCol = (c: number) => Math.max(0, Math.min(cols - 1, c));
  switch (move) {
    case "left":
      return { row: at.row, col: clampCol(at.col - 1) };
    case "right":
      return { row: at.row, col: clampCol(at.col + 1) };
    case "rowStart":
      return { row: at.row, col: 0 };
    case "rowEnd":
      return { row: at.row, col: cols - 1 };
    case "first":
      return { row: 0, col: 0 };
    case "last":
      return { row: rows - 1, col: cols - 1 };
    case "down":
    case "up": {
      const dir = move === "down" ? 1 : -1;
      const here = key(at);
      let r = at.row + dir;
      while (r >= 0 && r < rows && grid.keys[r]![at.col] === here) r += dir;
      const next = { row: clampRow(r), col: at.col };
      // Moving up onto a block lands on the block's first row (its own cell).
      if (dir === -1) {
        const k = key(next);
        let top = next.row;
        while (top > 0 && grid.keys[top - 1]![at.col] === k) top -= 1;
        return { row: top, col: at.col };
      }
      return next;
    }
  }
}

/** The first cell that holds a session (page order: earliest row, then leftmost room), else the first cell. */
export function firstBlock(grid: Grid): Position {
  for (let row = 0; row < grid.keys.length; row++) {
    const col = grid.keys[row]!.findIndex((k) => k.startsWith("block:"));
    if (col >= 0) return { row, col };
  }
  return { row: 0, col: 0 };
}

/** The position of a key (its first row). */
export function find(grid: Grid, key: CellKey): Position | null {
  for (let row = 0; row < grid.keys.length; row++) {
    const col = grid.keys[row]!.indexOf(key);
    if (col >= 0) return { row, col };
  }
  return null;
}
