/**
 * A synthetic digest in the project's schema: N articles whose titles, dates, sources, tags,
 * events and bodies vary the way a real digest's do. Article i depends only on the seed and i,
 * so a 1,000-article corpus is the start of the 10,000-article one and "one more article" is
 * simply article N.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { itemSeed, seededRandom, zipfSampler, type Random } from './random.ts';
import { buildVocabulary, capitalize } from './vocabulary.ts';

const FIRST_NAMES =
  'Anna Ben Chloe Daniel Elena Farid Grace Hugo Ines Jonas Katrin Liam Maria Nadia Omar Paula Quentin Rosa Samir Tara Ulrich Vera Wei Xavier Yusuf Zoe Aoife Bruno Carmen Dmitri'.split(
    ' ',
  );
const LAST_NAMES =
  'Keller Novak Murphy Rossi Dubois Jansen Kowalski Silva Berg Schmidt Lindqvist Moreau Costa Byrne Petrov Haddad Tanaka Okafor Larsen Fischer Garcia Walsh Nagy Horvat Meyer Laurent Conti Brennan Vogel Ionescu Sato Kim Nowak Andersen Ferreira Weber Quinn Marchetti Popescu Hayes'.split(
    ' ',
  );
const PLACES =
  'Brussels Berlin Paris Dublin Madrid Rome Warsaw Vienna Prague Lisbon Athens Helsinki Stockholm Copenhagen Amsterdam Luxembourg Budapest Bucharest Sofia Zagreb Tallinn Riga Vilnius Geneva London Washington Beijing Shenzhen Tokyo Seoul Delhi Ottawa Canberra Brasilia Nairobi Lagos Cairo Oslo Bern Valletta'.split(
    ' ',
  );
const SOURCE_NAMES = [
  'Silicon Republic',
  'Android Headlines',
  'Brussels Wire',
  'The Signal Ledger',
  'Euro Tech Daily',
  'Network World Report',
  'Capital Dispatch',
  'The Policy Desk',
  'Telecom Courier',
  'Continental Review',
  'Digital Affairs',
  'The Spectrum Post',
  'Atlantic Tech Monitor',
  'Harbour Times',
  'The Morning Circuit',
  'Global Carrier News',
  'Data Frontier',
  'Civic Tech Journal',
  'The Standards Gazette',
  'Northern Observer',
  'Market Pulse',
  'The Security Brief',
  'Open Line Magazine',
  'Parliament Watch',
];
const TITLE_VERBS =
  'opens wins loses faces rejects backs delays expands tests plans warns questions defends launches signs drops extends blocks approves'.split(
    ' ',
  );
const REPORTING_VERBS = ['said', 'told reporters', 'wrote', 'argued', 'added', 'warned'];

/** One article file: where it goes and what it says. */
export interface SyntheticArticle {
  fileName: string;
  text: string;
  words: number;
}

/** What all articles of a corpus draw from, built once per seed. */
export interface CorpusPool {
  seed: number;
  vocabulary: string[];
  wordRank: (random: Random) => number;
  tags: string[];
  tagRank: (random: Random) => number;
  sourceRank: (random: Random) => number;
  organizations: string[];
  /** The alias of each organisation that is an entity of the topic. */
  aliases: Map<string, string>;
}

const FUNCTION_WORD_COUNT = 150;
const TAG_COUNT = 240;
const FIRST_DAY = Date.UTC(2017, 0, 1);
const DAY_COUNT = 8 * 365;

