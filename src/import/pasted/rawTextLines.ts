/**
 * What one line of pasted article text is: the page furniture that came along with the copy
 * (advertising, share prompts, photo captions and credits, bylines) or the article itself.
 * These are patterns of page furniture, not of dates: dates are left to the date parser.
 */
import { isOutletName, JOB, namesInByline as splitByline } from '../bylineNames.ts';

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

/** Chinese and Japanese write without spaces: about two of their characters make a word. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;

/** The words of a text, as long as it reads: a line of Chinese or Japanese counts its characters by twos. */
export function wordCount(text: string): number {
  return text
    .split(' ')
    .filter(Boolean)
    .reduce((sum, token) => sum + Math.max(1, Math.ceil((token.match(CJK)?.length ?? 0) / 2)), 0);
}

const BOILERPLATE = [
  /^(sponsored|promoted)( video| content| post| links?| stories)?$/i,
  /^advertisements?$/i,
  /^(ad|ads)$/i,
  /^(read more|read next|related|recommended|see also|also read|more from|most read|trending)\b/i,
  /^(share|tweet|email|print|save|gift)( this| the)?( article| story| post| page| link)?( on [\p{L} ]+| via [\p{L} ]+)?$/iu,
  /^(share on|share via|click to share|share this|copy (the )?link|gift (this )?article)\b/i,
  /^(subscribe|sign up|follow us|follow @|join our)\b/i,
  /^follow\b.*@[\w.]+$/i,
  /^follow( on [\p{L}]+)?$/iu,
  /^[\d,. ]+\s*(comments?|shares?|replies|reactions|views)$/i,
  /^(comments?|replies)\s*[(:]?\s*\d+\)?$/i,
  /^(view|show|read|see|load)( all)?( \d+)? comments$/i,
  /^(from|more from) the (section|desk)\b/i,
  /^(image|photo|video) (source|caption)$/i,
  /^(media caption|image copyright|getty images)$/i,
  /^(continue reading|story continues below|scroll to continue|listen to this article|skip advert)\b/i,
  /^((facebook|twitter|x|linkedin|whatsapp|reddit|email|pinterest|telegram|threads|bluesky)[\s,|·•/]*){2,}$/i,
  /^(分享到|分享至|转播到|转发到|シェア)/u,
  /^[[【(（]?\s*(责任编辑|責任編輯|编辑|編集|編輯)\s*[:：︱|]/u,
  /^\d+\s*(?:-\s*)?(?:min(?:ute)?s?)\.?\s*(?:read|reading|listen|de lecture|lectura|leitura|Lesezeit)?$/iu,
  /^(?:reading time|lesezeit|temps de lecture|tiempo de lectura)\s*:?\s*\d+/iu,
];

/** A newsletter or subscription box: its prompts, its prices, its small print. */
const SUBSCRIPTION = [
  /\b(subscribe|sign up)\b.*\b(newsletter|alerts|updates|podcast)\b/i,
  /^(get|receive|join|sign up for|subscribe to)\b.*\b(newsletters?|inbox)\b|\b(delivered|straight|direct(ly)?|sent) to your inbox\b/i,
  /^by (signing up|subscribing|clicking|registering|entering)\b/i,
  /^(?:(?:only|just|from|then)\s+)?(?:[$£€¥]\s?\d[\d.,]*|\d[\d.,]*\s?(?:[$£€¥]|eur|usd|gbp))\s*(?:\/|a|an|per|each|every|for (?:the first|one|a|\d+))\s*(?:\p{L}+\s)?(?:month|week|year|mo|yr|day|months|weeks)\b/iu,
];
/** The buttons and small print of a subscription box, short lines of their own. */
const SUBSCRIPTION_BUTTON =
  /^(already (a )?(subscriber|member|registered)|(log|sign) ?in|subscribe( now| today)?|cancel any ?time|no thanks|not now|(start|begin|try) (your|a) (free )?trial|enter your e-?mail( address)?|e-?mail address|(get|unlock) (full|unlimited) access)\b/i;

/** The words of a line that matter for telling furniture, without bullets, arrows and trailing dots. */
const furnitureText = (line: string) => line.replace(/^[\s>»›|•·*-]+|[\s:.…»›|•·-]+$/gu, '');

/** A line of a newsletter or subscription box: "Sign up for our newsletter", "$4.99 a month", "Already a subscriber? Log in". */
export function isSubscriptionPrompt(line: string): boolean {
  const text = furnitureText(line);
  const words = wordCount(text);
  return (
    (words <= 20 && SUBSCRIPTION.some((pattern) => pattern.test(text))) ||
    (words <= 8 && SUBSCRIPTION_BUTTON.test(text))
  );
}

/** Advertising and prompts a web page wraps around an article: never the reporter's words. */
export function isBoilerplate(line: string): boolean {
  const text = furnitureText(line);
  return (wordCount(text) <= 12 && BOILERPLATE.some((pattern) => pattern.test(text))) || isSubscriptionPrompt(line);
}

export interface PhotoCaption {
  /** What the photo shows, when the line says. */
  alt?: string;
  credit?: string;
}

const CREDIT =
  /^(?:(.*?[.!?)])\s+)?\(?(?:Image|Photo|Picture|Photograph|Illustration|Pic|Credit|Bild|Foto|Crédit|Crédito|IMAGE|PHOTO|CREDIT|FOTO)s?(?:\s+[Cc]redits?)?\s*(?::|by\b)\s*(\S[^()]*?)\)?$/u;

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

/** Latin letters beside Chinese or Japanese ones: a brand or a site ("Exemplo中文站"), never a person's name. */
const MIXED_SCRIPTS =
  /\p{Script=Latin}.*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}].*\p{Script=Latin}/u;

