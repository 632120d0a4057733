/** Lower case without accents ("Zürich" → "zurich"): how names, titles and words are compared and slugged. */
export function foldCaseAndAccents(text: string): string {
  const lower = text.toLowerCase();
  // Only text outside ASCII can carry an accent; skipping the normalization saves most of the time.
  return /[\u0080-\uffff]/.test(lower) ? lower.normalize('NFKD').replace(/\p{M}+/gu, '') : lower;
}

/**
 * Turns a name into the part of a URL that names it: "Silicon Republic" → "silicon-republic",
 * "Zürich" → "zurich". Letters of other scripts are kept ("网络安全" stays), so a tag in Chinese
 * still gets a page. Returns "" when nothing usable remains; callers decide what that means.
 */
export function slugify(text: string): string {
  return foldCaseAndAccents(text)
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The words of a text, lower-cased and without accents ("Zürich talks" → zurich, talks), for comparing texts. */
export function foldedWords(text: string): string[] {
  return foldCaseAndAccents(text).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Article files may start with their date (`2019-03-06-title.md`); the URL does not repeat it. */
export function articleSlugFromPath(relativePath: string): string {
  const fileName = relativePath.split('/').at(-1)!.replace(/\.md$/i, '');
  return slugify(fileName.replace(/^\d{4}-\d{2}-\d{2}-/, ''));
}
