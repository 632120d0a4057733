/**
 * The sizes an article's kept photo is served in. It spans the text column, at most 42rem wide
 * (`--measure` in global.css) inside the page's 1rem margins, so a phone needs about 400 pixels and
 * a high-density screen twice the column.
 */
const COLUMN_WIDTHS = [400, 672, 1008, 1344];

/** The widths of the `srcset`, none wider than the photo (it is never enlarged), and the photo's own when narrower than all. */
export function photoWidths(photoWidth: number): number[] {
  const narrower = COLUMN_WIDTHS.filter((width) => width < photoWidth);
  return narrower.length === COLUMN_WIDTHS.length ? narrower : [...narrower, photoWidth];
}

/** How wide the photo shows, for the browser to pick from the `srcset`. */
export const photoSizes = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';
