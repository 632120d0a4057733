import type { GetStaticPaths } from 'astro';
import { articleCardPaths, articleCardRoute } from '../../../site/cardPages.ts';

export const getStaticPaths = (async () => articleCardPaths()) satisfies GetStaticPaths;

export const GET = articleCardRoute;
