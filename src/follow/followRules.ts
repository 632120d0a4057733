/**
 * The topic's rules for followed feeds: which items become candidates. An item is kept when its
 * title, summary or text names a `keep` phrase or one of the topic's entities, and names no
 * `drop` phrase; with neither `keep` nor entities, every item is kept. Phrases are found as the
 * entities' names are found on their pages (`mentionMatcher`): whole words, case and accents
 * folded, words segmented in the item's language, and a phrase written in capitals ("EU") is an
 * acronym matched only in capitals, so that "us" is not "US".
 */
import { namesOf, type EntityNames } from '../entities/entities.ts';
import {
  createMentionMatcher,
  findMentions,
  type MentionMatcher,
  type NamedEntity,
} from '../entities/mentionMatcher.ts';

/** What the rules read of an item: the fields an editor sees in a reader. */
export interface FollowedItemText {
  title: string;
  summary?: string | undefined;
  text: string;
}

/** Why an item was kept (`keep "5G"`, `entity "Huawei"`, `every item`), recorded in its article's `followed.rule`. */
export type FollowVerdict = { kept: true; rule: string } | { kept: false; reason: string };

/** The reason of an item that names neither a `keep` phrase nor an entity. */
export const NO_RULE_MATCHED = 'names no keep phrase or entity';

interface Rule {
  /** The matcher's key for it: its place in `rules`. */
  slug: string;
  /** How the editor reads it: `keep "5G"`. */
  label: string;
  names: readonly string[];
}

export interface FollowRules {
  keep: readonly Rule[];
  drop: readonly Rule[];
  /** One pair of matchers per language met, made on first use. */
  matchers: Map<string, { keep: MentionMatcher; drop: MentionMatcher }>;
}

const quoted = (text: string) => `"${text.replaceAll('"', '\\"')}"`;

/** The topic's `keep` and `drop` phrases and its entities, ready to judge items. */
export function createFollowRules(settings: {
  keep: readonly string[];
  drop: readonly string[];
  entities: readonly EntityNames[];
}): FollowRules {
  const keep: Rule[] = [
    // The editor's own phrases first: the rule recorded is the most telling one that matched.
    ...settings.keep.map((phrase) => ({ label: `keep ${quoted(phrase)}`, names: [phrase] })),
    ...settings.entities.map((entity) => ({ label: `entity ${quoted(entity.name)}`, names: namesOf(entity) })),
  ].map((rule, index) => ({ ...rule, slug: String(index) }));
  const drop = settings.drop.map((phrase, index) => ({ slug: String(index), label: quoted(phrase), names: [phrase] }));
  return { keep, drop, matchers: new Map() };
}

const named = (rules: readonly Rule[]): NamedEntity[] => rules.map(({ slug, names }) => ({ slug, names }));

function matchersFor(rules: FollowRules, language: string) {
  let matchers = rules.matchers.get(language);
  if (!matchers) {
    matchers = {
      keep: createMentionMatcher(named(rules.keep), language),
      drop: createMentionMatcher(named(rules.drop), language),
    };
    rules.matchers.set(language, matchers);
  }
  return matchers;
}

/** The first rule of the list (in the editor's order) that the text names. */
function firstNamed(rules: readonly Rule[], matcher: MentionMatcher, text: string): Rule | undefined {
  const found = findMentions(matcher, text);
  return rules.find((rule) => found.has(rule.slug));
}

/** Keeps or drops an item written in `language` (a BCP 47 tag), saying which rule decided. */
export function judgeItem(rules: FollowRules, item: FollowedItemText, language: string): FollowVerdict {
  const text = [item.title, item.summary ?? '', item.text].join('\n');
  const matchers = matchersFor(rules, language);
  const dropped = firstNamed(rules.drop, matchers.drop, text);
  if (dropped) return { kept: false, reason: `drop ${dropped.label}` };
  if (rules.keep.length === 0) return { kept: true, rule: 'every item' };
  const kept = firstNamed(rules.keep, matchers.keep, text);
  return kept ? { kept: true, rule: kept.label } : { kept: false, reason: NO_RULE_MATCHED };
}
