import type { ExportUrls } from '../timeline/timelineExports.ts';
import { absoluteUrl, articlePath } from '../lib/urls.ts';

export function exportUrls(
  site: URL,
  timelineEntryPath: (entry: Parameters<ExportUrls['entry']>[0]) => string,
): ExportUrls {
  return {
    article: (slug) => absoluteUrl(articlePath(slug), site),
    entry: (entry) => absoluteUrl(timelineEntryPath(entry), site),
  };
}
