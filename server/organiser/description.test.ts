import { describe, expect, it } from "vitest";
import {
  descriptionPlainText,
  parseDescription,
  parseInline,
  safeHref,
  sanitiseDescription,
} from "~/server/organiser/description";

describe("sanitiseDescription", () => {
  it("keeps plain text with its paragraphs", () => {
    expect(sanitiseDescription("Первый абзац.\r\n\r\n\r\n\r\nВторой абзац.  \n")).toBe(
      "Первый абзац.\n\nВторой абзац.",
    );
  });

  it("drops scripts, styles, event handlers and every other tag", () => {
    const dirty =
      '<p onclick="alert(1)">Привет</p><script>alert("x")</script><style>p{}</style><img src=x onerror=alert(1)><iframe src="//evil"></iframe>мир';
    const clean = sanitiseDescription(dirty);
    expect(clean).toBe("Привет\n\nмир");
    expect(clean).not.toMatch(/[<>]/);
  });

  it("turns pasted HTML formatting into the Markdown subset", () => {
    expect(sanitiseDescription("<p><b>Важно</b>: <i>очень</i></p><ul><li>один</li><li>два</li></ul>")).toBe(
      "**Важно**: *очень*\n\n- один\n- два",
    );
    expect(sanitiseDescription("строка<br>ещё&nbsp;одна &laquo;цитата&raquo; &#8212; &amp;")).toBe(
      "строка\nещё одна «цитата» — &",
    );
  });

  it("removes control characters and zero-width junk", () => {
    expect(sanitiseDescription("a\u0000b\u0007c\u200bd\ufeff\te")).toBe("abcd e");
  });

  it("decoded entities never become markup: an encoded tag stays text for the renderer to escape", () => {
    const clean = sanitiseDescription("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(clean).toBe("<script>alert(1)</script>");
    const blocks = parseDescription(clean);
    expect(blocks).toEqual([{ type: "p", children: [{ type: "text", text: "<script>alert(1)</script>" }] }]);
  });
});

describe("links", () => {
  it("allows http, https and mailto only", () => {
    expect(safeHref("https://forum-spo.ru/a?b=1")).toBe("https://forum-spo.ru/a?b=1");
    expect(safeHref("mailto:info@forum-spo.ru")).toBe("mailto:info@forum-spo.ru");
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("JaVaScRiPt:alert(1)")).toBeNull();
    expect(safeHref("data:text/html;base64,xx")).toBeNull();
    expect(safeHref("/relative")).toBeNull();
  });

  it("keeps an unsafe link's text as plain text", () => {
    expect(parseInline("[нажми](javascript:alert(1))")).toEqual([
      { type: "text", text: "нажми" },
      { type: "text", text: ")" },
    ]);
    expect(parseInline("см. [сайт](https://forum-spo.ru)")).toEqual([
      { type: "text", text: "см. " },
      { type: "link", href: "https://forum-spo.ru/", children: [{ type: "text", text: "сайт" }] },
    ]);
  });
});

describe("parseDescription", () => {
  it("reads paragraphs, line breaks, lists and emphasis", () => {
    const blocks = parseDescription("**Кто:** директора\nи мастера\n\n- первый\n- *второй*\n\n1. раз\n2) два");
    expect(blocks).toEqual([
      {
        type: "p",
        children: [
          { type: "strong", children: [{ type: "text", text: "Кто:" }] },
          { type: "text", text: " директора" },
          { type: "br" },
          { type: "text", text: "и мастера" },
        ],
      },
      {
        type: "ul",
        items: [[{ type: "text", text: "первый" }], [{ type: "em", children: [{ type: "text", text: "второй" }] }]],
      },
      { type: "ol", items: [[{ type: "text", text: "раз" }], [{ type: "text", text: "два" }]] },
    ]);
  });

  it("gives no blocks for an empty description", () => {
    expect(parseDescription("")).toEqual([]);
  });

  it("strips the marks for plain-text uses", () => {
    expect(descriptionPlainText("**Важно** и *курсив*, [сайт](https://a.ru)")).toBe(
      "Важно и курсив, сайт (https://a.ru)",
    );
  });
});
