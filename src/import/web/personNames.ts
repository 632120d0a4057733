import { JOB, namesInByline } from '../bylineNames.ts';

/**
 * Whether a text is a person's or an agency's name as a byline shows it: "Ann Example", "Ann
 * (Marie) Example", "Jan van der Berg", "ANN EXAMPLE", "AFP", "春春". Not a job ("Journalist at
 * Example"), a prompt ("Follow", "Go to this journalist's page") or a date.
 */

/** Lower-case words a name may hold between capitalised ones: "van der", "de la", "bin". */
const PARTICLES = new Set([
  'al',
  'bin',
  'binti',
  'da',
  'das',
  'de',
  'del',
  'della',
  'den',
  'der',
  'di',
  'do',
  'dos',
  'du',
  'e',
  'el',
  'ibn',
  'la',
  'le',
  'st',
  'ten',
  'ter',
  'van',
  'von',
  'y',
  'zu',
]);

/** What pages put beside a byline that is capitalised like a name but is not one. */
const NOT_NAMES =
  /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow|follow|share|email|e-mail|contact|home|menu|more|subscribe|sign in|log in|twitter|facebook|linkedin|instagram|comments?|print|save|listen|news|opinion|updated|published|posted|staff|editor|admin|administrator|anonymous|unknown|guest|individual|person|user|team)$/iu;

/**
 * Words of a job title beside a byline that `JOB` does not know ("Senior Staff Technologist",
 * "Deputy Director"): after the first name, a part holding one ends the names.
 */
export const ROLE =
  /\b(?:senior|deputy|associate|assistant|managing|contributing|executive|special|staff|chief|technologist|specialist|director|manager|fellow|lead|head|intern|freelance|freelancer|photographer|photojournalist|researcher|scientist|professor|counsel|officer|president|founder|project|programme|program)\b/iu;

/** A name in a script written without spaces: Chinese, Japanese, Korean. */
const UNSPACED_NAME = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}·・]{2,8}$/u;

/** A staff byline ("Example Staff", "LEDGER STAFF"): the outlet's newsroom as the author. */
const STAFF_BYLINE = /^(?:\p{Lu}[\p{L}\p{M}&'’.-]*\s+){1,4}staff$/iu;

export function looksLikeName(text: string): boolean {
  const name = text.replace(/\s+/g, ' ').trim();
  if (UNSPACED_NAME.test(name) || STAFF_BYLINE.test(name)) return true;
  const words = name.replace(/\(([^()]+)\)/g, '$1').split(' ');
  if (words.length === 0 || words.length > 6 || NOT_NAMES.test(name) || JOB.test(name)) return false;
  if (!/^\p{Lu}/u.test(words[0]!)) return false;
  return words.every((word) => /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|\p{Lu}\.)$/u.test(word) || PARTICLES.has(word));
}

/**
 * The names a byline's words give ("By Ann Example and Bob Other"), only those shaped like names,
 * up to a job title ("By Ann Example, Senior Staff Technologist, Example Project").
 */
export function namesOfByline(byline: string): string[] {
  const names: string[] = [];
  for (const part of namesInByline(byline)) {
    if (names.length > 0 && ROLE.test(part)) break;
    if (looksLikeName(part)) names.push(part);
  }
  return names;
}
