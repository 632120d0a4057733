import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { buildSite, projectRoot } from '../support/buildSite.ts';
import { checkWithNu } from '../support/nuChecker.ts';
import { listHtmlFiles, readPage } from '../support/siteFiles.ts';
import type { CheerioAPI } from 'cheerio';
import { makeTempFolder } from '../support/tempFolders.ts';

const site = inject('defaultSite');
const CENTRE = '/articles/huawei-opens-a-new-eu-cybersecurity-transparency-centre/';
const BRUSSELS = '/articles/huawei-combating-eu-security-concerns-with-investments-in-brussels/';

async function validator(schemaPath: string) {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false });
  addFormats.default(ajv);
  return ajv.compile(JSON.parse(await readFile(schemaPath, 'utf8')));
}

describe('the default digest’s timeline', () => {
  it('tells the story from 2017 to March 2019, each entry dated at its precision and traced to its article', async () => {
    const $ = await readPage(site, 'timeline/index.html');
    const entries = $('.timeline-entry')
      .map((_, li) => ({
        date: $(li).find('.timeline-date time').text(),
        datetime: $(li).find('time').attr('datetime'),
        text: $(li).find('.timeline-text').text().trim(),
        links: $(li)
          .find('.timeline-source a, .timeline-text a')
          .map((__, a) => $(a).attr('href'))
          .get(),
      }))
      .get();
    expect(entries.map((entry) => entry.date)).toEqual([
      '2017',
      '2018',
      '2018',
      'summer 2018',
      'November 2018',
      'December 2018',
      'December 2018',
      '3 December 2018',
      'January 2019',
      'February 2019',
      '5 March 2019',
      '6 March 2019',
    ]);
    const byText = (words: string) => entries.find((entry) => entry.text.includes(words))!;
    expect(byText('Australia changed')).toMatchObject({ date: 'summer 2018', links: [BRUSSELS] });
    expect(byText('Ken Hu')).toMatchObject({ date: '5 March 2019', datetime: '2019-03-05', links: [CENTRE] });
    expect(byText('criminal charges')).toMatchObject({ date: 'January 2019', links: [CENTRE] });
    expect(byText('Department of Justice').date).toBe('November 2018');
    expect($('.timeline-approximate').length).toBe(3);
    expect(
      $('.timeline-month > h3')
        .map((_, h) => $(h).text())
        .get(),
    ).toContain('Summer 2018');
  });

  it('switches between oldest and newest first, and has a page per year holding every anchor', async () => {
    const oldest = await readPage(site, 'timeline/index.html');
    const newest = await readPage(site, 'timeline/newest/index.html');
    const ids = (page: typeof oldest) =>
      page('.timeline-entry')
        .map((_, li) => page(li).attr('id')!)
        .get();
    expect(ids(newest)).toEqual([...ids(oldest)].reverse());
    expect(oldest('.timeline-nav a').first().attr('href')).toBe('/timeline/newest/');
    const yearPages = (await listHtmlFiles(site)).filter((file) => /^timeline\/\d{4}\/index\.html$/.test(file));
    expect(yearPages).toEqual(['timeline/2017/index.html', 'timeline/2018/index.html', 'timeline/2019/index.html']);
    const onYearPages = (await Promise.all(yearPages.map(async (file) => ids(await readPage(site, file))))).flat();
    expect(onYearPages.sort()).toEqual([...ids(oldest)].sort());
  });

  it('links each article’s events to their anchors on the year pages', async () => {
    const $ = await readPage(site, CENTRE.slice(1));
    const hrefs = $('#events-heading + ol a')
      .map((_, a) => $(a).attr('href')!)
      .get();
    expect(hrefs).toContain(
      '/timeline/2019/#event-2019-03-05-huawei-opened-a-cybersecurity-transparency-centre-in-brussels',
    );
  });

  it('gives every tag its own timeline', async () => {
    const $ = await readPage(site, 'tags/brussels/timeline/index.html');
    expect($('h1').text()).toBe('Timeline: brussels');
    expect($('.timeline-entry').length).toBeGreaterThan(5);
  });

  it('exports TimelineJS3 JSON and plain events JSON that validate against their schemas', async () => {
    const timelineJs = JSON.parse(await readFile(join(site, 'timeline.json'), 'utf8'));
    const validTimelineJs = await validator(join(projectRoot, 'tests/fixtures/schemas/timelinejs3.schema.json'));
    expect(validTimelineJs(timelineJs), JSON.stringify(validTimelineJs.errors)).toBe(true);
    const hu = timelineJs.events.find((event: { unique_id: string }) => event.unique_id.startsWith('event-2019-03-05'));
    expect(hu.start_date).toEqual({ year: '2019', month: '3', day: '5', display_date: '5 March 2019' });
    expect(hu.text.text).toContain(`href="https://dossier.example.org${CENTRE}"`);

    const events = JSON.parse(await readFile(join(site, 'events.json'), 'utf8'));
    const validEvents = await validator(join(projectRoot, 'public/schemas/events.schema.json'));
    expect(validEvents(events), JSON.stringify(validEvents.errors)).toBe(true);
    expect(events.events.find((event: { date: string }) => event.date === '2018-summer')).toMatchObject({
      precision: 'season',
      displayDate: 'summer 2018',
    });
  });
});

