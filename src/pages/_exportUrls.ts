import type { ExportUrls } from '../lib/timelineExports.ts';
import { absoluteUrl, articlePath } from '../lib/urls.ts';

export function exportUrls(site: URL, timelineEntryPath: (entry: Parameters<ExportUrls['entry']>[0]) => string): ExportUrls {
  return {
    article: (slug) => absoluteUrl(articlePath(slug), site),
    entry: (entry) => absoluteUrl(timelineEntryPath(entry), site),
  };
}
