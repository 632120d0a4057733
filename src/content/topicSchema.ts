/**
 * The topic a digest follows: one file, `content/topic.md`, whose frontmatter is checked
 * against this schema (by `readTopic` in `topic.ts`) and whose body is the "About" text. A new topic needs no change in `src/`.
 */
import { z } from 'astro/zod';
import { languageTag, webAddress } from './articleSchema.ts';
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
  /** The people, companies and institutions the story is about, listed on the About page. */
  entities: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1),
        description: z.string().trim().min(1).optional(),
        url: webAddress.optional(),
      }),
    )
    .default([]),
  /**
   * The editor's own wording of interface strings, by key (`nav.archive: Every article`): each
   * replaces the dictionary's string in the digest's language. The keys are listed in README.
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

/** The topic file's frontmatter, checked and with every default filled in. */
export type TopicSettings = z.output<typeof topicSchema>;
