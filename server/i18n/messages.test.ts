import { describe, expect, it } from "vitest";
import IntlMessageFormat from "intl-messageformat";
import { createTranslator } from "use-intl/core";
import { locales } from "~/server/i18n/config";
import { parts as en } from "~/server/i18n/messages/en";
import { parts as ru } from "~/server/i18n/messages/ru";

const catalogues: Record<string, Record<string, Record<string, unknown>>> = { ru, en };

/** Every leaf of a messages tree as "a.b.c". */
function leaves(tree: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === "string") out.set(prefix, tree);
  else if (tree && typeof tree === "object")
    for (const [key, value] of Object.entries(tree))
      for (const [k, v] of leaves(value, prefix ? `${prefix}.${key}` : key)) out.set(k, v);
  return out;
}

type Element = { type: number; value?: string; options?: Record<string, { value: Element[] }>; children?: Element[] };

/** ICU argument names of a message ({name}, {count, plural, …}), sorted, read by the ICU parser. */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const walk = (elements: Element[]) => {
    for (const el of elements) {
      // 1 argument, 2 number, 3 date, 4 time, 5 select, 6 plural (the parser's TYPE enum).
      if (el.type >= 1 && el.type <= 6 && el.value) names.add(el.value);
      for (const option of Object.values(el.options ?? {})) walk(option.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(message, "en").getAst() as Element[]);
  return [...names].sort();
}

describe("messages", () => {
  it("never define one namespace in two files", () => {
    for (const locale of locales) {
      const seen = new Map<string, string>();
      for (const [file, content] of Object.entries(catalogues[locale]!)) {
        for (const ns of Object.keys(content)) {
          expect(seen.get(ns), `${locale}: namespace "${ns}" is in ${seen.get(ns)} and ${file}`).toBeUndefined();
          seen.set(ns, file);
        }
      }
      expect(seen.size).toBeGreaterThan(5);
    }
  });

  it("every locale has exactly the files and keys of Russian, with the same ICU arguments", () => {
    const reference = leaves(ru);
    for (const locale of locales.filter((l) => l !== "ru")) {
      const other = leaves(catalogues[locale]);
      const missing = [...reference.keys()].filter((k) => !other.has(k));
      const extra = [...other.keys()].filter((k) => !reference.has(k));
      expect({ locale, missing, extra }).toEqual({ locale, missing: [], extra: [] });
      const argumentMismatch = [...reference]
        .filter(([k, v]) => argumentsOf(v).join() !== argumentsOf(other.get(k) ?? "").join())
        .map(([k]) => k);
      expect({ locale, argumentMismatch }).toEqual({ locale, argumentMismatch: [] });
    }
  });

  it("English is English: no Cyrillic but the switch to Russian itself", () => {
    const russianWords = [...leaves(en)].filter(
      ([k, v]) => /[А-Яа-яЁё]/.test(v) && !k.startsWith("server.language.switchTo"),
    );
    expect(russianWords.map(([k]) => k)).toEqual([]);
  });

  it("every message compiles in its locale (ICU syntax, plurals)", () => {
    for (const locale of locales) {
      for (const [file, content] of Object.entries(catalogues[locale]!)) {
        const t = createTranslator({
          locale,
          messages: content,
          onError: (e) => {
            throw new Error(`${locale}/${file}: ${e.message}`);
          },
        });
        for (const [key, value] of leaves(content)) {
          // Every argument as 1 (a plural, a select's "other", a plain value): a syntax error throws.
          const values = Object.fromEntries(argumentsOf(value).map((name) => [name, 1]));
          const tags = Object.fromEntries([...value.matchAll(/<(\w+)>/g)].map((m) => [m[1]!, (c: unknown) => c]));
          const text = String(t.rich(key as never, { ...values, ...tags } as never));
          expect(text, `${locale}: ${key}`).not.toMatch(/\{\s*\w+\s*[,}]/);
        }
      }
    }
  });
});
