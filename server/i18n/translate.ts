/**
 * Server-side translation in the locale of the work in hand. A request (a tRPC call, a route
 * handler, a Server Action) or a job (the mail worker rendering one recipient's message) runs
 * inside `withLocale`; translators made by `serverTranslator` read that locale at call time, so
 * module-level translators (errors thrown by services, mail texts) speak the caller's or the
 * recipient's language without passing a locale through every function. Outside any scope the
 * default (Russian) applies.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "use-intl/core";
import { defaultLocale, intlTag, isLocale, locales, type Locale } from "~/server/i18n/config";
import { parts as en } from "~/server/i18n/messages/en";
import { parts as ru, type Parts } from "~/server/i18n/messages/ru";

// Route handlers and Server Components get separate bundled copies of a module: one store per process.
const holder = globalThis as { __spoLocale?: AsyncLocalStorage<Locale> };
const store = (holder.__spoLocale ??= new AsyncLocalStorage<Locale>());

/** Runs `fn` with `locale` as the current locale (and everything it awaits). */
export function withLocale<T>(locale: Locale, fn: () => T): T {
  return store.run(locale, fn);
}

/** Runs `fn` in a stored choice of locale when there is one, else in the current locale. */
export function inLocaleOf<T>(locale: string | null | undefined, fn: () => T): T {
  return isLocale(locale) ? store.run(locale, fn) : fn();
}

/** `fn`'s result in every locale, Russian first (readers that accept any language). */
export function inEveryLocale<T>(fn: () => T): T[] {
  return locales.map((locale) => store.run(locale, fn));
}

export function currentLocale(): Locale {
  return store.getStore() ?? defaultLocale;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date formatter for the current locale and `options`, made once: constructing one costs far
 * more than formatting with it, and mail, lists and exports format thousands of dates.
 */
export function dateFormat(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const tag = currentIntlTag();
  const key = `${tag} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    if (formats.size >= 1000) formats.clear();
    format = new Intl.DateTimeFormat(tag, options);
    formats.set(key, format);
  }
  return format;
}

/** The Intl tag of the current locale («ru-RU», «en-GB»), for date and number formatters. */
export function currentIntlTag(): string {
  return intlTag[currentLocale()];
}

// Same keys in every locale: server/i18n/messages.test.ts fails otherwise.
const catalogues: Record<Locale, Parts> = { ru, en: en as unknown as Parts };

function build<F extends keyof Parts, const N extends NamespaceKeys<Parts[F], NestedKeyOf<Parts[F]>> = never>(
  file: F,
  namespace: N | undefined,
  locale: Locale,
) {
  return createTranslator({ locale, messages: catalogues[locale][file], namespace });
}

/**
 * A translator for one namespace of one messages file (or the whole file), typed by the Russian
 * file, that speaks the current locale each time it is called.
 */
export function serverTranslator<
  F extends keyof Parts,
  const N extends NamespaceKeys<Parts[F], NestedKeyOf<Parts[F]>> = never,
>(file: F, namespace?: N): ReturnType<typeof build<F, N>> {
  const made = new Map<Locale, ReturnType<typeof build<F, N>>>();
  const current = () => {
    const locale = currentLocale();
    let t = made.get(locale);
    if (!t) {
      t = build(file, namespace, locale);
      made.set(locale, t);
    }
    return t;
  };
  return new Proxy(function lazyTranslator() {}, {
    apply: (_target, _this, args: unknown[]) => Reflect.apply(current() as never, undefined, args),
    get: (_target, property) => Reflect.get(current() as object, property),
  }) as unknown as ReturnType<typeof build<F, N>>;
}