/** The overview's marks: each bar's link with its name and position, and each row of its table. */
function overviewOf($: CheerioAPI) {
  const overview = $('section.overview');
  return {
    summary: overview.find('#overview-summary').text(),
    bars: overview
      .find('svg.overview-chart a')
      .map((_, a) => ({
        href: $(a).attr('href')!,
        name: $(a).attr('aria-label')!,
        x: Number($(a).find('.overview-target').attr('x')),
        hatched: $(a).find('.overview-vague').length > 0,
      }))
      .get(),
    rows: overview
      .find('tbody tr')
      .map((_, tr) => ({
        href: $(tr).find('a').attr('href')!,
        cells: $(tr)
          .children()
          .map((__, cell) => $(cell).text())
          .get(),
      }))
      .get(),
  };
}

/** Whether a link such as `/timeline/2019/#event-…` (under `base`) lands on an element of that id in the built site. */
async function resolves(siteDir: string, href: string, base = '/'): Promise<boolean> {
  const [path, id] = href.slice(base.length).split('#') as [string, string];
  const $ = await readPage(siteDir, path);
  return $(`[id="${decodeURIComponent(id)}"]`).length === 1;
}

describe('the timeline at a glance', () => {
  const PAGES = ['', 'timeline/', 'timeline/newest/'];

  it.each(PAGES)('sits on /%s, each bar a link to an entry that exists', async (path) => {
    const { bars, rows } = overviewOf(await readPage(site, path));
    expect(bars.length).toBeGreaterThan(3);
    expect(rows.map((row) => row.href)).toEqual(bars.map((bar) => bar.href));
    for (const { href } of bars) expect(await resolves(site, href), href).toBe(true);
  });

  it('says in words and in its table what the bars show, counting every entry of the timeline', async () => {
    const { summary, bars, rows } = overviewOf(await readPage(site, ''));
    expect(summary).toBe('From 2017 to March 2019: 10 events and 2 articles; the busiest month was December 2018.');
    expect(bars.map((bar) => bar.name)).toEqual([
      '2017: 1 event, 0 articles',
      '2018: 2 events, 0 articles',
      'summer 2018: 1 event, 0 articles',
      'November 2018: 1 event, 0 articles',
      'December 2018: 2 events, 1 article',
      'January 2019: 1 event, 0 articles',
      'February 2019: 1 event, 0 articles',
      'March 2019: 1 event, 1 article',
    ]);
    // Entries known only to a year or a season are not a month's: their bars are hatched.
    expect(bars.map((bar) => bar.hatched)).toEqual([true, true, true, false, false, false, false, false]);
    expect(rows.map((row) => row.cells)[4]).toEqual(['December 2018', '2', '1']);
    const counted = rows.reduce((sum, row) => sum + Number(row.cells[1]) + Number(row.cells[2]), 0);
    expect(counted).toBe((await readPage(site, 'timeline/'))('.timeline-entry').length);
    expect(bars.map((bar) => bar.x)).toEqual([...bars.map((bar) => bar.x)].sort((a, b) => a - b));
  });

  it('is left off the pages of a single year', async () => {
    expect((await readPage(site, 'timeline/2019/'))('section.overview')).toHaveLength(0);
  });

  describe('in an Arabic digest', () => {
    let built: string;
    beforeAll(async () => {
      const build = await buildSite({ content: join(projectRoot, 'tests/fixtures/sites/arabic') });
      expect(build.exitCode, build.output).toBe(0);
      built = build.outDir;
    });

    it('runs right to left, the oldest bar on the right, its links resolving under the sub-path', async () => {
      const { bars } = overviewOf(await readPage(built, ''));
      expect(bars.length).toBeGreaterThan(1);
      expect(bars.map((bar) => bar.x)).toEqual([...bars.map((bar) => bar.x)].sort((a, b) => b - a));
      for (const { href } of bars) expect(await resolves(built, href, '/ar/'), href).toBe(true);
    });

    it('passes the W3C Nu Html Checker on every page', async () => {
      expect((await checkWithNu(built)).problems).toEqual([]);
    });
  });
});

