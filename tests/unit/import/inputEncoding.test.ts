import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeInput, detectInputKind } from '../../../src/import/inputEncoding.ts';
import { ImportError } from '../../../src/import/importError.ts';
import { fixtures } from './support.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => readFile(join(fixtures, name));
const expectedText =
  'Le géant chinois répond aux inquiétudes européennes : « Nous n’avons rien à cacher. » – déclare-t-il.';

describe('what an input is', () => {
  it.each([
    ['<?xml version="1.0"?><rss/>', 'xml'],
    ['\n  <rss version="2.0">', 'xml'],
    ['\uFEFF<feed>', 'xml'],
    ['{"version": "https://jsonfeed.org/version/1.1"}', 'json'],
    ['Huawei opens a new EU cybersecurity transparency centre\n\n6 Mar 2019', 'text'],
  ])('%j is %s', (text, kind) => {
    expect(detectInputKind(bytes(text))).toBe(kind);
  });

  it('sees through a UTF-16 byte-order mark', async () => {
    expect(detectInputKind(await fixture('utf16.xml'))).toBe('xml');
  });
});

describe('decoding feeds as declared', () => {
  it.each(['latin1.xml', 'windows-1252.xml', 'utf16.xml'])(
    'reads %s in its declared encoding, curly quotes and all',
    async (name) => {
      expect(decodeInput(await fixture(name), 'xml')).toContain(expectedText);
    },
  );

  it('lets the web server’s charset outrank the XML declaration', () => {
    const latin1 = Uint8Array.from([...bytes('<?xml version="1.0" encoding="UTF-8"?><t>caf'), 0xe9, ...bytes('</t>')]);
    expect(decodeInput(latin1, 'xml', 'iso-8859-1')).toContain('<t>café</t>');
  });

  it('refuses bytes that are not in the declared encoding, naming the line', async () => {
    const decode = async () => decodeInput(await fixture('wrong-encoding.xml'), 'xml');
    await expect(decode()).rejects.toThrow(ImportError);
    await expect(decode()).rejects.toThrow('line 4: is not valid UTF-8, the encoding declared by the feed');
  });

  it('refuses an encoding it does not know', async () => {
    await expect(async () => decodeInput(await fixture('unknown-encoding.xml'), 'xml')).rejects.toThrow(
      'declares the encoding "x-klingon", which the importer does not know',
    );
  });

  it('asks for pasted text in UTF-8', () => {
    const text = Uint8Array.from([...bytes('Title\n\nCaf'), 0xe9]);
    expect(() => decodeInput(text, 'text')).toThrow('line 3: is not UTF-8 text');
  });
});
