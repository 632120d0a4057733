/** Articles per listing page: enough to scan, few enough that a page stays light at any size. */
export const PAGE_SIZE = 25;