describe('a timeline spanning many years', () => {
  let built: string;
  beforeAll(async () => {
    const content = join(await makeTempFolder('years'), 'content');
    await mkdir(join(content, 'articles'), { recursive: true });
    await writeFile(
      join(content, 'topic.md'),
      '---\ntitle: Decades\ndescription: Many years.\nlanguage: en-GB\nsite: https://years.example.org/\n---\n\nAbout.\n',
    );
    for (let year = 1990; year < 2020; year++) {
      const happenings = [
        'Parliament votes on spectrum',
        'Regulator fines operator',
        'Minister visits factory',
        'Court hears appeal',
        'Union calls strike',
        'Auditors publish findings',
        'Ministry signs contract',
        'Senate opens inquiry',
        'Operator recalls routers',
        'Startup raises capital',
        'Agency warns households',
        'Mayor approves masts',
        'Exporters lobby ministers',
        'Judges reject petition',
        'Engineers test antennas',
      ];
      const events = happenings
        .map(
          (text, index) =>
            `  - date: ${year}-${String((index % 12) + 1).padStart(2, '0')}\n    text: ${text} in ${year}.`,
        )
        .join('\n');
      await writeFile(
        join(content, 'articles', `${year}-06-01-report-${year}.md`),
        `---\ntitle: Report of ${year}\ndate: ${year}-06-01\nsource: {name: Annual}\nevents:\n${events}\n---\n\nThe year ${year} in review.\n`,
      );
    }
    const build = await buildSite({ content });
    expect(build.exitCode, build.output).toBe(0);
    built = build.outDir;
  });

  it('becomes a year index with one page per year', async () => {
    const $ = await readPage(built, 'timeline/index.html');
    expect($('.timeline-index li')).toHaveLength(30);
    expect($('.timeline-entry')).toHaveLength(0);
    const year = await readPage(built, 'timeline/2005/index.html');
    expect(year('.timeline-entry')).toHaveLength(16);
    expect(year('h1').text()).toBe('Timeline, 2005');
  });

  it('is drawn at a glance year by year, each bar a link to its year’s first entry', async () => {
    const { summary, bars } = overviewOf(await readPage(built, 'timeline/index.html'));
    expect(summary).toBe('From 1990 to 2019: 450 events and 30 articles; the busiest year was 1990.');
    expect(bars).toHaveLength(30);
    expect(bars[15]).toMatchObject({ name: '2005: 15 events, 1 article' });
    for (const { href } of bars) expect(await resolves(built, href), href).toBe(true);
  });

  it('passes the W3C Nu Html Checker on every page', async () => {
    expect((await checkWithNu(built)).problems).toEqual([]);
  });
});
