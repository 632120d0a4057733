import { digestCardRoute } from '../site/cardPages.ts';

export const GET = digestCardRoute;
