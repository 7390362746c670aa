import type { RoomSeed } from "./types";

/** Demo halls and rooms of the forum's venue. */
export const rooms: RoomSeed[] = [
  { name: "Большой пленарный зал", capacity: 800, floor: "1 этаж" },
  { name: "Зал «Циолковский»", capacity: 300, floor: "2 этаж" },
  { name: "Зал «Ока»", capacity: 180, floor: "2 этаж" },
  { name: "Зал «Угра»", capacity: 100, floor: "3 этаж" },
  { name: "Аудитория «Спутник»", capacity: 80, floor: "3 этаж" },
  { name: "Аудитория «Восход»", capacity: 60, floor: "3 этаж" },
  { name: "Аудитория «Орбита»", capacity: 40, floor: "4 этаж" },
  { name: "Мастерская «Лаборатория 1»", capacity: 30, floor: "4 этаж" },
  { name: "Мастерская «Лаборатория 2»", capacity: 20, floor: "4 этаж" },
  { name: "Переговорная «Кампус»", capacity: 15, floor: "4 этаж" },
];
