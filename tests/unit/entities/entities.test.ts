import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../../src/content/contentCheck.ts';
import { ContentErrors } from '../../../src/content/contentErrors.ts';
import { parseTopic } from '../../../src/content/topic.ts';
import { indexEntities } from '../../../src/entities/entities.ts';

const TOPIC = ['title: T', 'description: D.', 'site: https://example.org/'];

function topicProblems(entities: string[]): string[] {
  try {
    parseTopic(`---\n${[...TOPIC, 'entities:', ...entities].join('\n')}\n---\n\nAbout.\n`, 'content/topic.md');
    return [];
  } catch (error) {
    if (error instanceof ContentErrors) return error.problems.map((problem) => problem.message);
    throw error;
  }
}

describe('the entities of the topic file', () => {
  it('take aliases, a kind, a description, a link and an image, with defaults', () => {
    const topic = parseTopic(
      `---\n${[...TOPIC, 'entities:', '  - name: Ken Hu', '    kind: person', '    image: { src: /ken.jpg, alt: Ken Hu speaking }', '  - name: Huawei', '    aliases: [Huawei Technologies]'].join('\n')}\n---\n`,
      'content/topic.md',
    );
    expect(topic.entities).toEqual([
      { name: 'Ken Hu', kind: 'person', aliases: [], image: { src: '/ken.jpg', alt: 'Ken Hu speaking' } },
      { name: 'Huawei', kind: 'other', aliases: ['Huawei Technologies'] },
    ]);
  });

  it('refuse two entities with one page, naming both', () => {
    expect(topicProblems(['  - name: Huawei', '  - name: HUAWEI'])).toEqual([
      'content/topic.md: field "entities[1].name" "HUAWEI" would have the same page (/who/huawei/) as entities[0] "Huawei" (rename one, or make one an alias of the other)',
    ]);
  });

  it('refuse an alias claimed by two entities, naming both', () => {
    expect(
      topicProblems(['  - name: European Union', '    aliases: [EU]', '  - name: Europe', '    aliases: [Europa, eu]']),
    ).toEqual([
      'content/topic.md: field "entities[1].aliases[1]" "eu" is already a name of entities[0] "European Union" (a name or alias belongs to one entity: remove it from one of the two)',
    ]);
  });

  it('refuse an unknown kind and a name with nothing to make a page name from', () => {
    expect(topicProblems(['  - name: Huawei', '    kind: company'])).toEqual([
      expect.stringContaining('field "entities[0].kind"'),
    ]);
    expect(topicProblems(['  - name: "!!!"'])).toEqual([
      expect.stringContaining('field "entities[0].name" "!!!" has no letters or digits'),
    ]);
  });
});

describe('entities an article adds or excludes by hand', () => {
  const entities = [
    { name: 'Ken Hu', aliases: [] },
    { name: 'European Union', aliases: ['EU'] },
  ];
  const article = (lines: string[]) => ({
    path: 'content/articles/2019-03-06-x.md',
    name: '2019-03-06-x.md',
    bytes: new TextEncoder().encode(
      `---\ntitle: X\ndate: 2019-03-06\nsource:\n  name: S\n${lines.join('\n')}\n---\n\nText.\n`,
    ),
  });

  it('are found by name or alias, whatever the case', () => {
    const { articles, problems } = checkArticles(
      [article(['entities:', '  add: [ken hu]', '  exclude: [EU]'])],
      '',
      indexEntities(entities),
    );
    expect(problems).toEqual([]);
    expect(articles[0]!.data.entities).toEqual({ add: ['ken hu'], exclude: ['EU'] });
  });

  it('must be entities of the topic: a typo is named with the likely spelling', () => {
    const { problems } = checkArticles(
      [article(['entities:', '  add: [Ken Who]', '  exclude: [Mars]'])],
      '',
      indexEntities(entities),
    );
    expect(problems.map((problem) => problem.message)).toEqual([
      'content/articles/2019-03-06-x.md: field "entities.add[0]" "Ken Who" is not an entity of the topic (did you mean "Ken Hu"?; entities are listed in topic.md)',
      'content/articles/2019-03-06-x.md: field "entities.exclude[0]" "Mars" is not an entity of the topic (the topic\'s entities are: Ken Hu, European Union; entities are listed in topic.md)',
    ]);
  });
});
