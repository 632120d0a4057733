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
  accept: 'Accept',
  reject: 'Reject',
  accepted: (title: string, file: string) => `Accepted “${title}” (${file}): the next build publishes it.`,
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
