/**
 * The control on the search and offline pages that keeps the whole digest for offline reading,
 * at the reader's choice: a first visit keeps only what it must (see `../precachePlan.ts`). The
 * files go straight into the service worker's cache for this build, a few at a time, skipping
 * those already kept; a marker put last says the digest is whole. A reader who kept an earlier
 * build keeps this one without asking again: the files this build shares with it come from that
 * build's cache, which goes once this build is whole.
 */
import { formatUiString, type UiParams } from '../../i18n/format.ts';
import { formatBytes } from '../../lib/bytes.ts';
import {
  DIGEST_FILES_FILE,
  DIGEST_KEPT_MARKER,
  DIGEST_SUMMARY_FILE,
  earlierKeptCaches,
  type KeepDigestState,
  type KeepDigestStrings,
} from '../cachePolicy.ts';
import type { DigestToKeep } from '../precachePlan.ts';

/** Files fetched at once: enough to keep the connection busy, few enough to leave room for reading. */
const FILES_AT_ONCE = 6;

export async function mountKeepDigest(root: HTMLElement): Promise<void> {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  const base = root.dataset['base'] ?? '/';
  const locale = document.documentElement.lang || 'en';
  const strings = JSON.parse(root.dataset['ui'] ?? '{}') as KeepDigestStrings;
  const say = (key: keyof KeepDigestStrings, params: UiParams) => formatUiString(strings[key], params, locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent' });
  const button = root.querySelector<HTMLButtonElement>('button')!;
  const size = root.querySelector<HTMLElement>('.keep-digest-size')!;
  const status = root.querySelector<HTMLElement>('.keep-digest-status')!;
  const progress = root.querySelector<HTMLProgressElement>('progress')!;
  const setState = (state: KeepDigestState) => (root.dataset['state'] = state);

  // Only a page the service worker serves can keep anything.
  await navigator.serviceWorker.ready;
  const summary = (await (await fetch(`${base}${DIGEST_SUMMARY_FILE}`)).json()) as DigestToKeep;
  const cache = await caches.open(summary.cache);
  size.textContent = say('offline.keep.size', { size: formatBytes(summary.bytes, locale) });
  root.hidden = false;
  if (await cache.match(`${base}${DIGEST_KEPT_MARKER}`)) {
    button.hidden = true;
    status.textContent = say('offline.keep.done', {});
    setState('kept');
    return;
  }

  async function keep(): Promise<void> {
    setState('keeping');
    button.disabled = true;
    progress.hidden = false;
    progress.max = summary.files;
    let done = 0;
    let saidTenths = -1;
    const report = () => {
      progress.value = done;
      // The status is read aloud: every tenth of the way, not every file.
      const tenths = Math.floor((done / summary.files) * 10);
      if (tenths === saidTenths) return;
      saidTenths = tenths;
      status.textContent = say('offline.keep.progress', { percent: percent.format(tenths / 10) });
    };
    report();
    const queue = (await (await fetch(`${base}${DIGEST_FILES_FILE}`)).json()) as string[];
    await Promise.all(
      Array.from({ length: FILES_AT_ONCE }, async () => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          if (!(await cache.match(file))) await cache.add(file);
          done++;
          report();
        }
      }),
    );
    await cache.put(`${base}${DIGEST_KEPT_MARKER}`, new Response(''));
    await Promise.all((await earlierKeptCaches(summary.cache, base)).map((name) => caches.delete(name)));
    progress.hidden = true;
    button.hidden = true;
    status.textContent = say('offline.keep.done', {});
    setState('kept');
  }

  const keepOrSayWhy = () =>
    keep().catch(() => {
      progress.hidden = true;
      button.disabled = false;
      status.textContent = say('offline.keep.failed', {});
      setState('failed');
    });
  button.addEventListener('click', () => void keepOrSayWhy());
  // The reader's choice stands from one build to the next (offline, the earlier build still serves).
  if (navigator.onLine && (await earlierKeptCaches(summary.cache, base)).length > 0) await keepOrSayWhy();
}
