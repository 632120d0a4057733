/**
 * What one line of pasted article text is: the page furniture that came along with the copy
 * (advertising, share prompts, photo captions and credits, bylines) or the article itself.
 * These are patterns of page furniture, not of dates: dates are left to the date parser.
 */
import { JOB, namesInByline as splitByline } from '../bylineNames.ts';

/**
 * A line as the article means it: control characters removed and runs of spaces made one. A
 * no-break space between two words is a web page's `&nbsp;` where the writer typed a space, and
 * becomes one; elsewhere it is typography ("10 km", "« Nous ») and stays.
 */
export function tidyLine(line: string): string {
  return (
    line
      // eslint-disable-next-line no-control-regex -- control characters pasted from web pages are what this removes.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u200B\uFEFF]/g, '')
      .replace(/(?<=\p{L})\u00A0(?=\p{L})/gu, ' ')
      .replace(/\s{2,}|\t/g, ' ')
      .trim()
  );
}

export function wordCount(text: string): number {
  return text.split(' ').filter(Boolean).length;
}

const BOILERPLATE = [
  /^(sponsored|promoted)( video| content| post| links?| stories)?$/i,
  /^advertisements?$/i,
  /^(ad|ads)$/i,
  /^(read more|read next|related|recommended|see also|also read|more from|most read|trending)\b/i,
  /^(share|tweet|email|print|save)( this| the)?( article| story| post| page)?( on [\p{L} ]+)?$/iu,
  /^(share on|share via|click to share|share this)\b/i,
  /^(subscribe|sign up|follow us|follow @|join our)\b/i,
  /^follow\b.*@[\w.]+$/i,
  /^[\d,. ]+\s*(comments?|shares?|replies|reactions|views)$/i,
  /^(from|more from) the (section|desk)\b/i,
  /^(image|photo|video) (source|caption)$/i,
  /^(media caption|image copyright|getty images)$/i,
  /\b(subscribe|sign up)\b.*\b(newsletter|alerts|updates|podcast)\b/i,
  /^(continue reading|story continues below|scroll to continue|listen to this article|skip advert)\b/i,
  /^((facebook|twitter|x|linkedin|whatsapp|reddit|email|pinterest|telegram|threads|bluesky)[\s,|·•/]*){2,}$/i,
];

/** Advertising and prompts a web page wraps around an article: never the reporter's words. */
export function isBoilerplate(line: string): boolean {
  const text = line.replace(/^[\s>»›|•·*-]+|[\s:.…»›|•·-]+$/gu, '');
  return wordCount(text) <= 12 && BOILERPLATE.some((pattern) => pattern.test(text));
}

export interface PhotoCaption {
  /** What the photo shows, when the line says. */
  alt?: string;
  credit?: string;
}

const CREDIT =
  /^(?:(.*?[.!?)])\s+)?\(?(?:Image|Photo|Picture|Photograph|Illustration|Pic|Credit|IMAGE|PHOTO|CREDIT)s?(?:\s+[Cc]redits?)?\s*(?::|by\b)\s*(\S[^()]*?)\)?$/u;

/**
 * A photo credit, alone ("Image: alexeynovikov/Depositphotos") or ending a caption
 * ("Huawei logo on the wall. Image: alexeynovikov/Depositphotos").
 */
export function readPhotoCredit(line: string): PhotoCaption | undefined {
  const match = CREDIT.exec(line);
  if (!match || wordCount(line) > 40) return undefined;
  const [, alt, credit] = match as unknown as [string, string | undefined, string];
  if (wordCount(credit) > 8 || /[.!?]\s/.test(credit)) return undefined;
  return { ...(alt && { alt: alt.trim() }), credit: credit.replace(/\.$/, '') };
}

