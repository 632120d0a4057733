/** The query parameter that carries the searched words to an article, to highlight them there. */
export const HIGHLIGHT_PARAM = 'highlight';
