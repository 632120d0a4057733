/** What `npm run follow` prints: a few lines per source as it is done, then the run's totals. */
import { formatCount } from '../i18n/counts.ts';
import type { LeftOutItem, SourceOutcome } from './followSources.ts';

const bytes = (count: number) => (count < 10_240 ? `${count} B` : `${Math.round(count / 1024)} KB`);

/** Many items left out for one reason make one line: `12 name no keep phrase or entity, 2 drop "sponsored"`. */
function byReason(items: readonly LeftOutItem[]): string {
  const counts = new Map<string, number>();
  for (const { reason } of items) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  return [...counts].map(([reason, count]) => `${count} ${reason}`).join(', ');
}

/** One source's lines: what it brought, then its counts, or why it failed. */
export function formatSourceOutcome(outcome: SourceOutcome): string[] {
  switch (outcome.status) {
    case 'failed':
      return [`✗ ${outcome.url}: ${outcome.message}`];
    case 'not-modified':
      return [
        `✓ ${outcome.url}: not modified since the last poll (${formatCount(outcome.requests, { one: 'request', other: 'requests' })}, ${bytes(outcome.receivedBytes)})`,
      ];
    case 'read': {
      const counts = [
        `${outcome.candidates.length} new`,
        ...(outcome.updates.length > 0 ? [`${outcome.updates.length} changed by the outlet`] : []),
        `${outcome.dropped.length} dropped by rule`,
        `${outcome.unchanged} unchanged`,
        ...(outcome.older > 0 ? [`${outcome.older} published before ${outcome.since}`] : []),
        ...(outcome.skipped.length > 0 ? [`${outcome.skipped.length} unreadable`] : []),
      ];
      return [
        `✓ ${outcome.name} (${outcome.url})`,
        ...outcome.candidates.map(
          ({ file, rule, draft }) => `  ${draft ? 'draft    ' : 'published'} ${file}  (${rule})`,
        ),
        ...outcome.updates.map(({ file, status, revision }) =>
          status === 'applied'
            ? `  updated  ${file}  (changed by the outlet${revision ? `; the previous version is ${revision}` : ''})`
            : `  update   ${file}  (changed by the outlet; you have edited it, so the new version waits for review)`,
        ),
        ...(outcome.dropped.length > 0 ? [`  dropped  ${byReason(outcome.dropped)}`] : []),
        ...outcome.skipped.map(({ label, reason }) => `  skipped  ${label}: ${reason}`),
        ...outcome.notes.map((note) => `  note     ${note}`),
        `  ${counts.join(', ')} (${bytes(outcome.receivedBytes)})`,
      ];
    }
  }
}

/** The run's last line: sources answered and failed, candidates waiting for review. */
export function formatFollowTotals(outcomes: readonly SourceOutcome[]): string {
  const failed = outcomes.filter((outcome) => outcome.status === 'failed').length;
  const candidates = outcomes.flatMap((outcome) => (outcome.status === 'read' ? outcome.candidates : []));
  const updates = outcomes.flatMap((outcome) => (outcome.status === 'read' ? outcome.updates : []));
  const waiting = updates.filter((update) => update.status === 'waiting').length;
  const drafts = candidates.filter((candidate) => candidate.draft).length;
  const publishedWithoutReview = candidates.length - drafts;
  const parts = [
    `${formatCount(outcomes.length, { one: 'feed', other: 'feeds' })} polled`,
    ...(failed > 0 ? [`${failed} failed`] : []),
    formatCount(candidates.length, { one: 'new article', other: 'new articles' }),
    ...(updates.length > waiting
      ? [formatCount(updates.length - waiting, { one: 'article updated', other: 'articles updated' })]
      : []),
  ];
  const next = [
    ...(drafts > 0
      ? [`${formatCount(drafts, { one: 'draft', other: 'drafts' })} to review: npm run follow -- list`]
      : []),
    ...(waiting > 0
      ? [`${formatCount(waiting, { one: 'update', other: 'updates' })} to review: npm run follow -- list`]
      : []),
    ...(publishedWithoutReview > 0 ? [`${publishedWithoutReview} published without review`] : []),
  ];
  return `${parts.join(', ')}${next.length > 0 ? ` (${next.join('; ')})` : ''}.`;
}
