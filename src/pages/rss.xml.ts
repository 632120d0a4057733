import { siteFeedRoute } from '../site/feeds.ts';

export const GET = siteFeedRoute('rss');
