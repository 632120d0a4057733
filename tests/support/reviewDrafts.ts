import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeTempFolder } from './tempFolders.ts';

export const FEED = 'https://outlet.example/rss.xml';

/** A draft as `npm run follow` writes one, with the quirks an editor's later edits leave (a comment, a flow list). */
export function draftText(options: {
  title: string;
  date: string;
  item: string;
  body?: string;
  rule?: string;
}): string {
  return `---
title: ${JSON.stringify(options.title)}
date: "${options.date}"
source:
  name: Outlet Example
  url: https://outlet.example/
tags: [Huawei,  5G]   # the editor's spacing and comment stay
canonical: ${options.item}
draft: true
followed:
  feed: ${FEED}
  item: ${options.item}
  rule: ${options.rule ?? 'keep "5G"'}
---

${options.body ?? 'Huawei opened a centre in Brussels.\n\nIt shows its 5G source code there.'}
`;
}

/** An article an editor wrote by hand, as a draft: no `followed` field. */
export const HAND_WRITTEN = `---
title: Notes on the centre
date: 2019-03-07
source:
  name: Our own
draft: true
---

My notes, not from a feed.
`;

/** A content folder with a topic, the given article files and, optionally, a state file. */
export async function makeContent(files: Record<string, string>, state?: string): Promise<string> {
  const content = await makeTempFolder('review');
  await mkdir(join(content, 'articles'), { recursive: true });
  await writeFile(
    join(content, 'topic.md'),
    `---\ntitle: Test digest\ndescription: A test.\nsite: https://dossier.example.org/\nfollow:\n  sources: [${FEED}]\n---\n\nAbout.\n`,
  );
  for (const [name, text] of Object.entries(files)) await writeFile(join(content, 'articles', name), text);
  if (state !== undefined) await writeFile(join(content, 'follow-state.yaml'), state);
  return content;
}
