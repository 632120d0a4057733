import { describe, expect, it } from 'vitest';
import {
  createStoryIndex,
  findSameReports,
  type GroupedArticle,
  type ReportText,
  type StoryOverride,
} from '../../../src/stories/sameReport.ts';
import { reportShingles } from '../../../src/stories/reportShingles.ts';
import { createShingleCounts } from '../../../src/stories/shingleCounts.ts';
import { syntheticDigest } from '../../../scripts/storyScores.ts';

/** An agency report of a made-up event, one paragraph a line. */
const REPORT = [
  'Engineers found cracks in the spillway of the Orrin dam during a routine inspection on Monday, and the regional water board lowered the reservoir by two metres as a precaution, its director Lena Moss said.',
  'The cracks, up to four centimetres wide, run along the left side of the concrete channel that carries flood water past the dam. Divers will examine the foundations later this week.',
  '"There is no danger to the villages below the dam, but we will not take any chances with the spring floods coming," Moss told reporters at the board\'s offices in Kellbridge.',
  'The dam, built in 1961, supplies drinking water to about 180,000 people. The board said supplies would not be affected because the reservoir is fuller than usual after a wet winter.',
  'A report on the repairs and their cost is expected by the end of the month. The last major works on the dam, in 2009, took two years and cost 14 million pounds.',
];
/** Another outlet's own report of the same event: the same names, dates and figures, its own words. */
const OTHER_REPORT = [
  'Residents of Lower Orrin watched on Monday as water poured through the sluices of the dam above their village, after the water board decided to draw the reservoir down by two metres.',
  'Lena Moss, who directs the board, said inspectors had spotted cracks in the spillway and that the lowering was only a precaution ahead of the spring floods. Divers are due later this week.',
  'Some villagers were not reassured. Farmer Tom Hale, whose fields lie below the dam, said he had asked the board for years to publish its inspection reports. "We only hear about cracks when they are already there," he said.',
  'The dam was built in 1961 and last repaired in 2009.',
];
const ABOUT =
  "About Orrin Water: Orrin Water is the public water board for the Orrin valley and the city of Kellbridge. It runs three reservoirs, two treatment plants and 2,400 kilometres of mains, and supplies about 180,000 people. Press office: see the board's website for contacts.";
const RELEASE_TARIFF = [
  'Orrin Water today announced that household water charges will rise by 3.2 per cent from April, below the rate of inflation, after the regulator approved its spending plan for the next five years.',
  'The board will invest 96 million pounds in replacing old mains, cutting leakage by a fifth by 2030.',
];
const RELEASE_APPOINTMENT = [
  'Orrin Water today announced the appointment of Sam Patel as finance director. Patel joins from the Kellbridge city council, where he was treasurer for six years.',
  'He succeeds Ruth Avery, who retires in June after twenty years with the board.',
];
const SIGN_OFF =
  'Reporting by Ada Quinn; editing by Bo Lind. Valley Press Agency supplies news to newspapers, radio stations and websites across the region and has done so since 1948.';
const BOX =
  "Sign up for our morning newsletter: the valley's news, weather and sport in your inbox every day at seven. You can unsubscribe at any time with one click from any issue.";

const DAY = 86_400_000;
const article = (id: string, paragraphs: readonly string[], day = 0): ReportText => ({
  id,
  published: Date.UTC(2024, 2, 4) + day * DAY,
  text: paragraphs.join('\n\n'),
});
const ids = (groups: GroupedArticle[][]) => groups.map((group) => group.map(({ id }) => id));
const grouped = (...articles: ReportText[]) => ids(findSameReports(articles));

