/**
 * The topic a digest follows: one file, `content/topic.md`, whose frontmatter is checked
 * against this schema (by `readTopic` in `topic.ts`) and whose body is the "About" text. A new topic needs no change in `src/`.
 */
import { z } from 'astro/zod';
import { imageAlt, imageSource, languageTag, webAddress } from './articleSchema.ts';
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
   * Readers' browsers keep the site and its search index for reading offline (a service worker).
   * Set to `false` to publish without one.
   */
  offline: z.boolean().default(true),
});

/** One of the topic's entities, checked. */
export type TopicEntity = z.output<typeof topicEntity>;

/** The topic file's frontmatter, checked and with every default filled in. */
export type TopicSettings = z.output<typeof topicSchema>;
