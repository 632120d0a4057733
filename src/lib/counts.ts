/**
 * "1 article", "3 articles": a count with the noun form its number takes, chosen by the
 * language's plural rules (`Intl.PluralRules`), so languages with more than two forms fit too.
 */
export type PluralForms = { one: string; other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

const rulesByLocale = new Map<string, Intl.PluralRules>();

/** The form of `forms` that `count` takes. */
export function pluralForm(count: number, forms: PluralForms, locale = 'en'): string {
  let rules = rulesByLocale.get(locale);
  if (!rules) rulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
  return forms[rules.select(count)] ?? forms.other;
}

/** The count followed by its noun: `formatCount(2, { one: 'tag', other: 'tags' })` → `2 tags`. */
export function formatCount(count: number, forms: PluralForms, locale = 'en'): string {
  return `${count} ${pluralForm(count, forms, locale)}`;
}
