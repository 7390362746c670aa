import type { SessionFormatCode, SessionSeed } from "./types";

/** Room names of the demo venue (must match rooms.ts; the unit test checks it). */
export const HALL = "Большой пленарный зал";
export const TSIOL = "Зал «Циолковский»";
export const OKA = "Зал «Ока»";
export const UGRA = "Зал «Угра»";
export const SPUTNIK = "Аудитория «Спутник»";
export const VOSKHOD = "Аудитория «Восход»";
export const ORBITA = "Аудитория «Орбита»";
export const LAB1 = "Мастерская «Лаборатория 1»";
export const LAB2 = "Мастерская «Лаборатория 2»";
export const KAMPUS = "Переговорная «Кампус»";

/** One programme row as written in the day files; session() turns it into a SessionSeed. */
export type Row = {
  key: string;
  day: SessionSeed["day"];
  /** "HH:MM-HH:MM", Moscow time. */
  time: string;
  track: string | null;
  room: string;
  format: SessionFormatCode;
  capacity: number | null;
  title: string;
  description: string;
  /** Speaker key of the moderator. */
  moderator: string;
  /** Speaker keys of the speakers, in order. */
  speakers?: string[];
  isClosed?: boolean;
};

export function session(row: Row): SessionSeed {
  const [start = "", end = ""] = row.time.split("-");
  return {
    key: row.key,
    day: row.day,
    start,
    end,
    trackCode: row.track,
    roomName: row.room,
    format: row.format,
    title: row.title,
    description: row.description,
    capacity: row.capacity,
    isClosed: row.isClosed ?? false,
    speakers: [
      { key: row.moderator, role: "MODERATOR" },
      ...(row.speakers ?? []).map((key) => ({ key, role: "SPEAKER" as const })),
    ],
  };
}
