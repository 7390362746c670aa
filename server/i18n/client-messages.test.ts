import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CLIENT_NAMESPACES, clientMessages } from "~/server/i18n/client-messages";
import { messages } from "~/server/i18n/messages/ru";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** Namespaces a client component reads: useTranslations("ns"), or t("ns.key") after useTranslations(). */
function namespacesOf(source: string): string[] {
  const named = [...source.matchAll(/useTranslations\("([A-Za-z]+)"\)/g)].map((m) => m[1]!);
  const whole = /useTranslations\(\)/.test(source)
    ? [...source.matchAll(/\bt\(["`]([A-Za-z]+)\./g)].map((m) => m[1]!)
    : [];
  return [...new Set([...named, ...whole])];
}

describe("messages sent to the browser", () => {
  const all: string[] = Object.values(CLIENT_NAMESPACES).flat();
  it("cover every namespace a client component reads, and each exists in the catalogue", () => {
    const missing: string[] = [];
    for (const file of files(path.join(process.cwd(), "app"))) {
      const source = readFileSync(file, "utf8");
      if (!/^["']use client["']/.test(source)) continue;
      for (const ns of namespacesOf(source)) if (!all.includes(ns)) missing.push(`${file}: ${ns}`);
    }
    expect(missing).toEqual([]);
    for (const ns of all) expect(messages, ns).toHaveProperty(ns);
  });

  it("are the guest set for guests, more for participants and organisers, never the whole catalogue", () => {
    const guest = Object.keys(clientMessages(messages, null));
    const participant = Object.keys(clientMessages(messages, { role: "PARTICIPANT" }));
    const organiser = Object.keys(clientMessages(messages, { role: "ORGANISER" }));
    expect(guest).toEqual([...CLIENT_NAMESPACES.everyone]);
    expect(participant).toEqual(expect.arrayContaining([...guest, "my", "accountPage"]));
    expect(participant).not.toContain("organiserProgramme");
    expect(organiser).toContain("organiserProgramme");
    expect(organiser.length).toBeLessThan(Object.keys(messages).length);
    expect(guest).not.toContain("bookingMail");
  });
});
