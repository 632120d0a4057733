/**
 * Turns a name into the part of a URL that names it: "Silicon Republic" → "silicon-republic",
 * "Zürich" → "zurich". Letters of other scripts are kept ("网络安全" stays), so a tag in Chinese
 * still gets a page. Returns "" when nothing usable remains; callers decide what that means.
 */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The words of a text, lower-cased and without accents ("Zürich talks" → zurich, talks), for comparing texts. */
export function foldedWords(text: string): string[] {
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Article files may start with their date (`2019-03-06-title.md`); the URL does not repeat it. */
export function articleSlugFromPath(relativePath: string): string {
  const fileName = relativePath.split('/').at(-1)!.replace(/\.md$/i, '');
  return slugify(fileName.replace(/^\d{4}-\d{2}-\d{2}-/, ''));
}
