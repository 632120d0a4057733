/** Lists the articles this browser kept for offline reading, with the titles they were saved with. */
import { isOwnCache } from '../cachePolicy.ts';

export async function listCachedArticles(): Promise<void> {
  const list = document.querySelector<HTMLUListElement>('.offline-articles');
  if (!list || !('caches' in window)) return;
  const articlePath = new RegExp(`^${list.dataset['base']}articles/[^/]+/$`);
  const items: { href: string; title: string }[] = [];
  for (const name of (await caches.keys()).filter(isOwnCache)) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const url = new URL(request.url);
      if (!articlePath.test(url.pathname) || items.some((item) => item.href === url.pathname)) continue;
      const page = new DOMParser().parseFromString(await (await cache.match(request))!.text(), 'text/html');
      items.push({ href: url.pathname, title: page.querySelector('h1')?.textContent ?? url.pathname });
    }
  }
  list.replaceChildren(
    ...items.map(({ href, title }) => {
      const item = document.createElement('li');
      item.append(Object.assign(document.createElement('a'), { href, textContent: title }));
      return item;
    }),
  );
  if (items.length === 0)
    list.replaceChildren(Object.assign(document.createElement('li'), { textContent: list.dataset['none'] ?? '' }));
}
