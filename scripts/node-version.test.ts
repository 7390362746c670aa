import { describe, expect, it } from "vitest";
import { nodeVersionProblem, parseMinimum, requiredNodeRange } from "~/scripts/node-version.mjs";

describe("the Node.js version check", () => {
  it("reads package.json's engines", () => {
    expect(requiredNodeRange()).toBe(">=20.19");
    expect(parseMinimum(">=20.19")).toEqual({ major: 20, minor: 19 });
    expect(parseMinimum(">=22")).toEqual({ major: 22, minor: 0 });
    expect(() => parseMinimum("^20 || ^22")).toThrow(/MAJOR.MINOR/);
  });

  it("accepts 20.19 and newer, including this machine's", () => {
    for (const v of ["20.19.0", "v20.20.2", "22.12.0", "24.1.0", process.versions.node]) {
      expect(nodeVersionProblem(v, ">=20.19")).toBeNull();
    }
  });

  it("refuses older versions with one line that says what to install", () => {
    expect(nodeVersionProblem("20.18.3", ">=20.19")).toBe(
      'Node.js 20.19 or newer is needed (package.json "engines"); this is v20.18.3. ' +
        "Install Node.js 20.19+ (22 LTS works too), then run npm install again.",
    );
    expect(nodeVersionProblem("v18.20.0", ">=20.19")).toMatch(/this is v18\.20\.0/);
  });
});
