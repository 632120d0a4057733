/**
 * The review page's HTML: the queue, each draft with its facts, its text and a form to accept or
 * reject it. Everything a feed wrote is escaped and shown as plain text, paragraph by paragraph:
 * the page runs no script and renders none of an article's markup, so nothing an outlet
 * smuggled into an item can act in the editor's browser.
 */
import { countWords, firstParagraph, markdownToPlainText, truncateAtWord } from '../../content/articles.ts';
import { isLanguageTag, textDirection } from '../../i18n/languageTags.ts';
import { escapeHtml } from '../../lib/escapeHtml.ts';
import { revisionChanges, type TextChange } from '../../revisions/revisionDiff.ts';
import type { DraftForReview, QueuedDraft } from '../reviewQueue.ts';
import { reviewStrings as strings } from './reviewStrings.ts';

/** What the last accept or reject did, shown once above the queue. */
export interface ReviewNotice {
  accepted: QueuedDraft[];
  rejected: QueuedDraft[];
  problems: string[];
}

/** The path of the page's stylesheet: a file, since the page's policy allows no inline style. */
export const STYLESHEET_PATH = '/review.css';

function document(title: string, main: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<main>
${main}
</main>
</body>
</html>
`;
}

/** A page that says why a request was not served: a refusal, an unknown address. */
export function messagePage(message: { title: string; heading: string; text: string }): string {
  return document(message.title, `<h1>${escapeHtml(message.heading)}</h1>\n<p>${escapeHtml(message.text)}</p>`);
}

const HEADING = /^#{1,6}[ \t]+/;
const LIST_ITEM = /^(?:[-*+]|\d+[.)])[ \t]+/;

/**
 * The Markdown body as escaped plain text, block by block: a heading as a heading, a list as a
 * list, anything else as a paragraph, with links' addresses and inline markup dropped.
 */
function bodyHtml(body: string): string {
  return body
    .split(/\r?\n\s*\r?\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => {
      const lines = block.split(/\r?\n/);
      if (lines.length === 1 && HEADING.test(block))
        return `<h3>${escapeHtml(markdownToPlainText(block.replace(HEADING, '')))}</h3>`;
      if (lines.every((line) => LIST_ITEM.test(line) || /^\s/.test(line)))
        return `<ul>${block
          .split(/^(?:[-*+]|\d+[.)])[ \t]+/m)
          .filter((item) => item.trim() !== '')
          .map((item) => `<li>${escapeHtml(markdownToPlainText(item))}</li>`)
          .join('')}</ul>`;
      return `<p>${escapeHtml(markdownToPlainText(block))}</p>`;
    })
    .join('\n');
}

/** `lang` and `dir` for a draft in another language than the page's, when its tag is one. */
function languageAttributes(lang: string | undefined): string {
  if (!lang || !isLanguageTag(lang) || lang === 'en') return '';
  const direction = textDirection(lang);
  return ` lang="${escapeHtml(lang)}"${direction === 'rtl' ? ' dir="rtl"' : ''}`;
}

const isWebAddress = (address: string | undefined): address is string =>
  address !== undefined && URL.canParse(address) && /^https?:$/.test(new URL(address).protocol);

/** Words removed in `<del>` and added in `<ins>`, each announced by a hidden word, as screen readers skip both. */
function changeHtml(parts: readonly TextChange[]): string {
  return parts
    .map(({ change, text }) =>
      change === 'same'
        ? escapeHtml(text)
        : `<${change === 'removed' ? 'del' : 'ins'}><span class="visually-hidden">${change === 'removed' ? strings.removed : strings.added} </span>${escapeHtml(text)}</${change === 'removed' ? 'del' : 'ins'}>`,
    )
    .join('');
}

/** What an update changes in the article as the editor left it. */
function updateHtml(draft: DraftForReview, english: string): string {
  if (!draft.current || !draft.updating) return '';
  const changes = revisionChanges(draft.current, { title: draft.title, body: draft.body }, draft.lang);
  const paragraphs = [
    ...(changes?.title ? [`<p class="change-title">${changeHtml(changes.title)}</p>`] : []),
    ...(changes?.paragraphs ?? []).map((parts) => `<p>${changeHtml(parts)}</p>`),
  ];
  return `<p class="update-of"${english}><strong>${escapeHtml(strings.update(draft.updating))}</strong></p>
