import { describe, expect, it } from "vitest";
import { answerValues, rawAnswer } from "~/app/_components/answer-values";

describe("answerValues", () => {
  it("takes the question fields only, one value as a string and several as a list", () => {
    const data = new FormData();
    data.append("surname", "Иванова");
    data.append("password", "secret-secret");
    data.append("q_a", "короткий ответ");
    data.append("q_b", "opt1");
    data.append("q_b", "opt3");
    data.append("q_c", "yes");
    expect(answerValues(data)).toEqual({ q_a: "короткий ответ", q_b: ["opt1", "opt3"], q_c: "yes" });
  });

  it("leaves out a question nothing was sent for (no checkbox ticked)", () => {
    expect(answerValues(new FormData())).toEqual({});
  });
});

describe("rawAnswer", () => {
  it("turns stored answers into what the fields hold", () => {
    expect(rawAnswer(true)).toBe("yes");
    expect(rawAnswer(false)).toBe("no");
    expect(rawAnswer("2026-08-24")).toBe("2026-08-24");
    expect(rawAnswer(["a", 3, "b"])).toEqual(["a", "b"]);
    expect(rawAnswer(null)).toBeUndefined();
    expect(rawAnswer(undefined)).toBeUndefined();
  });
});
