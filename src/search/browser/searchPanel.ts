/**
 * Runs a search panel (see SearchPanel.astro): Pagefind's JavaScript API behind an accessible
 * form. On the search page the state lives in the URL, so a search can be shared and the back
 * button restores it.
 */
import { formatNumber, formatUiString } from '../../i18n/format.ts';
import { formatDay } from '../../lib/dates.ts';
import {
  hasCriteria,
  pagefindOptions,
  readSearchState,
  SEARCH_FILTERS,
  writeSearchState,
  type SearchPanelStrings,
  type SearchState,
} from '../searchState.ts';
import type { PagefindResultData } from './shardedIndex.ts';
import { loadSearch } from './loadSearch.ts';

const RESULTS_SHOWN = 20;
/** How long search waits for typing to stop before it searches. */
export const TYPING_DELAY_MS = 120;

/** Pagefind's excerpt, rebuilt from text and `<mark>` only, so indexed text can never become markup. */
function excerptNodes(excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  return [...parsed.body.firstChild!.childNodes].map((node) => {
    if (node.nodeName !== 'MARK') return document.createTextNode(node.textContent ?? '');
    const mark = document.createElement('mark');
    mark.textContent = node.textContent;
    return mark;
  });
}

function resultItem(result: PagefindResultData, locale: string): HTMLLIElement {
  const item = Object.assign(document.createElement('li'), { className: 'article-card' });
  const heading = Object.assign(document.createElement('h2'), { className: 'article-card-title' });
  heading.append(
    Object.assign(document.createElement('a'), { href: result.url, textContent: result.meta['title'] ?? result.url }),
  );
  const meta = Object.assign(document.createElement('p'), { className: 'meta' });
  const day = result.meta['date'];
  meta.textContent = [day && /^\d{4}-\d{2}-\d{2}$/.test(day) ? formatDay(day, locale) : '', result.meta['source']]
    .filter(Boolean)
    .join(' · ');
  const excerpt = Object.assign(document.createElement('p'), { className: 'summary' });
  excerpt.append(...excerptNodes(result.excerpt));
  // An article in another language than the digest's keeps its own language and direction.
  for (const element of [heading, excerpt]) {
    if (result.meta['lang']) element.lang = result.meta['lang'];
    if (result.meta['dir']) element.dir = result.meta['dir'];
  }
  item.append(heading, meta, excerpt);
  return item;
}

function filterOption(
  name: string,
  value: string,
  index: number,
  count: number,
  checked: boolean,
  locale: string,
): HTMLLabelElement {
  const id = `${name}-filter-${index}`;
  const label = Object.assign(document.createElement('label'), { htmlFor: id });
  const box = Object.assign(document.createElement('input'), { type: 'checkbox', id, name, value, checked });
  const shownValue = name === 'tag' ? value.replace(/-/g, ' ') : value;
  label.append(
    box,
    ` ${shownValue} `,
    Object.assign(document.createElement('span'), {
      className: 'count',
      textContent: `(${formatNumber(count, locale)})`,
    }),
  );
  return label;
}

/**
 * What a panel is doing, in its `data-state`: `idle` with nothing asked, `searching` from the
 * first keystroke or change until the answer is on screen, then `done`, or `failed`. The results
 * list is `aria-busy` while searching. Anything waiting for results (a test, a script) waits for
 * `done` rather than for a while.
 */
export type SearchPanelState = 'idle' | 'searching' | 'done' | 'failed';

export interface MountedSearch {
  focus: () => void;
}

