/**
 * The only script on reading pages, kept tiny: it opens search on `/` or Ctrl/Cmd+K or the
 * header button (loading the search code and asking for the index only then), highlights
 * searched words on an article opened from a result, and registers the offline service worker.
 */
import { HIGHLIGHT_PARAM } from '../../search/browser/highlightParam.ts';
import { requestSearchIndex } from '../../search/browser/indexRequest.ts';
import { HIGHLIGHT_SCRIPT } from '../../search/searchFiles.ts';

const root = document.documentElement;
const dialog = document.querySelector<HTMLDialogElement>('dialog.search-dialog');
const pagePanel = document.querySelector<HTMLElement>('.search[data-mode="page"]');
const searchButton = document.querySelector<HTMLAnchorElement>('.search-button');

let mounted: Promise<{ focus: () => void }> | undefined;
function mountPanel(panel: HTMLElement) {
  requestSearchIndex(panel.dataset['pagefindBundle']!);
  mounted ??= import('../../search/browser/searchPanel.ts').then(({ mountSearch }) => mountSearch(panel));
  return mounted;
}

async function openSearch(): Promise<void> {
  const panel = pagePanel ?? dialog?.querySelector<HTMLElement>('.search');
  if (!panel) return;
  if (dialog && !pagePanel && !dialog.open) dialog.showModal();
  // Focus at once, before the search code arrives: keys typed meanwhile land in the field, and
  // the panel searches what it holds when it starts.
  panel.querySelector<HTMLInputElement>('.search-query')?.focus();
  (await mountPanel(panel)).focus();
}

if (pagePanel) void mountPanel(pagePanel);

if (searchButton && dialog) {
  // Without scripts the header's search box is a link to the search page; with them it opens search in place.
  searchButton.setAttribute('role', 'button');
  searchButton.setAttribute('aria-haspopup', 'dialog');
  searchButton.addEventListener('click', (event) => {
    event.preventDefault();
    void openSearch();
  });
}
dialog?.querySelector('.search-close')?.addEventListener('click', () => dialog.close());
dialog?.addEventListener('keydown', (event) => {
  // A search field takes the first Escape to clear itself; readers expect Escape to close the dialog.
  if (event.key === 'Escape') dialog.close();
});
dialog?.addEventListener('click', (event) => {
  // A click on the backdrop (outside the frame) closes the dialog, as readers expect of a modal.
  if (event.target === dialog) dialog.close();
});

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

document.addEventListener('keydown', (event) => {
  const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey;
  const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
  if (!commandK && !slash) return;
  event.preventDefault();
  void openSearch();
});

if (new URLSearchParams(location.search).has(HIGHLIGHT_PARAM) && root.dataset['pagefindBundle']) {
  const bundle = root.dataset['pagefindBundle'];
  void import(/* @vite-ignore */ `${bundle}${HIGHLIGHT_SCRIPT}`).then(
    ({ default: Highlight }: { default: new (options: object) => unknown }) => {
      // Its own styles would be an inline <style>, which the site's CSP refuses; global.css styles the marks.
      new Highlight({
        highlightParam: HIGHLIGHT_PARAM,
        // The article itself, not the site's header or footer (article pages carry no Pagefind markup to say so).
        markContext: 'article.article',
        addStyles: false,
        markOptions: { className: 'search-highlight' },
      });
    },
  );
}

/** A deep link to a timeline entry moves keyboard and screen-reader focus there too, not just the view. */
function focusLinkedEntry(): void {
  const target = location.hash.length > 1 ? document.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
  if (target?.getAttribute('tabindex') === '-1') target.focus({ preventScroll: true });
}
focusLinkedEntry();
window.addEventListener('hashchange', focusLinkedEntry);

const serviceWorker = root.dataset['serviceWorker'];
if (serviceWorker && 'serviceWorker' in navigator) {
  // A site that cannot register (private mode, an old browser) works exactly as before.
  navigator.serviceWorker.register(serviceWorker, { scope: root.dataset['base'] ?? '/' }).catch(() => undefined);
}
