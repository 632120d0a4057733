/**
 * The people a byline names, as feeds and pages give it: "By A and B", "A, illustration by B for
 * the X", "A in New York", "a@b.org (A)". Credits for someone else's work (an illustration, a
 * photo) and where the writer is are not names; a byline that names no person ("Staff and
 * agencies", "Associated Press") is kept whole, as the outlet wrote it.
 */

/** A part that credits other work: "illustration by X", "photos: Y", "additional reporting by Z". */
const OTHER_CREDIT =
  /\b(?:illustrations?|photos?|photographs?|pictures?|images?|video|graphics?|reporting|research|editing|edited|additional|contributed|contributing|translated|translation)\b.*\b(?:by|from)\b|^(?:illustrations?|photos?|photographs?|pictures?|images?|video|graphics?)\s*[:/]/iu;

/** What follows a name: where the writer is, or whom they write for ("in New York", "for the Post"). */
const AFTER_NAME =
  /\s+(?:in|at|from|for|with|reporting from|von|aus|à|en|de la|del)\s+\p{Lu}[\s\S]*$|\s+(?:for|of)\s+the\s+[\s\S]*$/u;

/** What a byline says a writer does: "Senior Transport Correspondent", "health reporter", "Staff Technologist". */
export const JOB =
  /\b(?:editors?|reporters?|correspondents?|writers?|journalists?|columnists?|producers?|contributors?|analysts?|critics?|presenters?|chief|bureau|staff|desk|senior|deputy|associate|assistant|executive|managing|contributing|freelance|technologists?|directors?|fellows?|professors?|lecturers?|researchers?|scientists?|specialists?|strategists?|counsel|attorneys?|advisers?|advisors?|officers?|managers?|founders?|co-founders?|president|head of|lead|interns?|anchors?|hosts?|photographers?|videographers?|illustrators?|designers?|commentators?|bloggers?|author of)\b/iu;

/**
 * Degrees and credentials after a name: "Ann Example, MA", "Bob Example, MD, MPH". Not part of
 * the name, and not another author.
 */
export const DEGREE =
  /^(?:(?:Ph\.?\s?D|M\.?\s?D|D\.?O|M\.?A|M\.?S|M\.?Sc|B\.?A|B\.?Sc|B\.?S|MBA|MPH|MSW|MSc|BSc|RN|BSN|MSN|APRN|NP|PA-C|RD|RDN|LD|LDN|CDE|CDCES|DDS|DMD|PharmD|JD|LLM|Esq|FACS|FACP|FRCP|MRCP|CPT|LCSW|LMFT|PsyD|EdD|DPT|DVM|OD|CNM|IBCLC|CSCS|FNP|FNP-BC|CPH|MHS|MSPH|DrPH)\.?[\s,]*)+$/u;

/**
 * The last word of a publication's name: "The Example Times", "Example News". After the names in
 * a byline, such a part names the outlet, not another writer.
 */
export const OUTLET_WORD =
  /\s(?:Times|News|Post|Journal|Herald|Tribune|Wire|Press|Media|Magazine|Daily|Gazette|Telegraph|Chronicle|Observer|Agency|Network|Radio|Television|TV|Online|Weekly|Newsroom|Service|Bureau|Report|Review)$/u;

/** A part of a byline that names an outlet: "The Example Times", "Example Wire". */
export function isOutletName(text: string): boolean {
  const words = text.trim().split(/\s+/);
  const titled = words.every((word) => /^(?:\p{Lu}|&|of$|and$|for$|the$|de$|du$|la$|le$)/u.test(word));
  return titled && words.length <= 6 && (/^The\s/u.test(text) || OUTLET_WORD.test(text));
}

const SEPARATOR = /\s*(,|;|\s&\s|\s\|\s|\band\b|\bund\b|\bet\b|\bи\b)\s*/u;

function isName(text: string): boolean {
  const words = text.split(/\s+/);
  return (
    words.length >= 1 &&
    words.length <= 5 &&
    /^\p{Lu}/u.test(text) &&
    !/\d/.test(text) &&
    words.every((word) => /^[\p{L}'’.-]+$/u.test(word))
  );
}

/** The names in a byline, in its order; the byline itself when it names nobody in particular. */
export function namesInByline(byline: string): string[] {
  let text = byline.replace(/\s+/g, ' ').trim();
  // "jane@example.org (Jane Doe)": RSS's author element, which wants an address first.
  text = /^\S+@\S+\s*\(([^)]+)\)$/.exec(text)?.[1]?.trim() ?? text;
  // Notes in brackets say when or what ("Nick Ames (now)"), not who; a handle is an address, not a name.
  text = text.replace(/\s*\([^)]*\)/g, '').replace(/(?:^|\s|,)@[\w.]+/g, ' ');
  text = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(?:by|par|von|door|di|por|od|de)\s+/i, '')
    .replace(/[.,;:]+$/, '');
  if (!text) return [];
  // Split with the separators kept: after a comma comes a job ("A, senior correspondent"),
  // after "and" another name, or the rest of a phrase ("Staff and agencies").
  const pieces = text.split(SEPARATOR);
  const names: string[] = [];
  for (let index = 0; index < pieces.length; index += 2) {
    const part = pieces[index]!.trim();
    const separator = pieces[index - 1]?.trim() ?? '';
    if (!part || OTHER_CREDIT.test(part) || /^by\s/i.test(part)) continue;
    if (names.length > 0 && DEGREE.test(part)) continue;
    const afterNames = names.length > 0 && /^[,;|]$/.test(separator);
    // After the names, a comma and a job or an outlet: "A and B, Senior Transport Correspondents",
    // "A, B and C, The Example Times".
    // After a bar, the outlet or the section: "A, B and C | Example Courier".
    if (afterNames && (separator === '|' || JOB.test(pieces.slice(index).join(' ')) || isOutletName(part))) break;
    const name = part.replace(AFTER_NAME, '').trim();
    if (isName(name)) {
      names.push(name);
      continue;
    }
    if (afterNames && /^\p{Ll}/u.test(part)) break;
    return [text];
  }
  return names.length > 0 ? names : [text];
}
