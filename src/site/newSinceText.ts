/** The words of the home page's "new since" line, in the digest's language (see `newByDay.ts`). */
import type { Translator } from '../i18n/translate.ts';
import type { NewSince } from './newByDay.ts';

/** "New or updated since {day}: 3 articles and 7 events.", `{day}` left for the browser to fill. */
export function newSinceText(translator: Pick<Translator, 't'>, since: NewSince): string {
  const { t } = translator;
  return t(since.complete ? 'newSince.summary' : 'newSince.summaryAtLeast', {
    articles: t('count.articles', { count: since.articles }),
    events: t('overview.events', { count: since.events }),
  });
}
