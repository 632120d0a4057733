/** The `topic` collection's loader: the topic as `readTopic` checked it, with its About text rendered. */
import type { Loader } from 'astro/loaders';
import type { Topic } from './topic.ts';

export const TOPIC_ENTRY_ID = 'topic';

export function topicLoader(topic: Topic): Loader {
  return {
    name: 'dossier-topic',
    load: async ({ store, renderMarkdown, generateDigest }) => {
      const { about, ...settings } = topic;
      store.clear();
      store.set({ id: TOPIC_ENTRY_ID, data: settings, body: about, rendered: await renderMarkdown(about), digest: generateDigest(JSON.stringify(topic)) });
    },
  };
}
