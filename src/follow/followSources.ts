/**
 * One run of `npm run follow`: every followed feed polled once, each new item that the topic's
 * rules keep imported, with the importer's own rules, as an article file (a draft unless the
 * source is published without review), and what the run learnt recorded in the state file.
 *
 * Order matters for a run killed at any moment: a source's article files are written before the
 * state records them, so a kill loses no article; an item whose file exists but that the state
 * does not record yet is found in the article catalog at the next run, and recorded then. A
 * source that fails leaves its state entry as it was, and never stops the others.
 */
import { join, relative } from 'node:path';
import type { CalendarDate } from '../lib/dates.ts';
import { languageTag } from '../i18n/languageTags.ts';
import type { Topic } from '../content/topic.ts';
import type { FollowedSource } from '../content/topicSchema.ts';
import type { ArticleCatalog, StoryIdentity } from '../import/articleCatalog.ts';
import { articlesFromChannel } from '../import/feeds/feedArticles.ts';
import type { FeedChannel } from '../import/feeds/feedChannel.ts';
import {
  dossierUserAgent,
  fetchInput,
  FOLLOW_LIMITS,
  type FetchAnswer,
  type FetchRequest,
} from '../import/fetchInput.ts';
import { ImportError } from '../import/importError.ts';
import { publicationDay } from '../import/importedArticle.ts';
import {
  planArticleFile,
  readArticleCatalog,
  readFeedBytes,
  writeArticleFiles,
  type PlannedFile,
} from '../import/importInputs.ts';
import { htmlToPlainText } from '../import/outletHtml.ts';
import { followedArticleText } from './followedArticle.ts';
import {
  fileDigest,
  followCorrection,
  outletDigest,
  type FollowedUpdate,
  type OutletChange,
} from './followedUpdates.ts';
import { createFollowRules, judgeItem, type FollowRules } from './followRules.ts';
import {
  firstPollSince,
  followStatePath,
  writeFollowState,
  type FollowState,
  type ImportedVersion,
  type SourceState,
} from './followState.ts';

/** Feeds fetched at once; their items are still read one feed at a time, in the topic's order. */
const FEEDS_AT_ONCE = 4;

/** An item the run read but did not import, and why. */
export interface LeftOutItem {
  /** `item 3 "Title"`. */
  label: string;
  reason: string;
}

/** An article file the run wrote, and the rule that kept its item. */
export interface FollowedCandidate {
  file: string;
  title: string;
  rule: string;
  /** Whether it waits for review; false for a source published without it. */
  draft: boolean;
}

/** What polling one source did. */
export type SourceOutcome =
  | { url: string; status: 'failed'; message: string }
  | { url: string; status: 'not-modified'; requests: number; receivedBytes: number }
  | {
      url: string;
      status: 'read';
      /** The outlet's name: the source's own, else the feed's title. */
      name: string;
      /** The day from which the feed's items count. */
      since: CalendarDate;
      candidates: FollowedCandidate[];
      /** Articles imported before whose outlet changed them: updated, or an update waiting for review. */
      updates: FollowedUpdate[];
      /** Items the topic's rules dropped. */
      dropped: LeftOutItem[];
      /** Items imported, rejected or already in the content folder before this poll. */
      unchanged: number;
      /** Items published before `since`. */
      older: number;
      /** Items the importer could not read (no date, no text…). */
      skipped: LeftOutItem[];
      /** What the importer assumed, for the editor to check. */
      notes: string[];
      requests: number;
      receivedBytes: number;
    };

