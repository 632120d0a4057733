/**
 * Puts values into an interface string, choosing a plural string's form by the language's
 * rules and writing numbers as the language does. No dictionary here: the browser gets the few
 * strings it needs from the page.
 */
/** A string, or its plural forms by `Intl.PluralRules` category (`one` and `other` at least). */
export type UiString =
  string | ({ one: string; other: string } & { [rule in Intl.LDMLPluralRule]?: string | undefined });

export type UiParams = Record<string, string | number>;

/** One `Intl` object per language and kind: making them is the slow part of formatting. */
function memoized<T>(make: (language: string) => T): (language: string) => T {
  const made = new Map<string, T>();
  return (language) => {
    let value = made.get(language);
    if (value === undefined) made.set(language, (value = make(language)));
    return value;
  };
}

const pluralRules = memoized((language) => new Intl.PluralRules(language));
// Grouping from five digits on, as most languages' style guides want, so a year stays "2019".
const numberFormat = memoized((language) => new Intl.NumberFormat(language, { useGrouping: 'min2' }));
const listFormat = memoized((language) => new Intl.ListFormat(language, { type: 'conjunction' }));

/** A number as the language writes it: its digits and its grouping ("12.345", "١٢٬٣٤٥"). */
export function formatNumber(value: number, language: string): string {
  return numberFormat(language).format(value);
}

/** `{name}` replaced by `params.name`; a placeholder without a value stays, for markup to fill. */
export function formatUiString(entry: UiString, params: UiParams, language: string): string {
  let text: string;
  if (typeof entry === 'string') text = entry;
  else {
    const count = params['count'];
    if (typeof count !== 'number') throw new Error(`A plural interface string needs a count: "${entry.other}"`);
    text = entry[pluralRules(language).select(count)] ?? entry.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, language) : value;
  });
}

/** The placeholders a string carries, by name: `{count}` and `{name}` in "{count} articles tagged “{name}”". */
export function placeholdersOf(text: string): Set<string> {
  return new Set(Array.from(text.matchAll(/\{(\w+)\}/g), (match) => match[1]!));
}

/** The text on either side of a placeholder that markup fills, such as a link or a date: `[before, after]`. */
export function splitAround(text: string, placeholder: string): [string, string] {
  const [before = '', after = ''] = text.split(`{${placeholder}}`);
  return [before, after];
}

/** Items joined as the language lists them ("a, b and c", "a، b وc"). */
export function formatList(items: readonly string[], language: string): string {
  return listFormat(language).format(items);
}

/**
 * What a language writes before each of `count` list items that markup renders (links): `''`
 * before the first, then ", " or " and " in English, "، " or " و" in Arabic.
 */
export function listSeparators(count: number, language: string): string[] {
  const parts = listFormat(language).formatToParts(Array.from({ length: count }, (_, index) => String(index)));
  const separators: string[] = [];
  let pending = '';
  for (const part of parts) {
    if (part.type === 'literal') pending += part.value;
    else {
      separators.push(pending);
      pending = '';
    }
  }
  return separators;
}