/** A person's name as bylines give it: one to five words, the first and last capitalized, no digits. */
export function isPersonName(text: string): boolean {
  const words = text.split(' ');
  return (
    words.length <= 5 &&
    text.length <= 60 &&
    !/\d/.test(text) &&
    /^\p{Lu}/u.test(words[0]!) &&
    /^\p{Lu}/u.test(words.at(-1)!) &&
    words.every((word) => /^[\p{L}'’.-]+$/u.test(word))
  );
}

function namesInByline(text: string): string[] | undefined {
  const names = text.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
  return names.length > 0 && names.every(isPersonName) ? names : undefined;
}

/**
 * "By Jenny Darmody", "By Jenny Darmody and John Kennedy", "By Priya Natarajan, Senior Health
 * Correspondent", "Priya Natarajan, health reporter": the people named, their jobs left out.
 */
export function readByline(line: string): string[] | undefined {
  const text = line.replace(/[.]$/, '').trim();
  const byline = /^(?:by|par|von|door|di|por)\s+(.+)$/i.exec(text)?.[1];
  if (byline) {
    const names = splitByline(byline);
    return names.length > 0 && names.every(isPersonName) ? names : undefined;
  }
  // Without "By", a name needs a job after it to be a byline rather than a line of text.
  const [name, ...job] = text.split(/\s*[,|–—]\s*/);
  if (job.length > 0 && JOB.test(job.join(' ')) && isPersonName(name!) && wordCount(text) <= 14)
    return splitByline(name!);
  return undefined;
}

export interface AuthorNote {
  authors: string[];
  /** The outlet the line names, when it does. */
  outlet?: string;
}

const ROLE =
  /^(.+?)\s+(?:is|was)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}-]+\s+){0,3}?(?:editor|reporter|writer|journalist|correspondent|contributor|columnist|author|producer|editor-at-large)\b(.*)$/iu;

/**
 * The note closing many articles: "Jenny Darmody is the editor of Silicon Republic", or a
 * byline. Gives the author and, when named, the outlet.
 */
export function readAuthorNote(line: string): AuthorNote | undefined {
  const byline = readByline(line);
  if (byline) return { authors: byline };
  const match = ROLE.exec(line);
  if (!match || wordCount(line) > 25) return undefined;
  const authors = namesInByline(match[1]!);
  if (!authors) return undefined;
  const outlet = /^\s+(?:of|at|for|with)\s+(.+?)[.!]?$/u
    .exec(match[2]!)?.[1]!
    .split(/[,;]|\s(?:who|where|and|covering|based|since)\s/)[0]!
    .trim();
  return outlet && /^\p{Lu}/u.test(outlet) ? { authors, outlet } : { authors };
}

/**
 * A short, title-like line between paragraphs: a subheading. Sentences end in punctuation;
 * subheadings do not (a question mark is allowed: "What happens next?").
 */
export function looksLikeSubheading(line: string): boolean {
  return (
    wordCount(line) <= 12 &&
    line.length <= 90 &&
    /\p{L}/u.test(line) &&
    !/^\p{Ll}/u.test(line) &&
    !/[.,;:!…]["'”’)\]]*$/u.test(line) &&
    // Reported speech makes a sentence (a photo caption, a pull quote), never a subheading.
    !/\b(?:said|says|told|tells|added|according to)\b/iu.test(line)
  );
}

const BULLET = /^[•◦▪‣*–-]\s+/u;
const NUMBER = /^\d{1,2}[.)]\s+/u;

/** A list item's text and whether it was numbered; undefined when the line is not marked as an item. */
export function listItem(line: string): { text: string; ordered: boolean } | undefined {
  if (BULLET.test(line)) return { text: line.replace(BULLET, ''), ordered: false };
  if (NUMBER.test(line)) return { text: line.replace(NUMBER, ''), ordered: true };
  return undefined;
}

/** Capitalized words the text uses mid-sentence: names ("Huawei", "Brussels"), as opposed to sentence starts. */
export function namesUsedIn(text: string): Set<string> {
  const names = new Set<string>();
  const tokens = text.split(/\s+/);
  tokens.forEach((token, index) => {
    if (index === 0 || /[.!?:"“”]$/u.test(tokens[index - 1]!)) return;
    const word = token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '').split(/['’]/)[0]!;
    if (/^\p{Lu}/u.test(word)) names.add(word);
  });
  return names;
}

/**
 * A caption written in Title Case ("Huawei Logo") put in sentence case ("Huawei logo") for alt
 * text, which screen readers read as a sentence. Words the article itself capitalizes
 * mid-sentence are names and keep their capital; so do acronyms ("EU", "5G").
 */
export function sentenceCaseCaption(caption: string, names: ReadonlySet<string>): string {
  const words = caption.split(' ');
  const titleCase = words.length > 1 && words.every((word) => !/^\p{L}/u.test(word) || /^\p{Lu}/u.test(word));
  if (!titleCase) return caption;
  return words
    .map((word, index) => {
      const acronym = /\p{Lu}.*\p{Lu}|\d/u.test(word);
      return index === 0 || acronym || names.has(word) ? word : word.toLowerCase();
    })
    .join(' ');
}

/** "AH" for "Android Headlines": outlets sign their own photos with their initials. */
export function expandOutletInitials(credit: string, outlet: string | undefined): string {
  if (!outlet) return credit;
  const initials = outlet
    .split(/\s+/)
    .map((word) => word.charAt(0))
    .join('')
    .toUpperCase();
  return initials.length > 1 && credit === initials ? outlet : credit;
}
