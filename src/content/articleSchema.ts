/**
 * What an article is. This schema is the single definition of an article's frontmatter: the
 * build validates every file under `content/articles/` against it, the importer validates what it
 * writes against it, and the page types come from it.
 */
import { z } from 'astro/zod';
import { isLanguageTag } from '../i18n/languageTags.ts';
import { parsePartialDate, parsePublicationDate, type DateReading } from '../lib/dates.ts';
import { slugify } from '../lib/slugs.ts';

/** How many years after an article's own date an event it reports may lie. */
export const FUTURE_EVENT_YEARS = 20;

function dateField<T>(read: (input: unknown) => DateReading<T>) {
  return z.unknown().transform((input, ctx) => {
    const reading = read(input);
    if (reading.ok) return reading.value;
    ctx.addIssue({ code: 'custom', message: reading.message });
    return z.NEVER;
  });
}

const publicationDate = dateField(parsePublicationDate);

const nonEmptyText = z.string().trim().min(1, 'is empty (write some text, or remove the field)');

/**
 * A URL as it may be published: browsers follow `?a=<b>` or a space, but an attribute holding
 * them is not valid HTML. An absolute URL takes its standard form (a host in ASCII), then what may
 * not stand in a URL as written is percent-encoded, leaving escapes already there alone.
 */
