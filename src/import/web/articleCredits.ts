import { parseHTML } from 'linkedom';
import { namesInByline } from '../bylineNames.ts';
import { looksLikeName } from './personNames.ts';

/**
 * Credits an article's text carries as paragraphs of their own, at its start or its end: the
 * author ("作者︱春春", "Author: Ann Example", "Text: Ann Example"), where the page's header names
 * nobody.
 */

/** A credit paragraph: its label, then the names. */
const CREDIT_LINE =
  /^(?:作者|撰文|文|记者|記者|author|authors|autor|autorin|auteur|auteure|text|texte|texto|testo|tekst|words)\s*[:：︱|丨]\s*(.{1,80})$/iu;

/** The paragraphs at each end of a text where credits stand. */
const PARAGRAPHS_AT_EACH_END = 3;

function paragraphs(body: Element): Element[] {
  return [...body.querySelectorAll('p, div, li')].filter(
    (element) => !element.querySelector('p, div, li') && (element.textContent ?? '').trim() !== '',
  );
}

function creditOf(element: Element): string[] {
  const match = CREDIT_LINE.exec((element.textContent ?? '').replace(/\s+/g, ' ').trim());
  return match ? namesInByline(match[1]!).filter(looksLikeName) : [];
}

/**
 * The authors a credit paragraph at the start or end of the article names, and the article
 * without it (a byline is not article text); no authors and the article as it was when it has none.
 */
export function takeAuthorCredit(html: string): { html: string; authors: string[] } {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = paragraphs(document.body);
  const ends = [...blocks.slice(0, PARAGRAPHS_AT_EACH_END), ...blocks.slice(-PARAGRAPHS_AT_EACH_END)];
  for (const block of ends) {
    const authors = creditOf(block);
    if (authors.length === 0) continue;
    block.remove();
    return { html: document.body.innerHTML, authors };
  }
  return { html, authors: [] };
}