export interface FollowRunOptions {
  /** The content folder: articles go to its `articles/`, the state is its `follow-state.yaml`. */
  content: string;
  /** The checked topic; its `follow` block lists the sources. */
  topic: Topic & { follow: NonNullable<Topic['follow']> };
  /** The state as read at the start of the run; updated as sources are read. */
  state: FollowState;
  /** The first day whose items count, over what the state records (the editor's `--since`). */
  since?: CalendarDate | undefined;
  /** The moment of the run, from which the first poll's 30 days are counted. */
  now?: Date | undefined;
  /** Timeouts, size cap and redirects over `FOLLOW_LIMITS` (20 s, 10 MB, 5 redirects). */
  limits?: Pick<FetchRequest, keyof typeof FOLLOW_LIMITS> | undefined;
  /** Told when the run starts waiting for a source, and when it is done with it. */
  onWaiting?: ((source: FollowedSource, index: number) => void) | undefined;
  onDone?: ((outcome: SourceOutcome, index: number) => void) | undefined;
}

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Runs `work` on every item, at most `limit` at once, each result settled so that none goes unhandled. */
function atMostAtOnce<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<Settled<R>>[] {
  const waiting = items.map(() => Promise.withResolvers<Settled<R>>());
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      waiting[index]!.resolve(
        await work(items[index]!).then(
          (value) => ({ ok: true, value }) as const,
          (error: unknown) => ({ ok: false, error }) as const,
        ),
      );
    }
  };
  for (let started = 0; started < Math.min(limit, items.length); started++) void worker();
  return waiting.map(({ promise }) => promise);
}

/** What the run needs to read one feed. */
interface FeedReading {
  source: FollowedSource;
  previous: SourceState | undefined;
  since: CalendarDate;
  rules: FollowRules;
  catalog: ArticleCatalog;
  folder: string;
  /** The content folder, which the state's file paths are relative to. */
  content: string;
  draft: boolean;
  defaultLanguage: string;
}

/** A feed read: the files to write, what to record once they are, the corrections to follow, and what to report. */
interface FeedRead {
  planned: PlannedFile[];
  /** Ids of items to record as imported. */
  recorded: string[];
  /** The versions of the items imported now, by id. */
  versions: Record<string, ImportedVersion>;
  changes: OutletChange[];
  outcome: Extract<SourceOutcome, { status: 'read' }>;
  batch: ArticleCatalog;
}

const itemLabel = (position: number, title: string | undefined) => `item ${position}${title ? ` "${title}"` : ''}`;

/** The outlet's name when the source gives none: the feed's title, which it must then have. */
function outletName(source: FollowedSource, channel: FeedChannel): string {
  const name = source.name ?? channel.title;
  if (!name)
    throw new ImportError(
      'the feed has no title naming the outlet (give the source a name in topic.md: `- url: …` with `name: Outlet name`)',
    );
  return name;
}

