/**
 * Confirmed pairs of the same report turned into groups, with the editor's word on top: connected components
 * (union-find), every group ordered earliest report first, the groups by their earliest report.
 */

/** An article as grouping sees it: its id and when it was published (milliseconds since the epoch). */
export interface GroupedArticle {
  id: string;
  published: number;
}

/** Two articles found to be the same report, with how much of the shorter one the longer holds (0 to 1). */
export interface SameReportPair {
  /** The smaller id of the two. */
  first: string;
  second: string;
  containment: number;
}

/**
 * The editor's word on one article, which outranks what was detected: `join` the articles it is the same
 * report as (the groups merge); `split: true` to take it out of every detected group, or a list of ids it must
 * not share a group with. Where the two disagree, a join wins: it is the more specific word.
 */
export interface StoryOverride {
  join?: readonly string[] | undefined;
  split?: true | readonly string[] | undefined;
}

/** The order of reports in a group and of groups: earliest first, then by id, so every run gives the same. */
export function compareReports(a: GroupedArticle, b: GroupedArticle): number {
  return a.published - b.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The groups of two or more articles, each earliest report first, ordered by their earliest report. Detected
 * pairs are merged strongest first, and a merge that would put two articles an editor split into one group is
 * skipped; ids in pairs or overrides that are not among `articles` are ignored.
 */
export function groupSameReports(
  articles: Iterable<GroupedArticle>,
  pairs: readonly SameReportPair[],
  overrides: ReadonlyMap<string, StoryOverride> = new Map(),
): GroupedArticle[][] {
  const byId = new Map<string, GroupedArticle>();
  for (const article of articles) byId.set(article.id, article);
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let current = id;
    while (parent.get(current) !== current) {
      const up = parent.get(parent.get(current)!)!;
      parent.set(current, up);
      current = up;
    }
    return current;
  };
  for (const id of byId.keys()) parent.set(id, id);
  const union = (a: string, b: string) => {
    const [rootA, rootB] = [root(a), root(b)];
    if (rootA !== rootB) parent.set(rootA < rootB ? rootB : rootA, rootA < rootB ? rootA : rootB);
  };

  const alone = new Set<string>();
  const apart: [string, string][] = [];
  for (const [id, { join = [], split }] of [...overrides].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!byId.has(id)) continue;
    for (const other of join) if (byId.has(other)) union(id, other);
    if (split === true) alone.add(id);
    else for (const other of split ?? []) if (byId.has(other)) apart.push([id, other]);
  }
  const keptApart = (a: string, b: string) => {
    const [rootA, rootB] = [root(a), root(b)];
    return apart.some(([x, y]) => {
      const [rootX, rootY] = [root(x), root(y)];
      return (rootX === rootA && rootY === rootB) || (rootX === rootB && rootY === rootA);
    });
  };

  const strongestFirst = [...pairs].sort(
    (a, b) =>
      b.containment - a.containment || (a.first < b.first ? -1 : a.first > b.first ? 1 : a.second < b.second ? -1 : 1),
  );
  for (const { first, second } of strongestFirst) {
    if (!byId.has(first) || !byId.has(second) || alone.has(first) || alone.has(second)) continue;
    if (root(first) !== root(second) && !keptApart(first, second)) union(first, second);
  }

  const members = new Map<string, GroupedArticle[]>();
  for (const article of byId.values()) {
    const group = members.get(root(article.id));
    if (group) group.push(article);
    else members.set(root(article.id), [article]);
  }
  return [...members.values()]
    .filter((group) => group.length > 1)
    .map((group) => group.sort(compareReports))
    .sort((a, b) => compareReports(a[0]!, b[0]!));
}
