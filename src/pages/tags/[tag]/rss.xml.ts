import type { GetStaticPaths } from 'astro';
import { getDigest } from '../../../site/digest.ts';
import { listingFeedPaths, listingFeedRoute } from '../../../site/feeds.ts';

export const getStaticPaths = (async () => listingFeedPaths('tag', (await getDigest()).tags)) satisfies GetStaticPaths;

export const GET = listingFeedRoute('rss', 'tag.feedTitle', 'tag.feedDescription');