<section class="draft-changes">
<h3${english}>${strings.changes}</h3>
${paragraphs.join('\n')}
<p${english}>${escapeHtml(strings.updateNote)}</p>
</section>`;
}

function draftHtml(draft: DraftForReview, index: number, token: string): string {
  const id = `draft-${index + 1}`;
  const title = escapeHtml(draft.title);
  const lead = draft.summary ?? truncateAtWord(firstParagraph(draft.body), 280);
  const fact = (term: string, value: string) => `<div><dt>${term}</dt><dd>${value}</dd></div>`;
  const hidden = `<span class="visually-hidden"> “${title}”</span>`;
  const language = languageAttributes(draft.lang);
  // The page's own words inside a draft in another language say they are English.
  const english = language ? ' lang="en" dir="ltr"' : '';
  return `<li>
<article class="draft" aria-labelledby="${id}"${language}>
<h2 id="${id}">${title}</h2>
<dl class="draft-facts"${english}>
${fact(strings.outlet, escapeHtml(draft.outlet))}
${fact(strings.date, `<time datetime="${escapeHtml(draft.date)}">${escapeHtml(draft.date)}</time>`)}
${fact(strings.rule, escapeHtml(draft.rule))}
${fact(strings.file, `<code>${escapeHtml(draft.file)}</code>`)}
</dl>
${updateHtml(draft, english)}
${lead && !draft.updating ? `<p class="draft-lead">${escapeHtml(lead)}</p>` : ''}
<details class="draft-text">
<summary${english}>${strings.text(countWords(markdownToPlainText(draft.body)))}</summary>
${bodyHtml(draft.body)}
</details>
${isWebAddress(draft.canonical) ? `<p${english}><a href="${escapeHtml(draft.canonical)}" rel="noopener noreferrer">${escapeHtml(strings.original(draft.outlet))}</a></p>` : ''}
<form class="draft-actions" method="post" action="/accept"${english}>
<input type="hidden" name="token" value="${escapeHtml(token)}">
<input type="hidden" name="draft" value="${escapeHtml(draft.file)}">
<button type="submit" class="accept">${strings.accept}${hidden}</button>
<button type="submit" class="reject" formaction="/reject">${strings.reject}${hidden}</button>
</form>
</article>
</li>`;
}

function noticeHtml(notice: ReviewNotice | undefined): string {
  if (!notice) return '';
  const done = [
    ...notice.accepted.map((draft) =>
      draft.updating ? strings.acceptedUpdate(draft.title, draft.updating) : strings.accepted(draft.title, draft.file),
    ),
    ...notice.rejected.map((draft) =>
      draft.updating ? strings.rejectedUpdate(draft.title, draft.updating) : strings.rejected(draft.title, draft.file),
    ),
  ];
  const status =
    done.length > 0
      ? `<div class="notice" role="status">${done.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}</div>`
      : '';
  const problems =
    notice.problems.length > 0
      ? `<div class="notice notice-problem" role="alert"><p>${strings.problems}</p><ul>${notice.problems.map((problem) => `<li>${escapeHtml(problem)}</li>`).join('')}</ul></div>`
      : '';
  return `${status}${problems}\n`;
}

/** The queue's page, with what the last accept or reject did above it. */
export function reviewPage(drafts: readonly DraftForReview[], token: string, notice?: ReviewNotice): string {
  const queue =
    drafts.length === 0
      ? `<p>${escapeHtml(strings.empty)}</p>`
      : `<p>${escapeHtml(strings.waiting(drafts.length))}</p>
<ol class="queue">
${drafts.map((draft, index) => draftHtml(draft, index, token)).join('\n')}
</ol>`;
  return document(
    strings.title(drafts.length),
    `<h1>${strings.heading}</h1>
${noticeHtml(notice)}<p class="intro">${escapeHtml(strings.intro)}</p>
${queue}`,
  );
}
