import type { GetStaticPaths } from 'astro';
import { getDigest } from '../../../site/digest.ts';
import { listingFeedPaths, listingFeedRoute } from '../../../site/feeds.ts';

export const getStaticPaths = (async () =>
  listingFeedPaths('entity', (await getDigest()).entities)) satisfies GetStaticPaths;

export const GET = listingFeedRoute('json', 'entity.feedTitle', 'entity.feedDescription');
