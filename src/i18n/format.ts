/**
 * Puts values into an interface string, choosing a plural string's form by the language's
 * rules. No dictionary here: the browser gets the few strings it needs from the page.
 */
/** A string, or its plural forms by `Intl.PluralRules` category (`one` and `other` at least). */
export type UiString = string | ({ one: string; other: string } & Partial<Record<Intl.LDMLPluralRule, string>>);

export type UiParams = Record<string, string | number>;

const rulesByLanguage = new Map<string, Intl.PluralRules>();

/** `{name}` replaced by `params.name`; a placeholder without a value stays, for markup to fill. */
export function formatUiString(entry: UiString, params: UiParams, language: string): string {
  let text: string;
  if (typeof entry === 'string') text = entry;
  else {
    const count = params['count'];
    if (typeof count !== 'number') throw new Error(`A plural interface string needs a count: "${entry.other}"`);
    let rules = rulesByLanguage.get(language);
    if (!rules) rulesByLanguage.set(language, (rules = new Intl.PluralRules(language)));
    text = entry[rules.select(count)] ?? entry.other;
  }
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The text on either side of a placeholder that markup fills, such as a link or a date: `[before, after]`. */
export function splitAround(text: string, placeholder: string): [string, string] {
  const [before = '', after = ''] = text.split(`{${placeholder}}`);
  return [before, after];
}