/** "By Tuesday, the council …" opens a sentence, not a byline. */
const CALENDAR_WORD =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Today|Tomorrow|Yesterday|Now|Then|Noon|Midnight)$/i;

/**
 * A person's name as bylines give it: one to five words, the first and last capitalized, no
 * digits, and not an outlet's name ("The Example Times", "Example News").
 */
export function isPersonName(text: string): boolean {
  const words = text.split(' ');
  return (
    words.length <= 5 &&
    text.length <= 60 &&
    !/\d/.test(text) &&
    /^\p{Lu}/u.test(words[0]!) &&
    /^\p{Lu}/u.test(words.at(-1)!) &&
    words.every((word) => /^[\p{L}'’.-]+$/u.test(word)) &&
    !MIXED_SCRIPTS.test(text) &&
    !isOutletName(text) &&
    !(words.length === 1 && CALENDAR_WORD.test(text))
  );
}

/** A name as Chinese and Japanese credits give it: two to eight characters of those scripts ("春春"). */
export function isCjkName(text: string): boolean {
  return /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}·・]{2,8}$/u.test(text);
}

function namesInByline(text: string): string[] | undefined {
  const names = text.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean);
  return names.length > 0 && names.every(isPersonName) ? names : undefined;
}

/** "@annexample", and "Follow @annexample": a handle beside a name says how to reach the writer. */
const HANDLE = /(?:^|\s)(?:follow(?:\s+(?:on|me|him|her|them))?(?:\s+\p{L}+)?\s+)?@[\w.]+/giu;

