import { readFileSync } from 'node:fs';
import { articleSentences } from './src/events/eventSentences.ts';
import { suggestEvents } from './src/events/eventExtraction.ts';
for (const f of ['ru/novost-tsentr-bryussel', 'de/analyse-risikobewertung', 'ja/kiji-beikoku-kisei', 'fr/depeche-centre-bruxelles']) {
  const text = readFileSync(`tests/fixtures/events/${f}.md`, 'utf8').split('---\n')[2]!;
  const lang = f.split('/')[0]!;
  console.log(articleSentences(text, lang));
  for (const c of suggestEvents(text, readFileSync(`tests/fixtures/events/${f}.md`, 'utf8').match(/date: (\S+)/)![1]!, lang)) console.log('  ', c.date, JSON.stringify(c.phrase), '→', c.text);
}
