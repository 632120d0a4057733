/**
 * The topic a digest follows: one file, `content/topic.md`, whose frontmatter is checked
 * against this schema (by `readTopic` in `topic.ts`) and whose body is the "About" text. A new topic needs no change in `src/`.
 */
import { z } from 'astro/zod';
import { imageAlt, imageSource, languageTag, textMode, webAddress } from './articleSchema.ts';
import { DEFAULT_EXCERPT_LENGTH, sourceKey } from './articleText.ts';
import { ENTITY_KINDS, entityClashes } from '../entities/entities.ts';
import { uiOverrideProblem } from '../i18n/uiOverrides.ts';
import type { UiOverrides } from '../i18n/translate.ts';

/** One interface string: text, or its plural forms by `Intl.PluralRules` category. */
const uiString = z.union([
  z.string().min(1),
  z.strictObject({
    zero: z.string().min(1).optional(),
    one: z.string().min(1),
    two: z.string().min(1).optional(),
    few: z.string().min(1).optional(),
    many: z.string().min(1).optional(),
    other: z.string().min(1),
  }),
]);

/** One of the story's entities. */
const topicEntity = z.strictObject({
  /** The name readers know it by; it gives the entity its page (`Ken Hu` → `/who/ken-hu/`). */
  name: z.string().trim().min(1),
  /**
   * Other names and spellings articles use for it (`Huawei Technologies`, `EU`): found like the
   * name. A description ("the Chinese tech giant") is not an alias.
   */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** What it is: a person, an organisation, a place, a product, an event, or something other. */
  kind: z.enum(ENTITY_KINDS).default('other'),
  /** One or two sentences saying who or what it is, for readers new to the story. */
  description: z.string().trim().min(1).optional(),
  /** Its own web site, or a reference page about it. */
  url: webAddress.optional(),
  /** A portrait or logo: `src` (a URL or a path under `public/`) and `alt`, what it shows. */
  image: z.strictObject({ src: imageSource, alt: imageAlt }).optional(),
});

/** Whether what a followed feed brings waits for the editor (`review`) or is published at once (`auto`, for a trusted source). */
const publishMode = z.enum(['review', 'auto']);

/** A phrase of a `keep` or `drop` list: a word or words, matched whole, whatever their case and accents. */
const followPhrase = z.string().trim().min(1);

/** One followed outlet with its options. */
const followedSourceFields = z.strictObject({
  /** The feed's address: RSS 2.0, RSS 1.0, Atom or JSON Feed. */
  url: webAddress,
  /** The outlet's name as readers know it; default: the feed's own title. */
  name: z.string().trim().min(1).optional(),
  /** The language of its articles, as a BCP 47 tag; default: what the feed declares. */
  lang: languageTag.optional(),
  /** `auto` publishes this source's candidates without review; default: the follow block's `publish`. */
  publish: publishMode.optional(),
});

/** One followed outlet: its feed's address, or the address with options. */
const followedSource = z.preprocess(
  (source) => (typeof source === 'string' ? { url: source } : source),
  followedSourceFields,
);

/** Outlets' feeds that `npm run follow` polls, and the rules that keep or drop their items. */
const followFields = z.strictObject({
  /** The feeds to poll, each once per run. */
  sources: z.array(followedSource).min(1),
  /**
   * Words or phrases an item must contain (in its title, summary or text) to be kept; the names
   * and aliases of the topic's entities count too. With neither, every item is kept.
   */
  keep: z.array(followPhrase).default([]),
  /** Words or phrases that drop an item, whatever else it contains. */
  drop: z.array(followPhrase).default([]),
  /** What happens to a kept item: a draft to review (the default), or published at once. */
  publish: publishMode.default('review'),
});

const follow = followFields.superRefine((settings, context) => {
  const first = new Map<string, number>();
  settings.sources.forEach((source, index) => {
    const earlier = first.get(source.url);
    if (earlier === undefined) first.set(source.url, index);
    else
      context.addIssue({
        code: 'custom',
        path: ['sources', index, 'url'],
        message: `${source.url} is already sources[${earlier}] (list each feed once)`,
        input: undefined,
      });
  });
});