/** Reads a feed's answer, item by item, into the files to write; writes nothing. */
function readFollowedFeed(answer: Extract<FetchAnswer, { status: 'fetched' }>, reading: FeedReading): FeedRead {
  const { source, previous, since, rules, folder, draft, defaultLanguage } = reading;
  const notes = new Set<string>();
  const channel = readFeedBytes(answer.bytes, answer.charset, (note) => notes.add(note));
  const name = outletName(source, channel);
  const known = new Set([...(previous?.imported ?? []), ...(previous?.rejected ?? [])]);
  const rejected = new Set(previous?.rejected ?? []);
  const changes: OutletChange[] = [];
  const versions: Record<string, ImportedVersion> = {};
  const seen = new Set<string>();
  const recorded: string[] = [];
  const batch = reading.catalog.batch();
  const planned: PlannedFile[] = [];
  const outcome: FeedRead['outcome'] = {
    url: source.url,
    status: 'read',
    name,
    since,
    candidates: [],
    updates: [],
    dropped: [],
    unchanged: 0,
    older: 0,
    skipped: [],
    notes: [],
    requests: answer.requests,
    receivedBytes: answer.receivedBytes,
  };
  if (channel.stories.length === 0) notes.add('the feed has no items');
  const read = articlesFromChannel(channel, {
    source: name,
    lang: source.lang,
    authors: [],
    tags: [],
    feedUrl: answer.url,
    defaultLanguage,
  });
  for (const item of read) {
    const { story } = item;
    const label = itemLabel(story.position, story.title);
    if ('skipped' in item) {
      // The importer's hints name its own options; here the feed is the publisher's to fix.
      outcome.skipped.push({ label, reason: item.skipped.replace(/ \(pass --date [^)]*\)$/, '') });
      continue;
    }
    const id = story.id ?? item.canonical;
    if (!id) {
      outcome.skipped.push({ label, reason: 'has neither an id nor a link to know it by at the next poll' });
      continue;
    }
    const textOf = () => ({
      title: item.title,
      text: htmlToPlainText(story.contentHtml ?? story.summaryHtml ?? ''),
    });
    const version = previous?.versions[id];
    if (version && !rejected.has(id) && !seen.has(id)) {
      seen.add(id);
      const outlet = outletDigest(textOf());
      const article = outlet === version.outlet ? undefined : item.article();
      if (article) {
        const language = languageTag(source.lang ?? story.lang ?? channel.lang) ?? defaultLanguage;
        const verdict = judgeItem(rules, { ...textOf(), summary: undefined }, language);
        const rule = verdict.kept ? verdict.rule : 'kept before the outlet changed it';
        changes.push({ item: id, feed: source.url, rule, article, outlet, version });
      } else outcome.unchanged++;
      continue;
    }
    if (known.has(id) || seen.has(id)) {
      outcome.unchanged++;
      continue;
    }
    seen.add(id);
    const day = publicationDay(item);
    if (day < since) {
      outcome.older++;
      continue;
    }
    if (item.note) notes.add(`${label}: ${item.note}`);
    // The feed's id is left out: another feed may use the same ids for other stories.
    const identity: StoryIdentity = { title: item.title, day, canonical: item.canonical };
    if (batch.findDuplicate(identity)) {
      // Already in the digest (imported by hand, by a run killed before it recorded it, or
      // repeated by the feed under a new id): recorded, so that later polls skip it at once.
      outcome.unchanged++;
      recorded.push(id);
      continue;
    }
    const language = languageTag(source.lang ?? story.lang ?? channel.lang) ?? defaultLanguage;
    const verdict = judgeItem(
      rules,
      {
        title: item.title,
        summary: story.summaryHtml && htmlToPlainText(story.summaryHtml),
        text: story.contentHtml ? htmlToPlainText(story.contentHtml) : '',
      },
      language,
    );
    if (!verdict.kept) {
      outcome.dropped.push({ label, reason: verdict.reason });
      continue;
    }
    const article = item.article();
    if (!article) {
      outcome.skipped.push({ label, reason: 'has no article text in the feed' });
      continue;
    }
    const followed = { feed: source.url, item: id, rule: verdict.rule };
    const file = planArticleFile(
      article,
      { label, where: `item ${story.position}`, story: identity },
      folder,
      batch,
      (text) => followedArticleText(text, followed, draft),
    );
    planned.push(file);
    outcome.candidates.push({ file: file.file, title: article.title, rule: verdict.rule, draft });
    recorded.push(id);
    versions[id] = {
      file: relative(reading.content, file.file),
      outlet: outletDigest(textOf()),
      written: fileDigest(file.text),
    };
  }
  outcome.notes = [...notes];
  return { planned, recorded, versions, changes, outcome, batch };
}

/**
 * The source's next state entry, or `undefined` to leave it as it was. Validators ride along with
 * real changes only: a feed whose new items were all dropped leaves the state as it was, so that
 * a scheduled job has nothing to commit.
 */
