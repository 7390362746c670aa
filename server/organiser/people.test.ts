import { describe, expect, it } from "vitest";
import { matchPeople, normalizeName, sameName, type PersonOption } from "~/server/organiser/people";

const person = (value: string, name: string, organisation = ""): PersonOption => ({
  value,
  name,
  organisation,
  label: organisation ? `${name} (${organisation})` : name,
});
const people = [
  person("a", "Самойлова Елена Викторовна", "Федеральный центр развития СПО"),
  person("b", "Ёлкин Пётр Сергеевич", "Калужский колледж информатики"),
  person("c", "Иванов Иван", "ООО «Кадры»"),
  person("d", "Петрова Анна", "Калужский государственный университет"),
  person("e", "Ивановская Ольга"),
];
const ids = (list: PersonOption[]) => list.map((p) => p.value);

describe("people pickers: matching what is typed", () => {
  it("ignore case and «ё»/«е», both ways", () => {
    expect(ids(matchPeople(people, "елк"))).toEqual(["b"]);
    expect(ids(matchPeople(people, "ЁЛК"))).toEqual(["b"]);
    expect(ids(matchPeople(people, "петр"))).toEqual(["d", "b"]);
    expect(normalizeName("  Пётр   ЁЛКИН ")).toBe("петр елкин");
  });

  it("find by surname first, then by other words of the name", () => {
    expect(ids(matchPeople(people, "иван"))).toEqual(["c", "e"]);
    expect(ids(matchPeople(people, "елена"))).toEqual(["a"]);
    expect(ids(matchPeople(people, "викторовна самойлова"))).toEqual(["a"]);
  });

  it("find by the organisation, alone or with a name", () => {
    expect(ids(matchPeople(people, "калужский"))).toEqual(["b", "d"]);
    expect(ids(matchPeople(people, "кадры"))).toEqual(["c"]);
    expect(ids(matchPeople(people, "анна калуж"))).toEqual(["d"]);
  });

  it("match word beginnings only, not the middle of a word", () => {
    expect(ids(matchPeople(people, "ова"))).toEqual([]);
    expect(ids(matchPeople(people, "зз"))).toEqual([]);
  });

  it("leave out people already chosen, keep the list's order for an empty query, respect the limit", () => {
    expect(ids(matchPeople(people, "иван", { exclude: ["c"] }))).toEqual(["e"]);
    expect(ids(matchPeople(people, "  "))).toEqual(["a", "b", "c", "d", "e"]);
    expect(ids(matchPeople(people, "", { exclude: ["a"], limit: 2 }))).toEqual(["b", "c"]);
  });

  it("tell a name already in the list regardless of case, «ё» and spacing", () => {
    expect(sameName("Ёлкин  Пётр Сергеевич", "елкин петр сергеевич")).toBe(true);
    expect(sameName("Иванов Иван", "Иванов Иван Иванович")).toBe(false);
    expect(sameName(" ", "")).toBe(false);
  });
});
