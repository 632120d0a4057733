/**
 * Every word of the review page, in one place. The page is the editor's local tool, not part of
 * the digest, so it speaks English like Dossier's commands rather than the topic's language.
 */
import { formatCount } from '../../i18n/counts.ts';

export const reviewStrings = {
  title: (drafts: number) => `Review queue (${formatCount(drafts, { one: 'draft', other: 'drafts' })}) · Dossier`,
  heading: 'Review queue',
  intro:
    'Drafts that “npm run follow” brought from the followed feeds. Accept publishes a draft at the next build; reject removes its file, and no later poll brings it back.',
  waiting: (drafts: number) =>
    `${formatCount(drafts, { one: 'draft waits', other: 'drafts wait' })} for review, newest first.`,
  empty: 'Nothing waits for review. “npm run follow” brings new drafts when the followed feeds have some.',
  outlet: 'Outlet',
  date: 'Date',
  rule: 'Kept by',
  file: 'File',
  text: (words: number) => `Its text (${formatCount(words, { one: 'word', other: 'words' })})`,
  original: (outlet: string) => `Read the original at ${outlet}`,
  update: (file: string) => `An update of ${file}, which you have edited`,
  changes: 'What the outlet changed, against the article as it is now',
  removed: 'removed:',
  added: 'added:',
  updateNote:
    'Accept puts the outlet’s version in the article and keeps yours in content/revisions/; reject keeps yours, and this version is not asked again.',
  accept: 'Accept',
  reject: 'Reject',
  accepted: (title: string, file: string) => `Accepted “${title}” (${file}): the next build publishes it.`,
  acceptedUpdate: (title: string, file: string) =>
    `Applied the update of “${title}” to ${file}: your version is kept in content/revisions/.`,
  rejectedUpdate: (title: string, file: string) =>
    `Rejected the update of “${title}”: ${file} stays as you left it, and this version is not asked again.`,
  rejected: (title: string, file: string) =>
    `Rejected “${title}”: ${file} is removed, and no later poll brings it back.`,
  problems: 'Nothing was changed for these:',
  refused: {
    title: 'Refused · Dossier',
    heading: 'Refused',
    text: 'This request did not come from the review page that “npm run follow -- review” opened, so nothing was changed. Open the address it printed.',
  },
  notFound: {
    title: 'Not found · Dossier',
    heading: 'Not found',
    text: 'The review page has nothing at this address.',
  },
  notAllowed: {
    title: 'Not allowed · Dossier',
    heading: 'Not allowed',
    text: 'The review page takes GET for the queue, and POST from its own buttons.',
  },
  failed: (reason: string) => ({
    title: 'Failed · Dossier',
    heading: 'Something went wrong',
    text: `The review page could not answer (${reason}). Go back to the queue to see where it stands, or use "npm run follow -- list".`,
  }),
  tooLarge: {
    title: 'Too large · Dossier',
    heading: 'Too large',
    text: 'A review page form is a few lines long; this one was too large, so nothing was changed.',
  },
} as const;