describe('the same report', () => {
  it('groups syndicated copy under another headline with a dateline', () => {
    const copy = article('gazette', [`KELLBRIDGE, March 4 (VPA) - ${REPORT[0]}`, ...REPORT.slice(1), SIGN_OFF]);
    expect(grouped(article('wire', [...REPORT, SIGN_OFF]), copy)).toEqual([['gazette', 'wire']]);
  });

  it('groups a copy with paragraphs trimmed, down to its lead', () => {
    expect(grouped(article('wire', REPORT), article('courier', REPORT.slice(0, 3), 1))).toEqual([['wire', 'courier']]);
    expect(grouped(article('wire', REPORT), article('brief', REPORT.slice(0, 2)))).toEqual([['brief', 'wire']]);
  });

  it('groups a copy with paragraphs reordered and an intro added', () => {
    const intro = 'Our partner agency reports from the valley, where the water board acted quickly this week.';
    const reordered = article('portal', [intro, REPORT[1]!, REPORT[0]!, REPORT[3]!, REPORT[2]!, REPORT[4]!], 1);
    expect(grouped(article('wire', REPORT), reordered)).toEqual([['wire', 'portal']]);
  });

  it('groups a rewrite of a press release that keeps most of its sentences', () => {
    const release = article('release', [...RELEASE_TARIFF, ...REPORT.slice(3), ABOUT]);
    const rewrite = article('site', [
      'Bills are going up in the valley, but by less than prices.',
      'Orrin Water says household water charges will rise by 3.2 per cent from April, below the rate of inflation, after the regulator approved its spending plan for the next five years.',
      RELEASE_TARIFF[1]!,
      REPORT[3]!,
      REPORT[4]!,
    ]);
    expect(grouped(release, rewrite)).toEqual([['release', 'site']]);
  });

  it('keeps apart different reports of one event, with the same names, dates and figures', () => {
    expect(grouped(article('wire', REPORT), article('local', OTHER_REPORT))).toEqual([]);
  });

  it('keeps apart two short briefs of one event', () => {
    const first = article('radio', [
      'The Orrin dam reservoir is being lowered by two metres after inspectors found cracks in its spillway, the water board said on Monday.',
    ]);
    const second = article('post', [
      'Cracks in the spillway of the Orrin dam have led the water board to draw the reservoir down by two metres as a precaution.',
    ]);
    expect(grouped(first, second, article('wire', REPORT))).toEqual([]);
  });

  it('keeps apart articles that share only boilerplate: an About paragraph, a sign-off, a newsletter box', () => {
    expect(
      grouped(article('tariff', [...RELEASE_TARIFF, ABOUT]), article('finance', [...RELEASE_APPOINTMENT, ABOUT])),
    ).toEqual([]);
    expect(grouped(article('dam', [...REPORT, SIGN_OFF]), article('other', [...OTHER_REPORT, SIGN_OFF]))).toEqual([]);
    expect(
      grouped(article('tariff', [...RELEASE_TARIFF, BOX]), article('finance', [...RELEASE_APPOINTMENT, BOX])),
    ).toEqual([]);
  });

  it('down-weights boilerplate that runs under many articles, even where it is most of a text', () => {
    const briefs = OTHER_REPORT.map((paragraph, index) => article(`brief-${index}`, [paragraph, BOX]));
    const others = syntheticDigest(30, 7).map((text) => ({ ...text, text: `${text.text}\n\n${BOX}` }));
    const groupedIds = grouped(...briefs, ...others).flat();
    expect(groupedIds.filter((id) => id.startsWith('brief'))).toEqual([]);
    // The limit: under only two articles the box is not known as boilerplate, and two one-line briefs that are
    // mostly box are taken for one report.
    expect(grouped(briefs[2]!, briefs[3]!)).toEqual([['brief-2', 'brief-3']]);
  });

  it('reads scripts without spaces by characters, and right-to-left text by words', () => {
    const chinese = [
      '海川港务集团18日宣布，第三集装箱码头的自动化改造工程已全部完工，12台远程操控岸桥正式投入使用。',
      '改造工程历时两年半，总投资约27亿元。岸桥司机今后将在距码头两公里的控制中心通过屏幕操作。',
      '集团表示，原有的280名岸桥司机均已接受培训并转岗，没有人因此失业。',
    ];
    const chineseOther = [
      '清晨六点，海川港第三集装箱码头的岸桥上已经看不到司机的身影。',
      '王海涛坐在两公里外的控制中心里，面前是六块屏幕。他在码头干了十九年，去年才开始学习远程操作。',
    ];
    const arabic = [
      'افتتحت هيئة المياه في مدينة الواحة الزرقاء يوم الأحد محطة جديدة لتحلية مياه البحر بطاقة إنتاجية تبلغ 120 ألف متر مكعب يوميا.',
      'وقال رئيس الهيئة إن المحطة ستوفر مياه الشرب لنحو 400 ألف نسمة، وستنهي الانقطاعات المتكررة في الأحياء الشرقية.',
    ];
    expect(
      grouped(
        article('zh-wire', chinese),
        article('zh-copy', [`本报讯 ${chinese[0]}`, chinese[1]!], 1),
        article('zh-other', chineseOther, 1),
        article('ar-wire', arabic),
        article('ar-copy', [`الواحة الزرقاء – ${arabic[0]}`, arabic[1]!], 1),
      ),
    ).toEqual([
      ['ar-wire', 'ar-copy'],
      ['zh-wire', 'zh-copy'],
    ]);
  });

  it('folds case and accents, and never groups an empty text', () => {
    const shouted = REPORT.map((paragraph) => paragraph.toUpperCase());
    expect(grouped(article('wire', REPORT), article('shouted', shouted))).toEqual([['shouted', 'wire']]);
    expect(reportShingles('Zürich talks resume in Geneva today')).toEqual(
      reportShingles('ZURICH talks resume in GENEVA today'),
    );
    expect(grouped(article('empty', ['']), article('blank', ['  ']))).toEqual([]);
  });
});

