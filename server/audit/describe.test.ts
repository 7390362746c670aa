import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";
import { AUDIT_ACTIONS, describeAudit, titleKey, type AuditLookups, type AuditRow } from "~/server/audit/describe";
import { messages as en } from "~/server/i18n/messages/en";
import { messages as ru } from "~/server/i18n/messages/ru";

const TZ = "Europe/Moscow";

/** Every `.ts` file of server/ that may write an audit entry (tests and generated code left out). */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sources(full);
    return e.name.endsWith(".ts") && !e.name.includes(".test.") ? [full] : [];
  });
}

/** The dotted names that appear on a line that sets an audit `action` ("session.move", …). */
function writtenActions(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(path.join(process.cwd(), "server"))) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (!/\baction\b/.test(line)) continue;
      for (const m of line.matchAll(/"([a-z][A-Za-z]*(?:\.[A-Za-z]+)+)"/g)) found.add(m[1]!);
    }
  }
  return found;
}

const empty: AuditLookups = { titles: new Map(), actors: new Map(), tracks: new Map() };
const row = (over: Partial<AuditRow>): AuditRow => ({
  actorId: "u1",
  actorEmail: "org@example.ru",
  action: "session.move",
  entity: "ProgrammeSession",
  entityId: "s1",
  before: null,
  after: null,
  ...over,
});
const translators = {
  ru: createTranslator({ locale: "ru", messages: ru, namespace: "auditSentences" }),
  en: createTranslator({ locale: "en", messages: en, namespace: "auditSentences" }),
};
const sentence = (locale: "ru" | "en", r: AuditRow, lookups = empty) => {
  const s = describeAudit(r, lookups, { timeZone: TZ, deleted: locale === "ru" ? "удалено" : "deleted" });
  return (translators[locale] as unknown as (k: string, v: Record<string, string>) => string)(s.key!, s.values);
};

describe("audit sentences", () => {
  it("know every action the code writes", () => {
    const written = writtenActions();
    // The scan must see the actions (guards against a scan that finds nothing).
    expect(written.has("session.move")).toBe(true);
    expect(written.has("application.accredit")).toBe(true);
    const missing = [...written].filter((a) => !(AUDIT_ACTIONS as readonly string[]).includes(a));
    expect(missing).toEqual([]);
  });

  it.each(AUDIT_ACTIONS)("have a sentence and a filter label for %s in Russian and English", (action) => {
    for (const locale of ["ru", "en"] as const) {
      const text = sentence(locale, row({ action, after: { title: "Пленарное", count: 3 } }));
      expect(text).toContain("org@example.ru");
      expect(text).not.toMatch(/auditSentences|\{|\}/);
      const label = createTranslator({ locale, messages: locale === "ru" ? ru : en, namespace: "auditActions" })(
        action as never,
      );
      expect(label).not.toContain(action);
    }
  });

  it("tell a move with the title and the Moscow times, the organiser named", () => {
    const lookups: AuditLookups = {
      ...empty,
      titles: new Map([[titleKey("ProgrammeSession", "s1"), "Цифровая кафедра"]]),
      actors: new Map([["u1", "Кедров Олег (org@example.ru)"]]),
    };
    const moved = row({
      before: { startsAt: "2026-08-26T09:30:00.000Z", room: "Зал А" },
      after: { startsAt: "2026-08-26T10:00:00.000Z", room: "Зал А" },
    });
    expect(sentence("ru", moved, lookups)).toBe(
      "Кедров Олег (org@example.ru) перенёс «Цифровая кафедра» с 12:30 на 13:00",
    );
    expect(sentence("en", moved, lookups)).toBe(
      "Кедров Олег (org@example.ru) moved “Цифровая кафедра” from 12:30 to 13:00",
    );
    const otherDay = row({
      before: { startsAt: "2026-08-26T09:30:00.000Z", room: "Зал А" },
      after: { startsAt: "2026-08-27T07:00:00.000Z", room: "Зал Б" },
    });
    expect(sentence("ru", otherDay, lookups)).toBe(
      "Кедров Олег (org@example.ru) перенёс «Цифровая кафедра» с 26.08 12:30 на 27.08 10:00, из зала «Зал А» в «Зал Б»",
    );
  });

  it("fall back to the title the entry kept, then to «удалено»", () => {
    const gone = row({ action: "session.delete", before: { title: "Старый черновик" } });
    expect(sentence("ru", gone)).toBe("org@example.ru удалил черновик «Старый черновик»");
    const nothing = row({ action: "room.delete", entity: "Room" });
    expect(sentence("ru", nothing)).toBe("org@example.ru удалил зал «удалено»");
  });

  it("name roles, reasons and track limits in words", () => {
    const role = row({
      action: "user.role",
      entity: "User",
      before: { role: "PARTICIPANT" },
      after: { role: "ORGANISER" },
    });
    expect(sentence("ru", role)).toBe("org@example.ru сменил роль удалено: участник → организатор");
    const decline = row({
      action: "application.decline",
      entity: "MeetingApplication",
      after: { reason: "Нет квоты" },
    });
    expect(sentence("ru", decline)).toContain("отклонил заявку удалено: Нет квоты");
    const scope = row({ action: "trackScope.set", entity: "User", after: { trackIds: ["t1"] } });
    expect(sentence("ru", scope, { ...empty, tracks: new Map([["t1", "Цифровизация"]]) })).toContain(
      "треками: «Цифровизация»",
    );
  });

  it("keep an unknown (older) action as stored", () => {
    expect(describeAudit(row({ action: "legacy.thing" }), empty, { timeZone: TZ, deleted: "—" }).key).toBeNull();
  });
});
