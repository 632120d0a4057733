import { parseHTML } from 'linkedom';

/**
 * The article HTML without the boxes an outlet sets into its articles to sell something: a
 * newsletter sign-up, a subscription with its prices. A box is the block around a call to action
 * ("Sign up", "Subscribe") that says what is sold, as long as it stays short: a paragraph of the
 * story that mentions a newsletter has no call to action of its own.
 */

/** A link or button whose whole text asks the reader to sign up or pay. */
const CALL_TO_ACTION =
  /^(?:sign up|sign me up|subscribe|subscribe now|subscribe today|sign up now|sign up here|register|join now|get (?:the|our) newsletter|try (?:it )?free|start (?:your )?free trial|abonnieren|jetzt abonnieren|s'abonner|s'inscrire|je m'abonne|suscríbete|suscribirse|iscriviti|assine)[\s!.→›»]*$/iu;

/** What such a box sells: a newsletter, a subscription, a price. */
const SELLING =
  /\b(?:newsletters?|inbox|subscribe|subscription|subscribers?|sign up|free trial|cancel anytime|per (?:week|month|year)|a (?:week|month|year))\b|[$€£¥]\s?\d/iu;

/** Words a box has at most: beyond, the block is the article, not a box in it. */
const LONGEST_BOX_WORDS = 60;

const wordCount = (element: Element) => (element.textContent ?? '').trim().split(/\s+/).filter(Boolean).length;

export function withoutPromoBoxes(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const articleWords = wordCount(document.body);
  for (const action of document.body.querySelectorAll('a, button')) {
    if (!action.isConnected || !CALL_TO_ACTION.test((action.textContent ?? '').replace(/\s+/g, ' ').trim())) continue;
    let box: Element | undefined;
    for (let element = action.parentElement; element && element !== document.body; element = element.parentElement) {
      // A box is a small part of the article, never most of a short one.
      const words = wordCount(element);
      if (words > LONGEST_BOX_WORDS || words * 2 > articleWords) break;
      if (SELLING.test(element.textContent ?? '')) box = element;
    }
    box?.remove();
  }
  return document.body.innerHTML;
}