describe('groups', () => {
  const copies = [
    article('b-copy', [`KELLBRIDGE (VPA) - ${REPORT.join(' ')}`], 1),
    article('a-copy', REPORT.slice(0, 4), 1),
    article('wire', REPORT, 1),
    article('early', REPORT.slice(0, 3), 0),
    article('local', OTHER_REPORT, 0),
  ];

  it('put the earliest report first, then order by id, whatever the order articles come in', () => {
    const expected = [['early', 'a-copy', 'b-copy', 'wire']];
    expect(ids(findSameReports(copies))).toEqual(expected);
    expect(ids(findSameReports([...copies].reverse()))).toEqual(expected);
  });

  it('follow the editor: join merges, split takes an article out or keeps two apart, a join outranks a split', () => {
    const withOverrides = (overrides: Record<string, StoryOverride>) =>
      ids(findSameReports(copies, new Map(Object.entries(overrides))));
    expect(withOverrides({ local: { join: ['wire'] } })).toEqual([['early', 'local', 'a-copy', 'b-copy', 'wire']]);
    expect(withOverrides({ 'a-copy': { split: true } })).toEqual([['early', 'b-copy', 'wire']]);
    expect(withOverrides({ 'a-copy': { split: true, join: ['b-copy'] } })).toEqual([
      ['early', 'a-copy', 'b-copy', 'wire'],
    ]);
    // Merged strongest pair first, the copies join 'early' before 'wire', which then stays alone.
    expect(withOverrides({ early: { split: ['wire'] } })).toEqual([['early', 'a-copy', 'b-copy']]);
    expect(withOverrides({ early: { split: ['wire'], join: ['wire'] } })).toEqual([
      ['early', 'a-copy', 'b-copy', 'wire'],
    ]);
    expect(withOverrides({ ghost: { join: ['wire'] }, wire: { join: ['ghost'] } })).toEqual([
      ['early', 'a-copy', 'b-copy', 'wire'],
    ]);
  });
});

describe('the incremental index', () => {
  it('gives the groups of a build from scratch after articles are added, replaced and removed', () => {
    const digest = syntheticDigest(400, 3);
    const index = createStoryIndex();
    for (const text of digest.slice(0, 300)) index.addArticle(text);
    for (const text of digest.slice(0, 100)) index.removeArticle(text.id);
    for (const text of digest.slice(300)) index.addArticle(text);
    const replaced = { ...digest[150]!, text: digest[360]!.text };
    index.addArticle(replaced);
    index.removeArticle('not-an-article');
    const final = [...digest.slice(100, 150), replaced, ...digest.slice(151)];
    expect(index.size).toBe(final.length);
    expect(index.groups()).toEqual(findSameReports(final));
    expect(index.groups().length).toBeGreaterThan(10);
    expect(
      index
        .groups()
        .flat()
        .map(({ id }) => id),
    ).toContain(replaced.id);
  });

  it('counts a text once per article and forgets what is removed', () => {
    const counts = createShingleCounts();
    const many = Uint32Array.from({ length: 200_000 }, (_, index) => index * 7919);
    counts.update(many, 1);
    counts.update(many.subarray(0, 10), 1);
    expect([counts.count(0), counts.count(7919 * 10), counts.count(3)]).toEqual([2, 1, 0]);
    counts.update(many, -1);
    expect([counts.count(0), counts.count(7919 * 10), counts.count(3)]).toEqual([1, 0, 0]);
  });
});
