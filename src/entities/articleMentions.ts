/**
 * The entities one article is about and mentions, worked out once per article by the content
 * sync (and kept with its rendered HTML), so that no page ever scans articles' text.
 */
import { findMentions, sentenceAround, type MentionMatcher } from './mentionMatcher.ts';

export interface ArticleMentions {
  /** Entities its title or summary names, most named first: what the article is about. */
  about: string[];
  /** The other entities it names, most named first, then those the editor added. */
  mentions: string[];
  /** The sentence of each entity's first mention in the text (else in the summary or title), by slug. */
  contexts: Record<string, string>;
}

export interface MentionInput {
  title: string;
  summary?: string | undefined;
  /** The article's text, a paragraph per line. */
  text: string;
  /** The article's language, when not the topic's. */
  lang?: string | undefined;
  /** Slugs the editor added and excluded in the article's frontmatter. */
  add: readonly string[];
  exclude: readonly string[];
}

export function articleMentions(matcher: MentionMatcher, input: MentionInput): ArticleMentions {
  const language = input.lang ?? matcher.language;
  const excluded = new Set(input.exclude);
  const parts = [input.text, input.summary ?? '', input.title].map((text) => ({
    text,
    found: findMentions(matcher, text, language),
  }));
  const inHeadline = (slug: string) => parts[1]!.found.has(slug) || parts[2]!.found.has(slug);
  const counts = new Map<string, number>();
  for (const { found } of parts)
    for (const [slug, { count }] of found) if (!excluded.has(slug)) counts.set(slug, (counts.get(slug) ?? 0) + count);
  const ranked = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || a.localeCompare(b));
  const about = ranked.filter(inHeadline);
  const contexts: Record<string, string> = {};
  for (const slug of ranked) {
    const part = parts.find(({ found }) => found.has(slug))!;
    contexts[slug] = sentenceAround(part.text, part.found.get(slug)!.first, language);
  }
  const added = input.add.filter((slug) => !counts.has(slug) && !excluded.has(slug));
  return { about, mentions: [...ranked.filter((slug) => !about.includes(slug)), ...new Set(added)], contexts };
}
