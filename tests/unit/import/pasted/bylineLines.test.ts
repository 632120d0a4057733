import { describe, expect, it } from 'vitest';
import { isOutletName, namesInByline } from '../../../../src/import/bylineNames.ts';
import {
  isBoilerplate,
  isHeaderFurniture,
  isJobLine,
  readAuthorNote,
  readByline,
  readNamesLine,
  wordCount,
} from '../../../../src/import/pasted/rawTextLines.ts';

describe('the names in a byline', () => {
  it.each([
    ['Mara Quill, MA', ['Mara Quill']],
    ['Mara Quill, MD, MPH, and Tomas Reyes, PhD', ['Mara Quill', 'Tomas Reyes']],
    ['Mara Quill, Senior Staff Technologist, Valdria Rights Project', ['Mara Quill']],
    [
      'Mara Quill, a deputy editor and author of the Valdria Letter. She has covered the council since 2009.',
      ['Mara Quill'],
    ],
    ['Mara Quill, @maraquill', ['Mara Quill']],
    ['Mara Quill, Tomas Reyes and Ines Barros, The Valdria Times', ['Mara Quill', 'Tomas Reyes', 'Ines Barros']],
    ['Mara Quill and Tomas Reyes | Valdria Courier', ['Mara Quill', 'Tomas Reyes']],
    ['Staff and agencies', ['Staff and agencies']],
  ])('reads %j as %j', (byline, names) => {
    expect(namesInByline(byline)).toEqual(names);
  });

  it('knows an outlet’s name by its shape', () => {
    expect(isOutletName('The Valdria Times')).toBe(true);
    expect(isOutletName('Meridian Wire')).toBe(true);
    expect(isOutletName('Mara Quill')).toBe(false);
    expect(isOutletName('The vote ends twenty years of argument')).toBe(false);
  });
});

describe('byline lines', () => {
  it.each([
    ['by: Mara Quill', ['Mara Quill']],
    ['BY COURIER STAFF', ['COURIER STAFF']],
    ['Written by Mara Quill', ['Mara Quill']],
    ['Author: Mara Quill', ['Mara Quill']],
    ['作者︱马拉', ['马拉']],
    ['Mara Quill, lead reporter', ['Mara Quill']],
    ['By Tuesday, the council had voted', undefined],
    ['Quill, the senior partner, said nothing.', undefined],
  ])('reads %j', (line, names) => {
    expect(readByline(line)).toEqual(names);
  });

  it('reads a line of names alone, but not a brand or a sentence', () => {
    expect(readNamesLine('Mara Quill and Tomas Reyes')).toEqual(['Mara Quill', 'Tomas Reyes']);
    expect(readNamesLine('Exemplo中文站')).toBeUndefined();
    expect(readNamesLine('The council met.')).toBeUndefined();
  });

  it('tells job titles, providers, reviewers and editors from names', () => {
    expect(isJobLine('Courier Transport Reporter')).toBe(true);
    expect(isJobLine('Mara Quill')).toBe(false);
    for (const line of [
      '@maraquill',
      'From: Valdria Courier',
      '来源：示例新闻',
      'Provided by Meridian Wire',
      'Medically reviewed by Tomas Reyes, MD',
      '责任编辑：托马斯',
    ])
      expect(isHeaderFurniture(line), line).toBe(true);
    expect(isHeaderFurniture('From Tuesday, the ferry will run every hour.')).toBe(false);
  });

  it('tells subscription boxes from sentences about subscribers', () => {
    for (const line of [
      '$4.99 a month',
      '£1 per week for the first year',
      'Already a subscriber? Log in',
      'Sign up for the Valdria Briefing newsletter',
      'Delivered to your inbox every morning',
    ])
      expect(isBoilerplate(line), line).toBe(true);
    expect(isBoilerplate('Subscribers to the ferry pass will pay $4.99 a month more from June.')).toBe(false);
  });

  it('reads a closing biography with its contact sentence', () => {
    expect(
      readAuthorNote(
        'Mara Quill is a reporter for the Valdria Courier covering transport. Follow her on Twitter @maraquill or email her at mara@courier.example.',
      ),
    ).toEqual({ authors: ['Mara Quill'], outlet: 'Valdria Courier' });
  });

  it('counts Chinese and Japanese characters by twos as words', () => {
    expect(wordCount('瓦尔德里亚批准建桥')).toBe(5);
    expect(wordCount('Valdria approves 建桥')).toBe(3);
  });
});