const publishableUrl = (url: string) =>
  (URL.parse(url)?.href ?? url).replace(/[^\w\-.~:/?#[\]@!$&'()*+,;=%]/gu, encodeURIComponent);

/** A web address readers can follow: only `http:` and `https:`, never `javascript:` or `data:`. */
export const webAddress = z
  .url({ protocol: /^https?$/, error: 'is not a web address (use a full URL such as "https://example.org/page")' })
  .transform(publishableUrl);

/** A BCP 47 language tag: `en`, `pt-BR`, `zh-Hans`. @see https://www.rfc-editor.org/info/bcp47 */
export const languageTag = z.string().refine(isLanguageTag, 'is not a language tag (use one such as "en" or "pt-BR")');

/** A photo's address: a URL, or a path under `public/` (never `javascript:` or `data:`). */
export const imageSource = z
  .string()
  .trim()
  .regex(
    /^(https?:\/\/|\/|\.{0,2}\/?[\w.-])/i,
    'is not a web address or a path under public/ (use "https://…" or "/images/photo.jpg")',
  )
  .refine(
    (src) => !/^[a-z][a-z0-9+.-]*:/i.test(src) || /^https?:/i.test(src),
    'is not a web address or a path under public/ (use "https://…" or "/images/photo.jpg")',
  )
  .transform(publishableUrl);

/**
 * How much of an article the digest publishes: `full`, its whole text; `excerpt`, its headline, its
 * standfirst or opening words, and a link to the original, as aggregators show other outlets' reporting
 * (see docs/topic-and-articles.md, "Full text or excerpts").
 */
export const textMode = z.enum(['full', 'excerpt'], { error: 'is not "full" or "excerpt"' });

/** What a photo shows, for screen readers and when it does not load. */
export const imageAlt = z
  .string({ error: 'is required: describe what the photo shows' })
  .trim()
  .min(1, 'is empty: describe what the photo shows');

export const articleSchema = z
  .strictObject({
    /** The headline, as the source published it. */
    title: nonEmptyText,
    /**
     * When the source published the article: a calendar date `YYYY-MM-DD`, or a date-time with
     * an offset (`2019-03-06T09:30:00+01:00`). A date is a day in the calendar, the same in every
     * time zone.
     */
    date: publicationDate,
    /** When the source last changed the article; same forms as `date`. */
    updated: publicationDate.optional(),
    /** The outlet that published the article. */
    source: z.strictObject({
      /** Its name as readers know it: "Silicon Republic". */
      name: nonEmptyText,
      /** Its home page. @see https://developer.mozilla.org/docs/Web/API/URL */
      url: webAddress.optional(),
    }),
    /** The people who wrote it, in byline order. */
    authors: z.array(nonEmptyText).default([]),
    /** One or two sentences for listings and feeds; when absent, the first paragraph is used. */
    summary: nonEmptyText.optional(),
    /** Subjects, written freely; each is normalized to a slug ("EU Policy" → `eu-policy`) for its page. */
    tags: z
      .array(
        z.string().transform((tag, ctx) => {
          const slug = slugify(tag);
          if (slug) return slug;
          ctx.addIssue({
            code: 'custom',
            message: `"${tag}" has no letters or digits to make a page name from (reword or remove it)`,
          });
          return z.NEVER;
        }),
      )
      .default([])
      .transform((tags) => [...new Set(tags)]),
    /**
     * The article's lead photo. `alt` describes it for readers who cannot see it. `src` may be
     * left out when only the caption was collected (pasted text carries no photo); the caption
     * and credit are then still shown.
     */
    image: z
      .strictObject({
        /** A URL, or a path under `public/`. */
        src: imageSource.optional(),
        /** What the photo shows, for screen readers and when it does not load. */
        alt: imageAlt,
        /** Who took or owns it: "alexeynovikov/Depositphotos". */
        credit: nonEmptyText.optional(),
      })
      .optional(),
    /** The article's language as a BCP 47 tag (`en`, `de`, `zh-Hans`); defaults to the topic's. */
    lang: languageTag.optional(),
    /** The original article's URL; readers are linked to it and search engines told of it. */
    canonical: webAddress.optional(),
    /**
     * `excerpt` publishes only the headline, the standfirst or opening words, and a link to the
     * original; `full` the whole text. Default: the topic's `textBySource` for its source, else its `text`.
     */
    text: textMode.optional(),
    /** Dated happenings the article reports, for the timeline. */
    events: z
      .array(
        z.strictObject({
          /** `YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or a season such as `2018-summer`: as precise as the article allows. */
          date: dateField(parsePartialDate),
          /** What happened, in one sentence. */
          text: nonEmptyText,
          /** The article gives the date only roughly ("several weeks back"). */
          approximate: z.boolean().default(false),
        }),
      )
      .default([]),
    /**
     * The topic's entities this article is about besides those its words name (`add`), and those
     * it names without being about them (`exclude`), by name or alias as in `content/topic.md`.
     */
    entities: z
      .strictObject({
        add: z.array(nonEmptyText).default([]),
        exclude: z.array(nonEmptyText).default([]),
      })
      .default({ add: [], exclude: [] }),
    /** A draft is left out of every page, feed, sitemap and the search index. */
    draft: z.boolean().default(false),
    /**
     * Articles this one is the same report as (syndicated copy, a rewrite of one release), by their slugs
     * (file names without `.md`), when Dossier does not find it on its own: their groups are joined.
     */
    sameReportAs: z.array(nonEmptyText).default([]),
    /**
     * `true` keeps this article out of every same-report group Dossier finds; a list of slugs keeps it out of
     * theirs only. Where `sameReportAs` names an article too, that joining wins.
     */
    notSameReportAs: z.union([z.literal(true), z.array(nonEmptyText)]).optional(),
    /** Where `npm run follow` found the article: the feed, the item's id in it, and the rule that kept it. */
    followed: z
      .strictObject({
        /** The feed's address, as the topic's `follow.sources` lists it. */
        feed: webAddress,
        /** The item's id in the feed (its `guid`, Atom `id` or JSON Feed `id`, else its link). */
        item: nonEmptyText,
        /** Why it was kept: `keep "5G"`, `entity "Huawei"`, or `every item` when the topic sets no rule. */
        rule: nonEmptyText,
      })
      .optional(),
  })
  .superRefine((article, ctx) => {
    const bound = Number(article.date.day.slice(0, 4)) + FUTURE_EVENT_YEARS;
    article.events.forEach((event, index) => {
      if (event.date.year > bound) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', index, 'date'],
          message: `${event.date.year} is more than ${FUTURE_EVENT_YEARS} years after the article's date (check the year)`,
        });
      }
    });
  });

/** An article's frontmatter as the pages see it, after validation. */
export type ArticleData = z.output<typeof articleSchema>;

/** The field names allowed at a place in the frontmatter, to suggest the intended spelling of a typo. */
export function articleFieldsAt(path: readonly PropertyKey[]): string[] {
  const { shape } = articleSchema;
  switch (path[0]) {
    case 'source':
      return Object.keys(shape.source.shape);
    case 'image':
      return Object.keys(shape.image.unwrap().shape);
    case 'events':
      return Object.keys(shape.events.unwrap().element.shape);
    case 'entities':
      return Object.keys(shape.entities.unwrap().shape);
    case 'followed':
      return Object.keys(shape.followed.unwrap().shape);
    default:
      return Object.keys(shape);
  }
}
