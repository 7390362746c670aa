import { describe, expect, it } from "vitest";
import { descriptionPlainText, renderDescription, safeHref, sanitiseDescription } from "~/server/organiser/description";

describe("sanitiseDescription", () => {
  it("keeps plain text with its paragraphs", () => {
    expect(sanitiseDescription("Первый абзац.\r\n\r\n\r\n\r\nВторой абзац.  \n")).toBe(
      "Первый абзац.\n\nВторой абзац.",
    );
  });

  it("drops scripts, styles, event handlers and every other tag", () => {
    const dirty =
      '<p onclick="alert(1)">Привет</p><script>alert("x")</script><style>p{}</style><img src=x onerror=alert(1)><iframe src="//evil">в рамке</iframe>мир';
    const clean = sanitiseDescription(dirty);
    expect(clean).toBe("Привет\n\nмир");
    expect(clean).not.toMatch(/[<>]/);
  });

  it("turns pasted HTML formatting into Markdown", () => {
    expect(sanitiseDescription("<p><b>Важно</b>: <i>очень</i></p><ul><li>один</li><li>два</li></ul>")).toBe(
      "**Важно**: *очень*\n\n- один\n- два",
    );
    expect(sanitiseDescription("строка<br>ещё&nbsp;одна &laquo;цитата&raquo; &#8212; &amp;")).toBe(
      "строка\nещё одна «цитата» — &",
    );
    expect(sanitiseDescription('<p class="MsoNormal" style="color:red"><span lang="RU">Из Word</span></p>')).toBe(
      "Из Word",
    );
  });

  it("removes control characters and zero-width junk", () => {
    expect(sanitiseDescription("a\u0000b\u0007c\u200bd\ufeff\te")).toBe("abcd e");
  });

  it("keeps an encoded tag as text, which the renderer then escapes", () => {
    const clean = sanitiseDescription("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(clean).toBe("<script>alert(1)</script>");
    expect(renderDescription(clean)).toBe("&lt;script&gt;alert(1)&lt;/script&gt;");
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

  it("renders a safe link with rel, and an unsafe one as its text", () => {
    expect(renderDescription("см. [сайт](https://forum-spo.ru)")).toBe(
      '<p>см. <a href="https://forum-spo.ru/" rel="noopener noreferrer nofollow">сайт</a></p>',
    );
    for (const href of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "java&#x09;script:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "vbscript:msgbox(1)",
      "//evil.example/x",
    ]) {
      const html = renderDescription(`[нажми](${href})`);
      expect(html, href).not.toMatch(/href|javascript|vbscript|data:/i);
      expect(html, href).toContain("нажми");
    }
    expect(renderDescription("<javascript:alert(1)>")).not.toContain("href");
  });
});

/** Every tag in the output, with its attributes: text is escaped, so a "<" always starts a real tag. */
function tagsOf(html: string): { name: string; attributes: string[] }[] {
  return [...html.matchAll(/<\/?([a-z0-9]+)([^>]*)>/gi)].map((m) => ({
    name: m[1]!.toLowerCase(),
    attributes: [...m[2]!.matchAll(/([a-z-]+)=/gi)].map((a) => a[1]!.toLowerCase()),
  }));
}

describe("renderDescription: what never reaches the page", () => {
  it.each([
    ["a script tag", "До<script>alert(1)</script>после"],
    ["a script in a list", "- пункт <script>alert(1)</script>"],
    ["an onerror handler", '<img src=x onerror="alert(1)">'],
    ["an image in Markdown", "![x](javascript:alert(1))"],
    ["an onclick in a tag", '<a href="https://a.ru" onclick="alert(1)">ссылка</a>'],
    ["an svg with onload", "<svg onload=alert(1)><circle r=1></svg>"],
    ["an iframe", '<iframe src="https://evil.example"></iframe>'],
    ["a style", "<style>body{display:none}</style>текст"],
    ["a link title with quotes", '[a](https://a.ru "x" onmouseover="alert(1)")'],
  ])("%s", (_, text) => {
    const html = renderDescription(text);
    for (const tag of tagsOf(html)) {
      expect(["p", "br", "strong", "em", "ul", "ol", "li", "a"]).toContain(tag.name);
      for (const attribute of tag.attributes) expect(["href", "rel"]).toContain(attribute);
    }
    expect(html).not.toMatch(/href="(?!https?:|mailto:)/i);
  });

  it("shows raw HTML as text rather than dropping it", () => {
    expect(renderDescription("a <b>b</b>")).toBe("<p>a &lt;b&gt;b&lt;/b&gt;</p>");
  });
});

describe("renderDescription: the Markdown subset", () => {
  it("reads paragraphs, line breaks, lists and emphasis", () => {
    expect(renderDescription("**Кто:** директора\nи мастера\n\n- первый\n- *второй*\n\n1. раз\n2. два")).toBe(
      "<p><strong>Кто:</strong> директора<br />и мастера</p>\n" +
        "<ul>\n<li>первый</li>\n<li><em>второй</em></li>\n</ul>\n" +
        "<ol>\n<li>раз</li>\n<li>два</li>\n</ol>",
    );
  });

  it("reads bullets pasted as •, and _italic_", () => {
    expect(renderDescription("• один\n• _два_")).toBe("<ul>\n<li>один</li>\n<li><em>два</em></li>\n</ul>");
  });

  it("keeps the text of headings and quotes as paragraphs", () => {
    expect(renderDescription("# Заголовок\n\n> цитата")).toBe("<p>Заголовок</p>\n<p>\n<p>цитата</p>\n</p>");
  });

  it("gives nothing for an empty description", () => {
    expect(renderDescription("")).toBe("");
  });

  it("strips the marks for plain-text uses", () => {
    expect(descriptionPlainText("**Важно** и *курсив*, [сайт](https://a.ru)")).toBe(
      "Важно и курсив, сайт (https://a.ru)",
    );
  });
});
