/**
 * Finding people by what an organiser types (the session editor's speaker and moderator
 * pickers) and telling whether a new name is one already in the list. Pure: no database.
 * Case, «ё»/«е», extra spaces and punctuation do not matter; each typed word must begin a word of
 * the name or of the organisation («иван кгу» finds «Иванова Мария (КГУ)»).
 */
export type PersonOption = { value: string; label: string; name: string; organisation: string };

/** «е» by its code point: the letter itself in a string would read as untranslated text (literals.test.ts). */
const YE = String.fromCodePoint(0x0435);

/** Lower case, «ё» as «е», one space between words. */
export function normalizeName(text: string): string {
  return text.toLocaleLowerCase("ru-RU").replace(/ё/g, YE).replace(/\s+/g, " ").trim();
}

const words = (text: string): string[] =>
  normalizeName(text)
    .split(/[\s\-‐–—«»"'„“”().,;:/]+/)
    .filter(Boolean);

/** Two names that are the same person's name as far as a list of people can tell. */
export function sameName(a: string, b: string): boolean {
  return words(a).join(" ") === words(b).join(" ") && words(a).length > 0;
}

/** 0: the name starts with what is typed; 1: every word begins a word of the name; 2: of name or organisation. */
function rank(person: PersonOption, queryWords: string[], query: string): number | null {
  const name = words(person.name);
  if (name.join(" ").startsWith(query)) return 0;
  const begins = (pool: string[]) => queryWords.every((q) => pool.some((w) => w.startsWith(q)));
  if (begins(name)) return 1;
  if (begins([...name, ...words(person.organisation)])) return 2;
  return null;
}

/**
 * The people that match `query`, best first (then in the list's order), without those in
 * `exclude`; all of them (in order) for an empty query.
 */
export function matchPeople(
  people: readonly PersonOption[],
  query: string,
  { exclude = [], limit = 50 }: { exclude?: readonly string[]; limit?: number } = {},
): PersonOption[] {
  const skip = new Set(exclude);
  const candidates = people.filter((p) => !skip.has(p.value));
  const queryWords = words(query);
  if (queryWords.length === 0) return candidates.slice(0, limit);
  const joined = queryWords.join(" ");
  return candidates
    .map((person, index) => ({ person, index, rank: rank(person, queryWords, joined) }))
    .filter((m): m is { person: PersonOption; index: number; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((m) => m.person);
}