export const topicSchema = z.strictObject({
  /** The digest's name, shown in the header, the feed and every page title. */
  title: z.string().trim().min(1),
  /** One or two sentences on what the digest follows; shown on the home page and in the feed. */
  description: z.string().trim().min(1),
  /** The language most articles are written in, as a BCP 47 tag; an article's `lang` overrides it. */
  language: languageTag.default('en'),
  /**
   * Where the site is published, as an absolute URL. A path (`https://example.org/digests/huawei/`)
   * makes every link, asset and feed item live under it. `DOSSIER_SITE` overrides it for one build.
   */
  site: webAddress,
  /**
   * The people, organisations, places and things the story is about. Each gets a page
   * (`/who/<slug>/`) listing the articles that name it, found by its name and aliases.
   */
  entities: z
    .array(topicEntity)
    .default([])
    .superRefine((entities, context) => {
      for (const problem of entityClashes(entities)) context.addIssue({ code: 'custom', ...problem, input: undefined });
    }),
  /**
   * The editor's own wording of interface strings, by key (`nav.archive: Every article`): each
   * replaces the dictionary's string in the digest's language. The keys are listed in docs/interface-strings.md.
   */
  ui: z
    .record(z.string(), uiString)
    .default({})
    .superRefine((strings, context) => {
      for (const [key, value] of Object.entries(strings)) {
        const problem = uiOverrideProblem(key, value);
        if (problem) context.addIssue({ code: 'custom', path: [key], message: problem, input: value });
      }
    })
    .transform((strings) => strings as UiOverrides),
  /** How many articles the home page and each feed list before pointing to the archive. */
  latestCount: z.number().int().min(1).max(100).default(10),
  /**
   * Raw HTML in article Markdown is sanitized (scripts, styles, event handlers, frames and forms
   * removed). Set to `true` only when every article's author is trusted.
   */
  trustHtml: z.boolean().default(false),
  /**
   * How much of each article the site publishes: `full` (the default), or `excerpt`: the headline,
   * the standfirst or the opening words, and a link to the original, in the page, the feeds and
   * the search index alike, for outlets' reporting the digest may quote but not republish.
   */
  text: textMode.default('full'),
  /**
   * Outlets whose articles are published otherwise than `text` says, by name as articles give
   * their `source.name` (`The Conversation: full`); an article's own `text` overrides it.
   */
  textBySource: z
    .record(z.string().trim().min(1), textMode)
    .default({})
    .superRefine((bySource, context) => {
      const first = new Map<string, string>();
      for (const name of Object.keys(bySource)) {
        const key = sourceKey(name);
        const earlier = first.get(key);
        const message = !key
          ? 'has no letters or digits to match a source by'
          : earlier !== undefined
            ? `names the same source as "${earlier}" (list each source once)`
            : undefined;
        if (message) context.addIssue({ code: 'custom', path: [name], message, input: name });
        else first.set(key, name);
      }
    })
    .transform((bySource) =>
      Object.fromEntries(Object.entries(bySource).map(([name, mode]) => [sourceKey(name), mode])),
    ),
  /** How many characters of an article's first paragraph an excerpt shows, when it has no summary. */
  excerptLength: z.number().int().min(50).max(2000).default(DEFAULT_EXCERPT_LENGTH),
  /**
   * Readers' browsers keep the site and its search index for reading offline (a service worker).
   * Set to `false` to publish without one.
   */
  offline: z.boolean().default(true),
  /** Outlets' feeds to follow on a schedule (`npm run follow`), and which of their items to keep. */
  follow: follow.optional(),
});

/** The field names allowed at a place in the topic's frontmatter, to suggest the intended spelling of a typo. */
export function topicFieldsAt(path: readonly PropertyKey[]): string[] {
  if (path[0] === 'entities') return Object.keys(topicEntity.shape);
  if (path[0] === 'follow') return Object.keys((path[1] === 'sources' ? followedSourceFields : followFields).shape);
  return Object.keys(topicSchema.shape);
}

/** The topic's `follow` block, checked, with its defaults. */
export type FollowSettings = z.output<typeof follow>;

/** One followed feed, checked. */
export type FollowedSource = FollowSettings['sources'][number];

/** One of the topic's entities, checked. */
export type TopicEntity = z.output<typeof topicEntity>;

/** The topic file's frontmatter, checked and with every default filled in. */
export type TopicSettings = z.output<typeof topicSchema>;
