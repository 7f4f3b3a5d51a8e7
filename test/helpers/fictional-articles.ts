import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Storydesk } from '../../src/app/storydesk.js';
import { openTestStorydesk } from './open-test-storydesk.js';

/** Clearly fictional news articles for tests, as markdown with front matter. */
export function fictionalArticle(index: number, overrides: { title?: string; body?: string; source?: string } = {}): string {
  const towns = ['Marlow Bay', 'Eastwick Falls', 'Port Ellery', 'Quillon', 'Harrowgate Springs', 'Velmont'];
  const topics = ['a new tram line', 'the harbour bridge repairs', 'a library expansion', 'the river cleanup', 'a solar farm', 'the night market'];
  const town = towns[index % towns.length] ?? 'Marlow Bay';
  const topic = topics[Math.floor(index / towns.length) % topics.length] ?? 'a new tram line';
  const title = overrides.title ?? `${town} council votes on ${topic} (${index})`;
  const body =
    overrides.body ??
    [
      `The fictional town council of ${town} voted 7-2 on Tuesday to approve ${topic}, officials said.`,
      `Mayor Odile Fenn told the Gazette that work would begin in spring and cost about ${index + 3}.5 million crowns.`,
      `Opponents argued that the plan ignored residents of the old quarter. A vote on funding is expected next month.`,
    ].join('\n\n');
  return `---\ntitle: "${title}"\nsource: ${overrides.source ?? 'The Fictional Gazette'}\npublished: 2031-03-${String((index % 27) + 1).padStart(2, '0')}\n---\n${body}\n`;
}

/** One article as markdown with front matter: a title, an outlet and a publication date. */
export function articleMarkdown(title: string, source: string, published: string, body: string): string {
  return `---\ntitle: "${title}"\nsource: ${source}\npublished: ${published}\n---\n${body}\n`;
}

/** A fictional sports report, published 2031-05-03, whose second sentence names the winner of the Harbour Rowing Cup. */
export const ROWING_CUP_REPORT = articleMarkdown(
  'Otters take the Harbour Rowing Cup',
  'The Fictional Gazette',
  '2031-05-03',
  [
    'Crowds lined the fictional harbour on Saturday for the final of the Harbour Rowing Cup.',
    'The Quillon Otters won the Harbour Rowing Cup, beating the Velmont Herons by two lengths in a race delayed by fog.',
    'It was their first title since 2019, coach Ada Brill said.',
    'They had lost the final three years in a row.',
  ].join(' '),
);

/**
 * Writes the given articles (file name → markdown) and six fictional council articles into `folder`, the small
 * corpus the answer tests ask against.
 */
export function writeFictionalCorpus(folder: string, articles: Record<string, string>): void {
  mkdirSync(folder, { recursive: true });
  for (const [name, markdown] of Object.entries(articles)) writeFileSync(join(folder, name), markdown);
  for (let index = 0; index < 6; index += 1) writeFileSync(join(folder, `council-${index}.md`), fictionalArticle(index));
}

/** A storydesk with its store in `folder`, having ingested the fictional corpus with the given articles. */
export async function openFictionalStorydesk(folder: string, articles: Record<string, string>): Promise<Storydesk> {
  const corpus = join(folder, 'corpus');
  writeFictionalCorpus(corpus, articles);
  const storydesk = await openTestStorydesk(join(folder, 'data'));
  await storydesk.ingest([corpus]);
  return storydesk;
}
