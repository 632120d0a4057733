import { describe, expect, it } from 'vitest';
import { absoluteUrl, outletHtmlToMarkdown, htmlToPlainText } from '../../../src/import/outletHtml.ts';

const base = 'https://news.example/2019/03/story.html';
const markdown = (html: string) => outletHtmlToMarkdown(html, base);

describe('feed HTML to Markdown', () => {
  it('keeps text, structure, links and images', () => {
    expect(
      markdown(
        '<h2>Heading</h2><p>Text with <em>stress</em>, <strong>weight</strong> and <a href="https://x.example/">a link</a>.</p><ul><li>one</li><li>two</li></ul><blockquote><p>Quoted</p></blockquote>',
      ),
    ).toBe(
      '## Heading\n\nText with _stress_, **weight** and [a link](https://x.example/).\n\n- one\n- two\n\n> Quoted',
    );
  });

  it('makes relative links and images absolute against the item', () => {
    expect(
      markdown(
        '<p><a href="/about">About</a> <a href="next.html">Next</a> <a href="#notes">Notes</a> <img src="../img/a.jpg" alt="A"></p>',
      ),
    ).toBe(
      '[About](https://news.example/about) [Next](https://news.example/2019/03/next.html) [Notes](https://news.example/2019/03/story.html#notes) ![A](https://news.example/2019/img/a.jpg)',
    );
  });

  it('drops relative links and images when there is nothing to resolve them against', () => {
    expect(
      outletHtmlToMarkdown(
        '<p><a href="/about">About</a> <img src="a.jpg" alt="A"> <img src="https://x.example/b.jpg" alt="B"></p>',
        undefined,
      ),
    ).toBe('About ![B](https://x.example/b.jpg)');
  });

  it('removes scripts, styles and event handlers', () => {
    const result = markdown(
      '<p onclick="alert(1)">Text</p><script>alert(2)</script><style>p{}</style><img src="a.png" onerror="alert(3)" alt="A">',
    );
    expect(result).toBe('Text\n\n![A](https://news.example/2019/03/a.png)');
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'jav&#x09;ascript:alert(1)',
    '&#106;avascript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
  ])('turns a link to %s into plain text', (href) => {
    expect(markdown(`<p><a href="${href}">click</a></p>`)).toBe('click');
  });

  it('drops images from data: and javascript: URLs', () => {
    expect(
      markdown('<p>Text <img src="data:image/png;base64,AAAA" alt="d"> <img src="javascript:alert(1)" alt="j"></p>'),
    ).toBe('Text');
  });

  it('removes frames, forms, objects and their contents', () => {
    expect(
      markdown(
        '<p>Before</p><iframe src="https://evil.example/">fallback</iframe><form><label>Password</label><input name="p"><button>Go</button></form><object data="x.swf">alt</object><embed src="y.swf"><p>After</p>',
      ),
    ).toBe('Before\n\nAfter');
  });

  it('removes tracking pixels but keeps photos', () => {
    expect(
      markdown(
        '<p>Text</p><img src="https://x.example/p.gif" width="1" height="1"><img src="https://feeds.feedburner.com/~r/x/~4/y"><img src="https://x.example/h.gif" style="display: none"><img src="https://x.example/photo.jpg" alt="Photo" width="800">',
      ),
    ).toBe('Text\n\n![Photo](https://x.example/photo.jpg)');
  });

  it('escapes text that reads as Markdown or HTML, so it cannot become a link or a tag', () => {
    expect(markdown('<p>[x](javascript:alert(1)) &lt;script&gt;alert(2)&lt;/script&gt;</p>')).toBe(
      '\\[x]\\(javascript:alert(1)) \\<script>alert(2)\\</script>',
    );
  });

  it('keeps a figure’s caption as a paragraph and demotes a top-level heading', () => {
    expect(markdown('<h1>Big</h1><figure><img src="/a.jpg" alt="A"><figcaption>Caption</figcaption></figure>')).toBe(
      '## Big\n\n![A](https://news.example/a.jpg)\n\nCaption',
    );
  });
});

describe('feed HTML to plain text', () => {
  it('keeps the words and drops the markup', () => {
    expect(htmlToPlainText('Huawei <b>opens</b> centre &amp; lab<script>alert(1)</script>')).toBe(
      'Huawei opens centre & lab',
    );
    expect(htmlToPlainText('<p>One</p><p>Two</p>')).toBe('One Two');
  });
});

describe('absolute URLs', () => {
  it('resolves against the base and allows only web addresses', () => {
    expect(absoluteUrl('/a', 'https://x.example/b/c')).toBe('https://x.example/a');
    expect(absoluteUrl('javascript:alert(1)', 'https://x.example/')).toBeUndefined();
    expect(absoluteUrl('/a', undefined)).toBeUndefined();
    expect(absoluteUrl('http://[bad', undefined)).toBeUndefined();
  });
});
