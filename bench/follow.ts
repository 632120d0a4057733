/**
 * `npm run bench:follow [-- --material <folder>] [--keep]`: what following real outlets costs.
 * Serves the 15 real-world feeds of `../shared/real-world/feeds/` on 127.0.0.1, as a publisher's
 * server does (ETag and Last-Modified, 304 to a request that sends them back), makes a temporary
 * digest that follows all 15 with `keep` and `drop` rules and entities of a "tech and politics"
 * story, and polls twice, as `npm run follow` does. Prints the command's lines for each poll, then
 * per source: items, candidates and drops of the first poll, what the second poll cost (requests,
 * bytes, 304s), and the time of each poll; ends with one JSON line holding every figure.
 *
 * The feeds are years old, so the polls count items from 1990 (`--since 1990-01-01`): with the
 * first poll's default of 30 days, every item would be left out as too old.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readTopic } from '../src/content/topic.ts';
import { formatFollowTotals, formatSourceOutcome } from '../src/follow/followReport.ts';
import { followSources, type SourceOutcome } from '../src/follow/followSources.ts';
import { readFollowState } from '../src/follow/followState.ts';

const repository = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    material: { type: 'string', default: join(repository, '../shared/real-world') },
    keep: { type: 'boolean', default: false },
  },
});
const feedsFolder = join(values.material, 'feeds');
if (!existsSync(feedsFolder)) {
  console.error(
    `bench:follow: ${feedsFolder} does not exist, so there are no real feeds to follow (it is the shared real-world set, ../shared/real-world/ beside the repository; pass --material <folder>)`,
  );
  process.exit(2);
}

const SINCE = '1990-01-01';

/** Rules an editor following tech companies and US politics would write, for the words these outlets use. */
const FOLLOW_RULES = `  keep: [iPhone, iOS, macOS, Google, Twitter, Firefox, JavaScript, "State of the Union", FBI, GOP, Congress, Proxmox]
  drop: [sponsored, "We're Hiring", podcast]
`;
const ENTITIES = `entities:
  - name: Donald Trump
    aliases: [Trump]
    description: President of the United States.
  - name: Apple
    kind: organisation
    description: The maker of the iPhone.
`;

