import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateArticleFile } from '../../../src/content/validateArticle.ts';
import { followedArticleText } from '../../../src/follow/followedArticle.ts';
import { readFollowState } from '../../../src/follow/followState.ts';
import { acceptDrafts, listQueue, rejectDrafts, withoutDraftLine } from '../../../src/follow/reviewQueue.ts';
import { draftText, FEED, HAND_WRITTEN, makeContent } from '../../support/reviewDrafts.ts';

const CENTRE = '2019-03-06-huawei-opens-a-centre.md';
const DEAL = '2019-03-08-a-5g-deal.md';
const centre = draftText({ title: 'Huawei opens a centre', date: '2019-03-06', item: 'https://outlet.example/a/1' });
const deal = draftText({
  title: 'A 5G deal',
  date: '2019-03-08',
  item: 'https://outlet.example/a/2',
  rule: 'entity "Huawei"',
});
const PUBLISHED = draftText({ title: 'Old news', date: '2019-01-02', item: 'https://outlet.example/a/0' }).replace(
  'draft: true\n',
  '',
);

const read = (content: string, name: string) => readFile(join(content, 'articles', name), 'utf8');

describe('the review queue', () => {
  it('lists the followed drafts, newest first, and nothing else', async () => {
    const content = await makeContent({
      [CENTRE]: centre,
      [DEAL]: deal,
      '2019-03-07-notes.md': HAND_WRITTEN,
      '2019-01-02-old-news.md': PUBLISHED,
    });
    expect(await listQueue(content)).toEqual([
      {
        file: join(content, 'articles', DEAL),
        slug: 'a-5g-deal',
        title: 'A 5G deal',
        outlet: 'Outlet Example',
        date: '2019-03-08',
        rule: 'entity "Huawei"',
        feed: FEED,
        item: 'https://outlet.example/a/2',
      },
      expect.objectContaining({ slug: 'huawei-opens-a-centre', rule: 'keep "5G"', date: '2019-03-06' }),
    ]);
  });

  it('is empty for a folder without articles', async () => {
    expect(await listQueue(await makeContent({}))).toEqual([]);
    expect(await listQueue(join(await makeContent({}), 'no-such-folder'))).toEqual([]);
  });
});

describe('accepting a draft', () => {
  it('removes its "draft: true" line and keeps every other byte', async () => {
    const content = await makeContent({ [CENTRE]: centre });
    const { accepted, problems } = await acceptDrafts(content, ['huawei-opens-a-centre']);
    expect(problems).toEqual([]);
    expect(accepted.map((draft) => draft.title)).toEqual(['Huawei opens a centre']);
    expect(await read(content, CENTRE)).toBe(centre.replace('draft: true\n', ''));
    expect(await listQueue(content)).toEqual([]);
  });

  it('publishes a draft as "npm run follow" writes it, checked by the article schema', async () => {
    const text = followedArticleText(
      {
        title: 'Huawei: "a centre"',
        date: '2019-03-06T09:30:00+01:00',
        source: { name: 'Outlet Example', url: 'https://outlet.example/' },
        authors: ['A. Writer'],
        tags: ['5G'],
        summary: 'A summary: with a colon.',
        canonical: 'https://outlet.example/a/1',
        body: 'Huawei opened a centre.',
      },
      { feed: FEED, item: 'https://outlet.example/a/1', rule: 'keep "5G"' },
      true,
    );
    const content = await makeContent({ [CENTRE]: text });
    expect(await listQueue(content)).toEqual([
      expect.objectContaining({ title: 'Huawei: "a centre"', date: '2019-03-06', rule: 'keep "5G"' }),
    ]);
    expect((await acceptDrafts(content, [CENTRE])).problems).toEqual([]);
    const published = await read(content, CENTRE);
    expect(published).toBe(text.replace('draft: true\n', ''));
    const article = validateArticleFile(CENTRE, new TextEncoder().encode(published));
    expect(Array.isArray(article) ? article.map(String) : article.data.draft).toBe(false);
  });

  it.each([
    [
      'Windows line ends',
      centre.replaceAll('\n', '\r\n'),
      centre.replaceAll('\n', '\r\n').replace('draft: true\r\n', ''),
    ],
    [
      'a comment after it, as the first field',
      centre.replace('draft: true\n', '').replace('---\n', '---\ndraft: true # until reviewed\n'),
      centre.replace('draft: true\n', ''),
    ],
    [
      'a byte-order mark, as the last field',
      `\uFEFF${centre.replace('draft: true\n', '').replace('\n---\n\n', '\ndraft: true\n---\n\n')}`,
      `\uFEFF${centre.replace('draft: true\n', '')}`,
    ],
  ])('cuts only its line, with %s', (_case, text, published) => {
    expect(withoutDraftLine(text)).toBe(published);
  });

  it('leaves a draft whose "draft: true" shares a line to the editor', async () => {
    const flow = `---\n{title: A 5G deal, date: "2019-03-08", source: {name: X}, draft: true, followed: {feed: "${FEED}", item: i, rule: r}}\n---\n\nText.\n`;
    expect(withoutDraftLine(flow)).toBeUndefined();
    const content = await makeContent({ [DEAL]: flow });
    const { accepted, problems } = await acceptDrafts(content, ['a-5g-deal']);
    expect(accepted).toEqual([]);
    expect(problems).toEqual([
      `${join(content, 'articles', DEAL)}: its "draft: true" does not sit on a line of its own (remove it by hand)`,
    ]);
    expect(await read(content, DEAL)).toBe(flow);
  });

  it('takes a slug and a file together, each once', async () => {
    const content = await makeContent({ [CENTRE]: centre, [DEAL]: deal });
    const { accepted, problems } = await acceptDrafts(content, ['a-5g-deal', join(content, 'articles', CENTRE), DEAL]);
    expect(problems).toEqual([]);
    expect(accepted.map((draft) => draft.slug)).toEqual(['a-5g-deal', 'huawei-opens-a-centre']);
    expect(await read(content, DEAL)).toBe(deal.replace('draft: true\n', ''));
    expect(await read(content, CENTRE)).toBe(centre.replace('draft: true\n', ''));
  });

  it('refuses an article written by hand, an article already published and a name no article has', async () => {
    const content = await makeContent({ '2019-03-07-notes.md': HAND_WRITTEN, '2019-01-02-old-news.md': PUBLISHED });
    const { accepted, problems } = await acceptDrafts(content, ['notes', 'old-news', 'no-such-article']);
    expect(accepted).toEqual([]);
    const articles = join(content, 'articles');
    expect(problems).toEqual([
      `${articles}/2019-03-07-notes.md is not a draft "npm run follow" brought (it has no "followed" field): accept takes only drafts of the review queue; publish it by removing its "draft: true" line`,
      `${articles}/2019-01-02-old-news.md is already published (it has no "draft: true"): accept takes only drafts of the review queue; edit or remove a published article by hand`,
      `"no-such-article" is no article of ${articles} (give a file or a slug as "npm run follow -- list" shows them)`,
    ]);
    expect(await read(content, '2019-03-07-notes.md')).toBe(HAND_WRITTEN);
    expect(await read(content, '2019-01-02-old-news.md')).toBe(PUBLISHED);
  });
});

