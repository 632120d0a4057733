import { describe, expect, it } from 'vitest';
import { articleSlugFromPath, slugify } from '../../../src/lib/slugs.ts';
import { parseTopic, resolveSiteAddress } from '../../../src/content/topic.ts';
import { tagName } from '../../../src/site/groups.ts';

describe('slugs', () => {
  it.each([
    ['Silicon Republic', 'silicon-republic'],
    ['Zürich', 'zurich'],
    ['EU Policy & 5G', 'eu-policy-5g'],
    ['Huawei’s centre', 'huaweis-centre'],
    ['网络安全', '网络安全'],
    ['!!!', ''],
  ])('%s → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it('leaves the date prefix of a file name out of the URL', () => {
    expect(articleSlugFromPath('2019-03-06-huawei-opens-a-centre.md')).toBe('huawei-opens-a-centre');
    expect(articleSlugFromPath('nested/Some Title.md')).toBe('some-title');
  });

  it('spells tag slugs as words', () => {
    expect(tagName('european-union')).toBe('european union');
  });
});

describe('site address', () => {
  const topic = parseTopic(
    '---\ntitle: T\ndescription: D.\nsite: https://example.org/digests/huawei\n---\n',
    'content/topic.md',
  );

  it('takes the base path from the site URL', () => {
    expect(resolveSiteAddress(topic, undefined)).toEqual({
      site: 'https://example.org/digests/huawei/',
      base: '/digests/huawei/',
    });
  });

  it('lets DOSSIER_SITE override it', () => {
    expect(resolveSiteAddress(topic, 'https://staging.example.org/')).toEqual({
      site: 'https://staging.example.org/',
      base: '/',
    });
  });

  it('says what to write when the site is missing', () => {
    expect(() => resolveSiteAddress(parseTopic('---\ntitle: T\n---\n', 'content/topic.md'), undefined)).toThrow(
      /content\/topic.md: field "site"/,
    );
  });
});