export function mountSearch(root: HTMLElement): MountedSearch {
  const syncUrl = root.dataset['mode'] === 'page';
  const form = root.querySelector<HTMLFormElement>('.search-form')!;
  const queryInput = form.querySelector<HTMLInputElement>('.search-query')!;
  const sortSelect = form.querySelector<HTMLSelectElement>('.search-sort')!;
  const filterBox = form.querySelector<HTMLElement>('.search-filters')!;
  const options = form.querySelector<HTMLDetailsElement>('.search-options')!;
  const status = root.querySelector<HTMLElement>('.search-status')!;
  const list = root.querySelector<HTMLOListElement>('.search-results')!;
  const locale = document.documentElement.lang || 'en';
  // The interface strings' plural rules: English ones when the strings fell back to English.
  const pluralLanguage = root.dataset['pluralLanguage'] || locale;
  const strings = JSON.parse(root.dataset['ui'] ?? '{}') as SearchPanelStrings;
  const say = (key: keyof SearchPanelStrings, params: Record<string, number> = {}) =>
    formatUiString(strings[key], params, pluralLanguage);
  const bundle = root.dataset['pagefindBundle']!;
  let latestRequest = 0;

  function setPanelState(state: SearchPanelState): void {
    root.dataset['state'] = state;
    if (state === 'searching') list.setAttribute('aria-busy', 'true');
    else list.removeAttribute('aria-busy');
  }

  const stateFromForm = (): SearchState =>
    readSearchState(new URLSearchParams(new FormData(form) as unknown as Record<string, string>));

  function showState(state: SearchState): void {
    queryInput.value = state.query;
    sortSelect.value = state.sort;
    for (const box of filterBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      box.checked = state.filters[box.name as keyof SearchState['filters']]?.includes(box.value) ?? false;
    }
  }

  function showFilters(
    all: Record<string, Record<string, number>>,
    counts: Record<string, Record<string, number>>,
    state: SearchState,
  ): void {
    for (const { name } of SEARCH_FILTERS) {
      const fieldset = filterBox.querySelector<HTMLFieldSetElement>(`fieldset[data-filter="${name}"]`)!;
      const options = fieldset.querySelector<HTMLElement>('.filter-options')!;
      const values = Object.keys(all[name] ?? {}).sort((a, b) =>
        name === 'year' ? b.localeCompare(a) : a.localeCompare(b, locale),
      );
      // A digest whose topic names no entities has nothing to filter them by.
      fieldset.hidden = values.length === 0;
      options.replaceChildren(
        ...values.map((value, index) =>
          filterOption(
            `${name}`,
            value,
            index,
            counts[name]?.[value] ?? 0,
            state.filters[name].includes(value),
            locale,
          ),
        ),
      );
    }
    filterBox.hidden = false;
  }

  async function run(state: SearchState): Promise<void> {
    const request = ++latestRequest;
    setPanelState('searching');
    const index = await loadSearch(bundle);
    // Filters and their counts show only with the options open: until then every shard's filter
    // files stay on the server.
    const withFilters = options.open;
    const allFilters = withFilters ? await index.filters() : undefined;
    if (!hasCriteria(state)) {
      if (request !== latestRequest) return;
      if (allFilters) showFilters(allFilters, allFilters, state);
      list.replaceChildren();
      status.textContent = say('search.prompt');
      setPanelState('idle');
      return;
    }
    const search = await index.search(state.query || null, pagefindOptions(state), RESULTS_SHOWN);
    if (request !== latestRequest) return;
    if (allFilters) showFilters(allFilters, search.filters, state);
    list.replaceChildren(...search.results.map((result) => resultItem(result, locale)));
    const total = search.total;
    status.textContent =
      total === 0
        ? say('search.none')
        : total > RESULTS_SHOWN
          ? say('search.matchesShown', { count: total, shown: RESULTS_SHOWN })
          : say('search.matches', { count: total });
    setPanelState('done');
  }

  const runSafely = (state: SearchState) =>
    run(state).catch(() => {
      status.textContent = say('search.failed');
      setPanelState('failed');
    });

  function update(push: boolean): void {
    const state = stateFromForm();
    if (syncUrl) {
      const url = `${location.pathname}${writeSearchState(state)}`;
      if (url !== `${location.pathname}${location.search}`) history[push ? 'pushState' : 'replaceState'](null, '', url);
    }
    void runSafely(state);
  }

  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  function onTyping(): void {
    // Searching already while typing stops, so no one mistakes the last answer for this one's.
    setPanelState('searching');
    // Words already typed in full are fetched while the next one is typed; a word still being
    // typed is not, since each of its prefixes could need other index files.
    const typed = /^(.*\S)\s/.exec(queryInput.value)?.[1];
    if (typed)
      void loadSearch(bundle).then(
        (index) => index.preload(typed),
        () => undefined,
      );
    clearTimeout(typingTimer);
    typingTimer = setTimeout(() => update(false), TYPING_DELAY_MS);
  }
  queryInput.addEventListener('input', onTyping);
  options.addEventListener('toggle', () => {
    if (options.open && filterBox.hidden) update(false);
  });
  form.addEventListener('change', (event) => {
    if (event.target !== queryInput) update(true);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    update(true);
  });

  if (syncUrl) {
    window.addEventListener('popstate', () => {
      const state = readSearchState(new URLSearchParams(location.search));
      showState(state);
      void runSafely(state);
    });
    const initial = readSearchState(new URLSearchParams(location.search));
    showState(initial);
    void runSafely(initial);
  } else if (queryInput.value) {
    // Words typed before this code arrived (the field takes focus as the dialog opens) wait for a
    // pause in typing like any others: the reader may still be typing. The index loads meanwhile.
    loadSearch(bundle).catch(() => undefined);
    onTyping();
  } else {
    void runSafely(stateFromForm());
  }
  return { focus: () => queryInput.focus() };
}