/** A line without its handles and follow links ("Ann Example, @annexample" is "Ann Example"). */
export function withoutHandles(line: string): string {
  return line
    .replace(HANDLE, ' ')
    .replace(/\s*\bfollow\s*$/i, '')
    .replace(/[\s,|·•]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Words that introduce a byline, in English and the languages whose dates are read. */
const BY =
  /^(?:(?:written|words|story|text|reporting|reported)\s+)?(?:by|par|von|door|di|por|od)(?:\s*:\s*|\s+)(.+)$/iu;
/** A byline written as a label: "Author: Ann Example", "Autor: …", "作者︱春春", "记者 王小明". */
const AUTHOR_LABEL =
  /^(?:authors?|autor(?:in|en)?|auteure?s?|autore|作者|记者|記者|文|撰文|筆者)\s*[:：︱|｜/／]\s*(.+)$/iu;

/** "By" alone on a line, the name on the next one. */
export function isLoneBy(line: string): boolean {
  return /^(?:by|par|von|door|di|por|od)\s*:?$/i.test(line);
}

/**
 * "By Jenny Darmody", "By Jenny Darmody and John Kennedy", "By Priya Natarajan, Senior Health
 * Correspondent", "Priya Natarajan, health reporter", "by: Ann Example", "By Ann Example, MA",
 * "Author: Ann Example", "作者︱春春": the people named, their jobs, degrees and handles left out.
 */
export function readByline(line: string): string[] | undefined {
  const text = withoutHandles(line).replace(/[.]$/, '').trim();
  const labelled = AUTHOR_LABEL.exec(text)?.[1]?.trim();
  if (labelled) {
    if (isCjkName(labelled)) return [labelled];
    const names = splitByline(labelled);
    return names.length > 0 && names.every(isPersonName) ? names : undefined;
  }
  const byline = BY.exec(text)?.[1];
  if (byline) {
    const names = splitByline(byline);
    return names.length > 0 && names.every(isPersonName) ? names : undefined;
  }
  // Without "By", a name needs a job after it to be a byline rather than a line of text, and the
  // line is no sentence ("Smith, the senior partner, said nothing.").
  if (/[.!?]["'”’)]*$/u.test(line) || /\b(?:said|says|told|added)\b/i.test(text)) return undefined;
  const [name, ...job] = text.split(/\s*[,|–—]\s*/);
  if (job.length > 0 && JOB.test(job.join(' ')) && isPersonName(name!) && wordCount(text) <= 14)
    return splitByline(name!);
  return undefined;
}

/**
 * A line of names alone: "Ann Example", "Ann Example, MD", "Ann Example, Bob Example and Cid
 * Example". Beside a date or a job title it is a byline; elsewhere, as likely a label or a heading.
 */
export function readNamesLine(line: string): string[] | undefined {
  const text = withoutHandles(line);
  if (!text || wordCount(text) > 16 || /[.!?:;]$/u.test(text)) return undefined;
  const names = splitByline(text);
  return names.length > 0 && names.every(isPersonName) ? names : undefined;
}

/** "Senior Reporter", "Courier News Reporter", "Staff writer": a job title on a line of its own. */
export function isJobLine(line: string): boolean {
  return wordCount(line) <= 8 && JOB.test(line) && !/[.!?]$/u.test(line) && /^\p{Lu}/u.test(line);
}

/**
 * Lines of a header that name neither the writer nor the date: a handle alone, the provider or
 * source ("From: Valdria Courier", "来源：…", "Provided by …"), a reviewer or editor ("Medically
 * reviewed by …", "Fact checked by …"), a reading time.
 */
export function isHeaderFurniture(line: string): boolean {
  return (
    /^@[\w.]+$/.test(line) ||
    /^(?:from|source|sources|via|quelle|fuente|fonte|bron|来源|來源|出处|出典|配信元)\s*[:：︱|]\s*\S/iu.test(line) ||
    /^(?:provided|distributed|supplied|presented|sponsored)\s+by\s+\S/i.test(line) ||
    /^(?:(?:medically|clinically|expert|legally)\s+)?(?:reviewed|fact[- ]?checked|checked|verified|edited|updated|produced)\s+by\b/i.test(
      line,
    ) ||
    /^(?:责任编辑|編集|编辑|編輯)\s*[:：︱|]/u.test(line)
  );
}
export interface AuthorNote {
  authors: string[];
  /** The outlet the line names, when it does. */
  outlet?: string;
}

const ROLE =
  /^(.+?)\s+(?:is|was)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}’'-]+\s+){0,3}?(?:editor|reporter|writer|journalist|correspondent|contributor|columnist|author|producer|editor-at-large)\b(.*)$/iu;

/** "Follow him on Twitter @x or email him at x@example.org.": how to reach the writer, closing a note on them. */
const CONTACT =
  /(?:^|(?<=[.!?])\s+)(?:follow|email|e-mail|contact|reach|write to)\b[^.!?]*?(?:@|twitter|e-?mail|instagram|facebook|linkedin|bluesky|mastodon)[^!?]*?(?:\.(?=\s|$)|$)/giu;

/** Words a note on the writer has at most, its contact sentences left out. */
const LONGEST_NOTE = 40;

/**
 * The note closing many articles: "Jenny Darmody is the editor of Silicon Republic", a longer
 * biography ("Ann Example is a reporter for … covering … Follow her on Twitter @…"), or a
 * byline. Gives the author and, when named, the outlet.
 */
export function readAuthorNote(line: string, longest = LONGEST_NOTE): AuthorNote | undefined {
  const byline = readByline(line);
  if (byline) return { authors: byline };
  const note = withoutHandles(line.replace(CONTACT, ' ')).trim();
  const match = ROLE.exec(note);
  if (!match || wordCount(note) > longest) return undefined;
  const authors = namesInByline(match[1]!);
  if (!authors) return undefined;
  const outlet = /^\s+(?:of|at|for|with)\s+(.+?)[.!]?$/u
    .exec(match[2]!)?.[1]!
    .split(/[,;]|\.\s+(?=\p{Lu})|\s(?:who|where|and|covering|based|since)\s/u)[0]!
    .trim()
    .replace(/^the\s+(?=\p{Lu})/u, '');
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
