/**
 * The search page: Pagefind's JavaScript API behind an accessible form whose state lives in the
 * URL. Loaded only on /search/, so article pages run no JavaScript.
 */
import { hasCriteria, pagefindOptions, readSearchState, SEARCH_FILTERS, writeSearchState, type SearchState } from '../lib/searchState.ts';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindSearch {
  results: { data: () => Promise<PagefindResultData> }[];
  filters: Record<string, Record<string, number>>;
}
interface Pagefind {
  init: () => Promise<void>;
  filters: () => Promise<Record<string, Record<string, number>>>;
  search: (term: string | null, options: object) => Promise<PagefindSearch | null>;
}

const RESULTS_SHOWN = 20;
const TYPING_DELAY_MS = 150;

function formatDay(day: string | undefined, locale: string): string {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return '';
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(Date.UTC(year, month - 1, date)));
}

/** Pagefind's excerpt, rebuilt from text and `<mark>` only, so indexed text can never become markup. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  return [...parsed.body.firstChild!.childNodes].map((node) => {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      return mark;
    }
    return document.createTextNode(node.textContent ?? '');
  });
}

export function startSearchPage(): void {
  const root = document.querySelector<HTMLElement>('.search');
  if (!root) return;
  const form = root.querySelector<HTMLFormElement>('.search-form')!;
  const queryInput = form.querySelector<HTMLInputElement>('#search-query')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('#search-sort')!;
  const filterBox = form.querySelector<HTMLElement>('.search-filters')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const list = root.querySelector<HTMLOListElement>('.search-results')!;
  const locale = document.documentElement.lang || 'en';
  const bundle = root.dataset['pagefindBundle']!;
  let pagefind: Pagefind | undefined;
  let latestRequest = 0;

  const loadPagefind = async (): Promise<Pagefind> => {
    if (!pagefind) {
      pagefind = (await import(/* @vite-ignore */ `${bundle}pagefind.js`)) as Pagefind;
      await pagefind.init();
    }
    return pagefind;
  };

  const stateFromForm = (): SearchState => readSearchState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

  function showState(state: SearchState): void {
    queryInput.value = state.query;
    sortSelect.value = state.sort;
    for (const box of filterBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      box.checked = state.filters[box.name as keyof SearchState['filters']]?.includes(box.value) ?? false;
    }
  }

  function renderFilters(all: Record<string, Record<string, number>>, counts: Record<string, Record<string, number>>, state: SearchState): void {
    for (const { name } of SEARCH_FILTERS) {
      const options = filterBox.querySelector<HTMLElement>(`fieldset[data-filter="${name}"] .filter-options`)!;
      const values = Object.keys(all[name] ?? {}).sort((a, b) => (name === 'year' ? b.localeCompare(a) : a.localeCompare(b)));
      options.replaceChildren(
        ...values.map((value, index) => {
          const id = `filter-${name}-${index}`;
          const label = document.createElement('label');
          label.htmlFor = id;
          const box = Object.assign(document.createElement('input'), { type: 'checkbox', id, name, value, checked: state.filters[name].includes(value) });
          const count = counts[name]?.[value] ?? 0;
          label.append(box, ` ${name === 'tag' ? value.replace(/-/g, ' ') : value} `, Object.assign(document.createElement('span'), { className: 'count', textContent: `(${count})` }));
          return label;
        }),
      );
    }
    filterBox.hidden = false;
  }

  async function run(state: SearchState): Promise<void> {
    const request = ++latestRequest;
    const engine = await loadPagefind();
    const allFilters = await engine.filters();
    if (!hasCriteria(state)) {
      renderFilters(allFilters, allFilters, state);
      list.replaceChildren();
      status.textContent = 'Type words to search, or pick a source, tag or year.';
      return;
    }
    const search = await engine.search(state.query || null, pagefindOptions(state));
    if (!search || request !== latestRequest) return;
    const shown = await Promise.all(search.results.slice(0, RESULTS_SHOWN).map((result) => result.data()));
    if (request !== latestRequest) return;
    renderFilters(allFilters, search.filters, state);
    list.replaceChildren(
      ...shown.map((result) => {
        const item = document.createElement('li');
        item.className = 'article-card';
        const heading = document.createElement('h2');
        heading.className = 'article-card-title';
        const link = Object.assign(document.createElement('a'), { href: result.url, textContent: result.meta['title'] ?? result.url });
        heading.append(link);
        const meta = Object.assign(document.createElement('p'), { className: 'meta' });
        meta.textContent = [formatDay(result.meta['date'], locale), result.meta['source']].filter(Boolean).join(' · ');
        const excerpt = Object.assign(document.createElement('p'), { className: 'summary' });
        excerpt.append(...excerptNodes(result.excerpt));
        item.append(heading, meta, excerpt);
        return item;
      }),
    );
    const total = search.results.length;
    status.textContent =
      total === 0
        ? 'No articles match. Try fewer or different words, or clear a filter.'
        : `${total} ${total === 1 ? 'article matches' : 'articles match'}${total > RESULTS_SHOWN ? `; showing the first ${RESULTS_SHOWN}` : ''}.`;
  }

  function update(push: boolean): void {
    const state = stateFromForm();
    const url = `${location.pathname}${writeSearchState(state)}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
    run(state).catch(() => {
      status.textContent = 'Search could not load. Reload the page to try again.';
    });
  }

  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  queryInput.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => update(false), TYPING_DELAY_MS);
  });
  form.addEventListener('change', (event) => {
    if (event.target !== queryInput) update(true);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(true);
  });
  window.addEventListener('popstate', () => {
    const state = readSearchState(new URLSearchParams(location.search));
    showState(state);
    run(state).catch(() => undefined);
  });

  const initial = readSearchState(new URLSearchParams(location.search));
  showState(initial);
  run(initial).catch(() => {
    status.textContent = 'Search could not load. Reload the page to try again.';
  });
}