// The publisher's server: every feed with validators, counting what it is asked and what it sends.
const names = (await readdir(feedsFolder)).filter((name) => /\.(xml|json)$/.test(name)).sort();
const feeds = new Map(
  await Promise.all(
    names.map(async (name) => {
      const body = await readFile(join(feedsFolder, name));
      const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 16)}"`;
      return [`/${name}` as string, { body, etag, lastModified: 'Mon, 01 Jan 2024 00:00:00 GMT' }] as const;
    }),
  ),
);
interface Traffic {
  requests: number;
  notModified: number;
  bodyBytes: number;
}
let traffic = new Map<string, Traffic>();
const server = createServer((request, response) => {
  const path = request.url ?? '/';
  const feed = feeds.get(path);
  const counted = traffic.get(path) ?? { requests: 0, notModified: 0, bodyBytes: 0 };
  traffic.set(path, counted);
  counted.requests++;
  if (!feed) {
    response.writeHead(404).end();
    return;
  }
  const validators = { etag: feed.etag, 'last-modified': feed.lastModified };
  if (request.headers['if-none-match'] === feed.etag) {
    counted.notModified++;
    response.writeHead(304, validators).end();
    return;
  }
  counted.bodyBytes += feed.body.byteLength;
  // No charset: each feed's own declaration (or its bytes) decides, as for most outlets' servers.
  response.writeHead(200, {
    'content-type': path.endsWith('.json') ? 'application/feed+json' : 'application/xml',
    ...validators,
  });
  response.end(feed.body);
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const content = await mkdtemp(join(tmpdir(), 'dossier-bench-follow-'));
await writeFile(
  join(content, 'topic.md'),
  `---
title: Following real feeds
description: The real-world feeds followed by npm run bench:follow.
site: https://follow-bench.example.org/
${ENTITIES}follow:
  sources:
${names.map((name) => `    - ${origin}/${name}`).join('\n')}
${FOLLOW_RULES}---

A digest that follows the 15 real-world feeds.
`,
);

interface Poll {
  outcomes: SourceOutcome[];
  seconds: number;
  traffic: Map<string, Traffic>;
}

async function poll(title: string): Promise<Poll> {
  console.log(`\n## ${title}\n`);
  traffic = new Map();
  const topic = readTopic(content);
  const started = performance.now();
  const outcomes = await followSources({
    content,
    topic: { ...topic, follow: topic.follow! },
    state: await readFollowState(content),
    since: SINCE,
    onDone: (outcome) => console.log(formatSourceOutcome(outcome).join('\n')),
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n${formatFollowTotals(outcomes)} ${seconds.toFixed(2)} s.`);
  return { outcomes, seconds, traffic };
}

try {
  console.log(`# bench:follow: ${names.length} real feeds served on ${origin}; items count from ${SINCE}`);
  const first = await poll('First poll');
  const second = await poll('Second poll (nothing changed)');

  const rows = names.map((name, index) => {
    const one = first.outcomes[index]!;
    const two = second.outcomes[index]!;
    const served = second.traffic.get(`/${name}`);
    return {
      feed: name,
      first:
        one.status === 'read'
          ? {
              items: one.candidates.length + one.dropped.length + one.unchanged + one.older + one.skipped.length,
              candidates: one.candidates.length,
              dropped: one.dropped.length,
              unreadable: one.skipped.length,
              bytes: one.receivedBytes,
            }
          : { failed: one.status === 'failed' ? one.message : one.status },
      second: {
        status: two.status,
        requests: two.status === 'failed' ? served?.requests : two.requests,
        bytes: two.status === 'failed' ? undefined : two.receivedBytes,
        bodyBytesServed: served?.bodyBytes ?? 0,
      },
    };
  });

  console.log('\n## Per source\n');
  console.log(
    'feed                               items  new  dropped  unreadable | 2nd poll: answer        requests  bytes',
  );
  for (const { feed, first: one, second: two } of rows) {
    const left =
      'failed' in one
        ? `failed: ${one.failed}`.padEnd(38)
        : `${String(one.items).padStart(5)}  ${String(one.candidates).padStart(3)}  ${String(one.dropped).padStart(7)}  ${String(one.unreadable).padStart(10)}`;
    console.log(
      `${feed.padEnd(34)} ${left} | ${two.status.padEnd(22)} ${String(two.requests ?? '-').padStart(8)}  ${String(two.bytes ?? '-').padStart(5)}`,
    );
  }
  const sum = (numbers: Array<number | undefined>) => numbers.reduce<number>((total, value) => total + (value ?? 0), 0);
  const firstRead = first.outcomes.filter((outcome) => outcome.status === 'read');
  const totals = {
    feeds: names.length,
    first: {
      seconds: Number(first.seconds.toFixed(3)),
      candidates: sum(firstRead.map((outcome) => outcome.candidates.length)),
      dropped: sum(firstRead.map((outcome) => outcome.dropped.length)),
      failed: first.outcomes.filter((outcome) => outcome.status === 'failed').length,
      receivedBytes: sum(firstRead.map((outcome) => outcome.receivedBytes)),
    },
    second: {
      seconds: Number(second.seconds.toFixed(3)),
      notModified: second.outcomes.filter((outcome) => outcome.status === 'not-modified').length,
      requests: sum(rows.map((row) => row.second.requests)),
      receivedBytes: sum(rows.map((row) => row.second.bytes)),
      bodyBytesServed: sum(rows.map((row) => row.second.bodyBytesServed)),
    },
  };
  console.log(
    `\nFirst poll: ${totals.first.candidates} candidates, ${totals.first.dropped} dropped by rule, ${totals.first.failed} feeds failed, ${totals.first.receivedBytes} bytes received, ${first.seconds.toFixed(2)} s.`,
  );
  console.log(
    `Second poll: ${totals.second.notModified} of ${names.length} feeds answered 304, ${totals.second.requests} requests, ${totals.second.receivedBytes} bytes received (${totals.second.bodyBytesServed} bytes of feed bodies served), ${second.seconds.toFixed(2)} s.`,
  );
  console.log(JSON.stringify({ bench: 'follow', ...totals, rows }));
} finally {
  server.closeAllConnections();
  server.close();
  if (values.keep) console.log(`\nThe digest is kept in ${content}`);
  else await rm(content, { recursive: true, force: true });
}
