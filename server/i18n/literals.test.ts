import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * No user-facing text outside the messages layer: every string literal, template part and JSX
 * text in app/, server/ and scripts/ is free of Cyrillic (comments may quote Russian; they are
 * not scanned). Test data is the only exception, listed here with its reason.
 */
const ALLOWED = new Map<string, string>([
  ["server/test/factories.ts", "test data: Russian names and titles for integration tests"],
  ["server/meeting/testing.ts", "test data of the August meeting's integration tests"],
]);

const SKIPPED_DIRS = new Set(["node_modules", "generated", "messages"]);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return SKIPPED_DIRS.has(name) ? [] : files(p);
    return /\.(tsx?|mjs)$/.test(name) && !/\.test\.tsx?$|\.spec\.tsx?$/.test(name) ? [p] : [];
  });
}

const CYRILLIC = /[А-Яа-яЁё]/;

/** Cyrillic literals of one source file: `line: text`. */
export function cyrillicLiterals(fileName: string, source: string): string[] {
  const kind = fileName.endsWith(".tsx")
    ? ts.ScriptKind.TSX
    : fileName.endsWith(".mjs")
      ? ts.ScriptKind.JS
      : ts.ScriptKind.TS;
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    const text =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isJsxText(node)
        ? node.text
        : ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)
          ? node.text
          : null;
    if (text !== null && CYRILLIC.test(text)) {
      const { line } = file.getLineAndCharacterOfPosition(node.getStart());
      found.push(`${line + 1}: ${text.trim().slice(0, 60)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe("user-facing text", () => {
  it("the scanner finds literals and JSX text, not comments", () => {
    const sample = `// «Записаться» in a comment\nconst a = "Записаться";\nconst b = \`до \${x} мест\`;\nconst c = <p>Привет</p>;\nconst d = /ё/g;`;
    expect([...new Set(cyrillicLiterals("sample.tsx", sample).map((l) => l.split(":")[0]))]).toEqual(["2", "3", "4"]);
  });

  it("lives in the messages layer: no Cyrillic literal in app/, server/ or scripts/", () => {
    const root = process.cwd();
    const offenders: string[] = [];
    for (const dir of ["app", "server", "scripts"]) {
      for (const file of files(path.join(root, dir))) {
        const relative = path.relative(root, file).split(path.sep).join("/");
        if (ALLOWED.has(relative)) continue;
        for (const hit of cyrillicLiterals(file, readFileSync(file, "utf8"))) offenders.push(`${relative}:${hit}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