describe('rejecting a draft', () => {
  const STATE = `sources:
  ${FEED}:
    etag: '"v1"'
    since: 2019-02-01
    imported:
      - https://outlet.example/a/1
      - https://outlet.example/a/2
    rejected:
      - https://outlet.example/a/9
`;

  it('removes its file and remembers its item under its feed', async () => {
    const content = await makeContent({ [CENTRE]: centre, [DEAL]: deal }, STATE);
    const { rejected, problems } = await rejectDrafts(content, ['huawei-opens-a-centre']);
    expect(problems).toEqual([]);
    expect(rejected.map((draft) => draft.item)).toEqual(['https://outlet.example/a/1']);
    expect(existsSync(join(content, 'articles', CENTRE))).toBe(false);
    expect(await read(content, DEAL)).toBe(deal);
    expect((await readFollowState(content)).sources[FEED]).toEqual({
      etag: '"v1"',
      since: '2019-02-01',
      imported: ['https://outlet.example/a/1', 'https://outlet.example/a/2'],
      rejected: ['https://outlet.example/a/1', 'https://outlet.example/a/9'],
      versions: {},
    });
  });

  it('starts the state of a feed it has lost, as a first poll would', async () => {
    const content = await makeContent({ [CENTRE]: centre, [DEAL]: deal });
    const { problems } = await rejectDrafts(content, [CENTRE, DEAL], new Date('2019-03-10T12:00:00Z'));
    expect(problems).toEqual([]);
    expect((await readFollowState(content)).sources[FEED]).toEqual({
      since: '2019-02-08',
      imported: [],
      rejected: ['https://outlet.example/a/1', 'https://outlet.example/a/2'],
      versions: {},
    });
  });

  it('refuses an article written by hand, and keeps it', async () => {
    const content = await makeContent({ '2019-03-07-notes.md': HAND_WRITTEN }, STATE);
    const { rejected, problems } = await rejectDrafts(content, ['notes']);
    expect(rejected).toEqual([]);
    expect(problems).toEqual([
      `${join(content, 'articles')}/2019-03-07-notes.md is not a draft "npm run follow" brought (it has no "followed" field): reject takes only drafts of the review queue; remove the file yourself if you no longer want it`,
    ]);
    expect(await read(content, '2019-03-07-notes.md')).toBe(HAND_WRITTEN);
    expect(await readFile(join(content, 'follow-state.yaml'), 'utf8')).toBe(STATE);
  });

  it('removes nothing when the state file cannot be read', async () => {
    const content = await makeContent({ [CENTRE]: centre }, 'sources: [not, a, map]\n');
    const { rejected, problems } = await rejectDrafts(content, [CENTRE]);
    expect(rejected).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('follow-state.yaml');
    expect(await read(content, CENTRE)).toBe(centre);
  });
});
