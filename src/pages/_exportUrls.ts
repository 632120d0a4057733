import type { ExportUrls } from '../lib/timelineExports.ts';
import { absoluteUrl, articlePath, timelineEntryPath } from '../lib/urls.ts';

export function exportUrls(site: URL): ExportUrls {
  return {
    article: (slug) => absoluteUrl(articlePath(slug), site),
    entry: (entry) => absoluteUrl(timelineEntryPath(entry), site),
  };
}