function nextSourceState(
  previous: SourceState | undefined,
  answer: Extract<FetchAnswer, { status: 'fetched' }>,
  since: CalendarDate,
  recorded: readonly string[],
  versions: Record<string, ImportedVersion>,
): SourceState | undefined {
  const changed =
    !previous ||
    recorded.length > 0 ||
    previous.since !== since ||
    Object.entries(versions).some(([id, version]) => {
      const before = previous.versions[id];
      return !before || before.outlet !== version.outlet || before.written !== version.written;
    });
  if (!changed) return undefined;
  return {
    ...(answer.etag && { etag: answer.etag }),
    ...(answer.lastModified && { lastModified: answer.lastModified }),
    since,
    imported: [...(previous?.imported ?? []), ...recorded],
    rejected: previous?.rejected ?? [],
    versions: { ...previous?.versions, ...versions },
  };
}

function failureMessage(error: unknown): string {
  if (error instanceof ImportError) return error.message;
  return `failed unexpectedly (${error instanceof Error ? error.message : String(error)}); please report this with the feed's address`;
}

/**
 * Polls every source of the topic's `follow` block once, imports what its rules keep, and records
 * the state. Returns what each source did, in the topic's order.
 */
export async function followSources(options: FollowRunOptions): Promise<SourceOutcome[]> {
  const { content, topic, state } = options;
  const follow = topic.follow;
  const folder = join(content, 'articles');
  const catalog = await readArticleCatalog(folder);
  const rules = createFollowRules({ keep: follow.keep, drop: follow.drop, entities: topic.entities });
  const firstDay = firstPollSince(options.now ?? new Date());
  const userAgent = dossierUserAgent(topic.site);
  const sinceOf = (source: FollowedSource) => options.since ?? state.sources[source.url]?.since ?? firstDay;

  const answers = atMostAtOnce(follow.sources, FEEDS_AT_ONCE, (source) => {
    const previous = state.sources[source.url];
    // A new first day asks for the whole feed again: what the last answer left out may now count.
    const conditional = previous !== undefined && previous.since === sinceOf(source);
    return fetchInput({
      url: source.url,
      ...FOLLOW_LIMITS,
      ...options.limits,
      userAgent,
      etag: conditional ? previous.etag : undefined,
      lastModified: conditional ? previous.lastModified : undefined,
    });
  });

  const outcomes: SourceOutcome[] = [];
  for (const [index, source] of follow.sources.entries()) {
    options.onWaiting?.(source, index);
    const answer = await answers[index]!;
    let outcome: SourceOutcome;
    try {
      if (!answer.ok) throw answer.error;
      if (answer.value.status === 'not-modified') {
        const { requests, receivedBytes } = answer.value;
        outcome = { url: source.url, status: 'not-modified', requests, receivedBytes };
      } else {
        const previous = state.sources[source.url];
        const since = sinceOf(source);
        const draft = (source.publish ?? follow.publish) !== 'auto';
        const read = readFollowedFeed(answer.value, {
          source,
          previous,
          since,
          rules,
          catalog,
          folder,
          content,
          draft,
          defaultLanguage: topic.language,
        });
        if (read.planned.length > 0) await writeArticleFiles(read.planned, folder);
        read.batch.commit();
        for (const change of read.changes) {
          try {
            const followed = await followCorrection(content, change, options.now ?? new Date(), draft);
            read.versions[change.item] = followed.version;
            if (followed.update) read.outcome.updates.push(followed.update);
            else read.outcome.unchanged++;
          } catch (error) {
            // Left as it was, to be tried again at the next poll; the source's other items still count.
            read.outcome.notes.push(`${join(content, change.version.file)}: ${(error as Error).message}`);
          }
        }
        const entry = nextSourceState(previous, answer.value, since, read.recorded, read.versions);
        if (entry) {
          state.sources[source.url] = entry;
          await writeFollowState(content, state).catch((error: unknown) => {
            throw new ImportError(
              `its articles were written, but ${followStatePath(content)} could not be (${(error as Error).message}); the next run records them`,
            );
          });
        }
        outcome = read.outcome;
      }
    } catch (error) {
      outcome = { url: source.url, status: 'failed', message: failureMessage(error) };
    }
    outcomes.push(outcome);
    options.onDone?.(outcome, index);
  }
  return outcomes;
}
