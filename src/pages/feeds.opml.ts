import type { APIRoute } from 'astro';
import { getDigest, getTopic, getTranslator } from '../site/digest.ts';
import { feedOutline, type OutlineFeed } from '../site/feedOutline.ts';
import {
  absoluteUrl,
  entityFeedPath,
  entityJsonFeedPath,
  entityPath,
  feedPath,
  homePath,
  jsonFeedPath,
  tagFeedPath,
  tagJsonFeedPath,
  tagPath,
} from '../lib/urls.ts';

export const GET: APIRoute = async ({ site }) => {
  const [topic, { tags, entities }, { t }] = await Promise.all([getTopic(), getDigest(), getTranslator()]);
  const url = (path: string) => absoluteUrl(path, site!);
  const digest = topic.title;
  const listingFeeds = (page: string, rss: string, json: string, rssText: string, jsonText: string): OutlineFeed[] => [
    { text: rssText, xmlUrl: url(rss), htmlUrl: url(page) },
    { text: jsonText, xmlUrl: url(json), htmlUrl: url(page) },
  ];
  const outline = feedOutline({
    title: t('opml.title', { digest }),
    groups: [
      {
        text: digest,
        feeds: listingFeeds(
          homePath,
          feedPath,
          jsonFeedPath,
          t('page.feedTitle', { digest }),
          t('page.jsonFeedTitle', { digest }),
        ),
      },
      {
        text: t('nav.tags'),
        feeds: tags.flatMap(({ slug, name }) =>
          listingFeeds(
            tagPath(slug),
            tagFeedPath(slug),
            tagJsonFeedPath(slug),
            t('tag.feedLinkTitle', { digest, name }),
            t('tag.jsonFeedLinkTitle', { digest, name }),
          ),
        ),
      },
      {
        text: t('nav.who'),
        feeds: entities.flatMap(({ slug, name }) =>
          listingFeeds(
            entityPath(slug),
            entityFeedPath(slug),
            entityJsonFeedPath(slug),
            t('entity.feedLinkTitle', { digest, name }),
            t('entity.jsonFeedLinkTitle', { digest, name }),
          ),
        ),
      },
      {
        text: t('opml.followedSources', { digest }),
        // A source named in the topic keeps its name; another is known by its host until polled.
        feeds: (topic.follow?.sources ?? []).map((source) => ({
          text: source.name ?? new URL(source.url).host,
          xmlUrl: source.url,
        })),
      },
    ],
  });
  return new Response(outline, { headers: { 'content-type': 'text/x-opml; charset=utf-8' } });
};
