import { describe, expect, it } from "vitest";
import { parts } from "~/server/i18n/messages/ru";

describe("Russian messages", () => {
  it("never define one namespace in two files", () => {
    const seen = new Map<string, string>();
    for (const [file, content] of Object.entries(parts)) {
      for (const ns of Object.keys(content)) {
        expect(seen.get(ns), `namespace "${ns}" is in ${seen.get(ns)} and ${file}`).toBeUndefined();
        seen.set(ns, file);
      }
    }
    expect(seen.size).toBeGreaterThan(5);
  });
});