export function createCorpusPool(seed: number): CorpusPool {
  const vocabulary = buildVocabulary(seed);
  const random = seededRandom(seed ^ 0x7a9);
  const contentWord = () => vocabulary[random.int(FUNCTION_WORD_COUNT, FUNCTION_WORD_COUNT + 1500)]!;
  const tags = new Set<string>([
    'Huawei',
    '5G',
    'cybersecurity',
    'European Union',
    'United States',
    'Brussels',
    'privacy',
    'trade',
  ]);
  while (tags.size < TAG_COUNT)
    tags.add(random.chance(0.4) ? `${capitalize(contentWord())} ${contentWord()}` : contentWord());
  // Distinct names: the first of them are the topic's entities, whose names must not clash.
  const organizations = [
    ...new Set(
      Array.from(
        { length: 80 },
        () =>
          `${capitalize(contentWord())} ${random.pick(['Telecom', 'Group', 'Networks', 'Systems', 'Council', 'Authority', 'Institute', 'Holdings'])}`,
      ),
    ),
  ];
  return {
    seed,
    vocabulary,
    wordRank: zipfSampler(vocabulary.length, 1.05),
    tags: [...tags],
    tagRank: zipfSampler(TAG_COUNT, 0.9),
    sourceRank: zipfSampler(SOURCE_NAMES.length, 0.7),
    organizations,
    aliases: organizationAliases(organizations),
  };
}

function word(pool: CorpusPool, random: Random): string {
  return pool.vocabulary[pool.wordRank(random)]!;
}

/** Real text rarely repeats a word back to back ("the the"); Zipf sampling would, often. */
function differentWord(pool: CorpusPool, random: Random, previous: string | undefined): string {
  const first = word(pool, random);
  return first === previous ? contentWord(pool, random) : first;
}

function contentWord(pool: CorpusPool, random: Random): string {
  let rank = 0;
  while (rank < FUNCTION_WORD_COUNT) rank = pool.wordRank(random);
  return pool.vocabulary[rank]!;
}

function person(random: Random): string {
  return `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`;
}

/**
 * The aliases of the organisations that are entities of the topic: their initials and a word
 * ("Valdor Networks" → "VN Group"; "VN2 Group" for a second "VN"), found in text as often as names.
 */
function organizationAliases(organizations: readonly string[]): Map<string, string> {
  const aliases = new Map<string, string>();
  const taken = new Set<string>();
  for (const name of organizations.slice(0, ENTITY_ORGANIZATIONS)) {
    const initials = name
      .split(' ')
      .map((part) => part[0]!.toUpperCase())
      .join('');
    let alias = `${initials} Group`;
    for (let suffix = 2; taken.has(alias); suffix++) alias = `${initials}${suffix} Group`;
    taken.add(alias);
    aliases.set(name, alias);
  }
  return aliases;
}

/** How many organisations, places and people of the pool the synthetic topic names as entities: 50 in all. */
const ENTITY_ORGANIZATIONS = 30;
const ENTITY_PLACES = 12;
const ENTITY_PEOPLE = 8;

function sentence(pool: CorpusPool, random: Random, length = random.int(8, 26)): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) {
    const roll = random.next();
    if (roll < 0.03) words.push(random.pick(PLACES));
    else if (roll < 0.05) {
      const organization = random.pick(pool.organizations);
      // Every other mention of an entity by its alias, chosen without drawing from `random`, so the rest of the corpus stays as it was.
      const alias = pool.aliases.get(organization);
      words.push(alias && i % 2 === 1 ? alias : organization);
    } else words.push(differentWord(pool, random, words.at(-1)));
    if (i > 2 && i < length - 2 && random.chance(0.06)) words[words.length - 1] += ',';
  }
  words[0] = capitalize(words[0]!);
  return `${words.join(' ')}.`;
}

function slugOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function sourceDomain(sourceName: string): string {
  return `www.${slugOf(sourceName).replace(/-/g, '')}.example`;
}

function link(pool: CorpusPool, random: Random, sourceName: string): string {
  const anchor = Array.from({ length: random.int(2, 5) }, () => contentWord(pool, random)).join(' ');
  return `[${anchor}](https://${sourceDomain(sourceName)}/${random.int(2017, 2025)}/${slugOf(anchor)}/)`;
}

