import { ImportError } from './importError.ts';

/** What an input's bytes hold: a feed in XML (RSS, RDF, Atom), a JSON Feed, or pasted text. */
export type InputKind = 'xml' | 'json' | 'text';

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

/** Feeds start with `<` or `{`; pasted articles start with their title. */
export function detectInputKind(bytes: Uint8Array): InputKind {
  const bom = encodingFromBom(bytes);
  const head = new TextDecoder(bom ?? 'utf-8').decode(bytes.subarray(0, 512)).trimStart();
  if (head.startsWith('<')) return 'xml';
  if (head.startsWith('{')) return 'json';
  return 'text';
}

/** The `encoding` of an XML declaration, read from the ASCII bytes every declaration is written in. */
function declaredXmlEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head)?.[1];
}

function lineOfFirstReplacement(text: string): number {
  const index = text.indexOf('\uFFFD');
  return text.slice(0, index).split('\n').length;
}

function whoDeclared(bom: string | undefined, serverCharset: string | undefined, declared: string | undefined): string {
  if (bom) return 'its byte-order mark';
  if (serverCharset) return 'the web server';
  return declared ? 'the feed' : 'default (no encoding is declared)';
}

/**
 * An input's text, decoded as its publisher says: a byte-order mark first, then the charset the
 * web server sent, then the XML declaration (RFC 7303), else UTF-8. Labels follow the WHATWG
 * Encoding Standard, as browsers do: a feed labelled ISO-8859-1 is read as Windows-1252, whose
 * curly quotes such feeds nearly always contain. Bytes that are not valid in that encoding stop
 * the import rather than becoming replacement characters in the articles.
 */
export function decodeInput(bytes: Uint8Array, kind: InputKind, serverCharset?: string): string {
  const bom = encodingFromBom(bytes);
  const declared = kind === 'xml' ? declaredXmlEncoding(bytes) : undefined;
  const label = bom ?? serverCharset ?? declared ?? 'utf-8';
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(label, { fatal: true });
  } catch {
    throw new ImportError(`declares the encoding "${label}", which the importer does not know (save the feed as UTF-8 and import the file)`);
  }
  try {
    return decoder.decode(bytes);
  } catch {
    const where = `line ${lineOfFirstReplacement(new TextDecoder(label).decode(bytes))}`;
    if (kind === 'text') throw new ImportError('is not UTF-8 text (open it in a text editor and save it with the UTF-8 encoding)', where);
    throw new ImportError(
      `is not valid ${decoder.encoding.toUpperCase()}, the encoding declared by ${whoDeclared(bom, serverCharset, declared)} (the feed is broken: ask its publisher to fix it, or save it with the right encoding and import the file)`,
      where,
    );
  }
}
