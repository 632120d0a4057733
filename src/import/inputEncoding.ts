import { ImportError } from './importError.ts';

import iconv from 'iconv-lite';

/** What an input's bytes hold: a feed in XML (RSS, RDF, Atom), a JSON Feed, a web page, or pasted text. */
export type InputKind = 'xml' | 'json' | 'html' | 'text';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => bytes[index] === byte);
}

/** Byte-order marks, which settle the encoding before anything the document declares. */
function encodingFromBom(bytes: Uint8Array): string | undefined {
  if (startsWith(bytes, UTF8_BOM)) return 'utf-8';
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  return undefined;
}

/** A web page starts with its doctype or `<html>`, perhaps after comments or an XML declaration. */
const WEB_PAGE = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/i;

/** Feeds start with `<` or `{`, web pages with their doctype; pasted articles start with their title. */
export function detectInputKind(bytes: Uint8Array): InputKind {
  const bom = encodingFromBom(bytes);
  const head = new TextDecoder(bom ?? 'utf-8').decode(bytes.subarray(0, 2048)).trimStart();
  if (WEB_PAGE.test(head)) return 'html';
  if (head.startsWith('<')) return 'xml';
  if (head.startsWith('{')) return 'json';
  return 'text';
}

/** The `encoding` of an XML declaration, read from the ASCII bytes every declaration is written in. */
function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

/** A web page's `<meta charset>` or `<meta http-equiv="content-type">`, which browsers look for in its first 1024 bytes. */
function declaredHtmlEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head)?.[1] ?? declaredXmlEncoding(bytes);
}

/** Bytes beyond ASCII that all form valid UTF-8: text in UTF-8, whatever the label says. */
function isUtf8BeyondAscii(bytes: Uint8Array): boolean {
  if (!bytes.some((byte) => byte > 0x7f)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Legacy encodings, in which valid multi-byte UTF-8 sequences are next to impossible in real text: single-byte
 * ones, and the double-byte ones of Chinese, Japanese and Korean, whose lead bytes UTF-8 keeps for continuations.
 */
const LEGACY =
  /^(?:windows-125\d|iso-8859-\d+|koi8-[ru]|macintosh|ibm866|x-mac-cyrillic|gbk|gb18030|big5|shift_jis|euc-jp|euc-kr|iso-2022-jp)$/;

function lineOfFirstReplacement(text: string): number {
  const index = text.indexOf('\uFFFD');
  return text.slice(0, index).split('\n').length;
}

function whoDeclared(bom: string | undefined, serverCharset: string | undefined, declared: string | undefined): string {
  if (bom) return 'its byte-order mark';
  if (serverCharset) return 'the web server';
  return declared ? 'the feed' : 'default (no encoding is declared)';
}

/** Decodes with the platform's decoder, or iconv-lite for the few legacy labels it lacks. */
function decoderFor(label: string): ((bytes: Uint8Array) => string) | undefined {
  try {
    const decoder = new TextDecoder(label, { fatal: true });
    return (bytes) => decoder.decode(bytes);
  } catch {
    return iconv.encodingExists(label) ? (bytes) => iconv.decode(Buffer.from(bytes), label) : undefined;
  }
}

/**
 * An input's text, decoded as feed readers and browsers do: a byte-order mark first, then the
 * charset the web server sent, then the document's declaration (XML declaration, `<meta
 * charset>`), then the bytes themselves. Labels follow the WHATWG Encoding Standard: a feed
 * labelled ISO-8859-1 is read as Windows-1252, whose curly quotes such feeds nearly always
 * contain. Two mistakes publishers often make are read as meant: valid UTF-8 labelled with a
 * legacy encoding (Windows-1252, GB2312, Shift_JIS…) is UTF-8, and a feed or page that declares
 * nothing and is not valid UTF-8 is Windows-1252 (`warn` is told). Other bytes that are not
 * valid in the declared encoding stop the import rather than becoming replacement characters in
 * the articles.
 */
export function decodeInput(
  bytes: Uint8Array,
  kind: InputKind,
  serverCharset?: string,
  warn: (message: string) => void = () => undefined,
): string {
  const bom = encodingFromBom(bytes);
  const declared =
    kind === 'xml' ? declaredXmlEncoding(bytes) : kind === 'html' ? declaredHtmlEncoding(bytes) : undefined;
  const label = bom ?? serverCharset ?? declared ?? 'utf-8';
  const decode = decoderFor(label);
  if (!decode) {
    throw new ImportError(
      `declares the encoding "${label}", which the importer does not know (save the feed as UTF-8 and import the file)`,
    );
  }
  const encoding = (() => {
    try {
      return new TextDecoder(label).encoding;
    } catch {
      return label.toLowerCase();
    }
  })();
  if (!bom && LEGACY.test(encoding) && isUtf8BeyondAscii(bytes)) {
    warn(`declares ${label.toUpperCase()} but its text is UTF-8; read as UTF-8`);
    return new TextDecoder('utf-8').decode(bytes);
  }
  try {
    return decode(bytes);
  } catch {
    if (!bom && !serverCharset && !declared && kind !== 'text') {
      warn(
        'declares no encoding and is not valid UTF-8; read as Windows-1252, as feed readers and browsers do (check accented letters)',
      );
      return new TextDecoder('windows-1252').decode(bytes);
    }
    const where = `line ${lineOfFirstReplacement(new TextDecoder(label).decode(bytes))}`;
    if (kind === 'text')
      throw new ImportError('is not UTF-8 text (open it in a text editor and save it with the UTF-8 encoding)', where);
    throw new ImportError(
      `is not valid ${encoding.toUpperCase()}, the encoding declared by ${whoDeclared(bom, serverCharset, declared)} (the feed is broken: ask its publisher to fix it, or save it with the right encoding and import the file)`,
      where,
    );
  }
}