function paragraph(pool: CorpusPool, random: Random, sourceName: string): string {
  const sentences = Array.from({ length: random.int(2, 6) }, () => sentence(pool, random));
  if (random.chance(0.35)) {
    const at = random.int(0, sentences.length - 1);
    sentences[at] = sentences[at]!.replace(/ (\S+)\.$/, ` ${link(pool, random, sourceName)}.`);
  }
  if (random.chance(0.25)) {
    sentences.push(
      `“${sentence(pool, random, random.int(6, 16)).slice(0, -1)},” ${person(random)} ${random.pick(REPORTING_VERBS)}.`,
    );
  }
  if (random.chance(0.1)) sentences[0] = sentences[0]!.replace(/ (\S+) /, ' **$1** ');
  return sentences.join(' ');
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** A body of 400–1,200 words: a lede, then sections with headings, links, quotes and lists. */
function body(pool: CorpusPool, random: Random, sourceName: string): { markdown: string; words: number } {
  const target = random.int(400, 1200);
  const blocks = [paragraph(pool, random, sourceName)];
  let words = countWords(blocks[0]!);
  let sinceHeading = 1;
  while (words < target) {
    let block: string;
    if (sinceHeading >= 3 && random.chance(0.4)) {
      block = `## ${capitalize(Array.from({ length: random.int(2, 6) }, () => contentWord(pool, random)).join(' '))}`;
      sinceHeading = 0;
    } else if (random.chance(0.07)) {
      block = `> ${sentence(pool, random, random.int(12, 30))} ${sentence(pool, random)}`;
    } else if (random.chance(0.05)) {
      block = Array.from({ length: random.int(3, 5) }, () => `- ${sentence(pool, random, random.int(4, 10))}`).join(
        '\n',
      );
    } else {
      block = paragraph(pool, random, sourceName);
      sinceHeading++;
    }
    blocks.push(block);
    words += countWords(block);
  }
  return { markdown: `${blocks.join('\n\n')}\n`, words };
}

function isoDay(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

function title(pool: CorpusPool, random: Random): string {
  const subject = random.chance(0.5) ? random.pick(pool.organizations) : capitalize(contentWord(pool, random));
  const object = Array.from({ length: random.int(2, 4) }, () => contentWord(pool, random)).join(' ');
  const tail = random.chance(0.5)
    ? ` in ${random.pick(PLACES)}`
    : random.chance(0.5)
      ? ` after ${contentWord(pool, random)} ${contentWord(pool, random)}`
      : '';
  return `${subject} ${random.pick(TITLE_VERBS)} ${object}${tail}`;
}

function eventDate(articleTime: number, random: Random): string {
  const day = isoDay(articleTime - random.int(0, 400) * 86_400_000);
  const precision = random.next();
  return precision < 0.15 ? day.slice(0, 4) : precision < 0.45 ? day.slice(0, 7) : day;
}

function tagsFor(pool: CorpusPool, random: Random): string[] {
  const tags = new Set<string>();
  const count = random.int(2, 6);
  while (tags.size < count) tags.add(pool.tags[pool.tagRank(random)]!);
  return [...tags];
}

const yamlString = (text: string) => JSON.stringify(text);

/** Article `index` of the corpus: valid against the article schema, as an editor would write it. */
/**
 * Where articles' photos are: an outlet's address (the default; a bench cannot fetch it, so the
 * build leaves the photo out), a server of the bench's (`photoServer.ts`), or nowhere (`none`:
 * the photo's caption and credit without an address). Only the address changes, not the rest of
 * the article.
 */
export type PhotoOrigin = 'outlet' | 'none' | { origin: string };

export function syntheticArticle(pool: CorpusPool, index: number, photos: PhotoOrigin = 'outlet'): SyntheticArticle {
  const random = seededRandom(itemSeed(pool.seed, index));
  const headline = title(pool, random);
  const time = FIRST_DAY + random.int(0, DAY_COUNT - 1) * 86_400_000;
  const day = isoDay(time);
  const sourceName = SOURCE_NAMES[pool.sourceRank(random)]!;
  const text = body(pool, random, sourceName);
  const lines = ['---', `title: ${yamlString(headline)}`];
  lines.push(
    random.chance(0.1)
      ? `date: ${day}T${String(random.int(6, 22)).padStart(2, '0')}:${String(random.int(0, 59)).padStart(2, '0')}:00+01:00`
      : `date: ${day}`,
  );
  if (random.chance(0.05)) lines.push(`updated: ${isoDay(time + random.int(1, 30) * 86_400_000)}`);
  lines.push('source:', `  name: ${yamlString(sourceName)}`, `  url: https://${sourceDomain(sourceName)}/`);
  const authors = Array.from({ length: random.int(0, 2) }, () => person(random));
  if (authors.length > 0) lines.push(`authors: [${authors.map(yamlString).join(', ')}]`);
  if (random.chance(0.4)) lines.push(`summary: ${yamlString(sentence(pool, random, random.int(18, 40)))}`);
  lines.push(`tags: [${tagsFor(pool, random).map(yamlString).join(', ')}]`);
  if (random.chance(0.3)) {
    lines.push('image:');
    const host = `images.${sourceDomain(sourceName).slice(4)}`;
    if (random.chance(0.8) && photos !== 'none')
      lines.push(`  src: ${photos === 'outlet' ? `https://${host}` : `${photos.origin}/${host}`}/${day}/${index}.jpg`);
    lines.push(`  alt: ${yamlString(sentence(pool, random, random.int(5, 12)))}`);
    if (random.chance(0.7))
      lines.push(
        `  credit: ${yamlString(`${person(random)}/${random.pick(['Reuters', 'AFP', 'Depositphotos', 'Unsplash'])}`)}`,
      );
  }
  const slug = `${slugOf(headline)}-${index.toString(36)}`;
  if (random.chance(0.85)) lines.push(`canonical: https://${sourceDomain(sourceName)}/news/${slug}/`);
  const eventCount = random.chance(0.5) ? random.int(1, 3) : 0;
  if (eventCount > 0) {
    lines.push('events:');
    for (let i = 0; i < eventCount; i++)
      lines.push(
        `  - date: "${eventDate(time, random)}"`,
        `    text: ${yamlString(sentence(pool, random, random.int(8, 20)))}`,
      );
  }
  lines.push('---', '', text.markdown);
  return { fileName: `${day}-${slug}.md`, text: lines.join('\n'), words: text.words };
}

/**
 * The synthetic digest's topic file, with 50 entities: organisations of the pool (with an alias),
 * places and people that the articles name.
 */
export function syntheticTopic(pool: CorpusPool): string {
  const entity = (name: string, kind: string, aliases: string[]) =>
    [
      `  - name: ${yamlString(name)}`,
      `    kind: ${kind}`,
      `    aliases: [${aliases.map(yamlString).join(', ')}]`,
      `    description: ${yamlString(`${name}, as the synthetic articles name it.`)}`,
    ].join('\n');
  const entities = [
    ...[...pool.aliases].map(([name, alias]) => entity(name, 'organisation', [alias])),
    ...PLACES.slice(0, ENTITY_PLACES).map((name) => entity(name, 'place', [])),
    ...FIRST_NAMES.slice(0, ENTITY_PEOPLE).map((first, index) => {
      const last = LAST_NAMES[index]!;
      return entity(`${first} ${last}`, 'person', [`${first[0]}. ${last}`]);
    }),
  ];
  return `---
title: Synthetic digest
description: A generated digest for measuring build time, memory and output size at scale.
language: en
site: https://bench.dossier.example/
latestCount: 10
entities:
${entities.join('\n')}
---

A digest generated by \`npm run bench\`. Its articles are invented text in the shape of real news.
`;
}

/** Writes `topic.md` and articles `from`…`to - 1` into `directory/articles/`; returns their word count. */
export async function writeCorpus(
  directory: string,
  pool: CorpusPool,
  from: number,
  to: number,
  photos: PhotoOrigin = 'outlet',
): Promise<number> {
  const articles = join(directory, 'articles');
  await mkdir(articles, { recursive: true });
  await writeFile(join(directory, 'topic.md'), syntheticTopic(pool));
  let words = 0;
  for (let index = from; index < to; index++) {
    const article = syntheticArticle(pool, index, photos);
    await writeFile(join(articles, article.fileName), article.text);
    words += article.words;
  }
  return words;
}
