import { contentTerms } from '../text/terms.js';

/** Two topic terms the question writes one after the other, stop-words skipped ("supply of coffee" → suppli, coffe). */
export type TopicPhrase = readonly [string, string];

/** The question's adjacent topic-term pairs: "European Political Community summit" holds three. */
export function topicPhrasesOf(question: string, topicTerms: readonly string[]): TopicPhrase[] {
  const topic = new Set(topicTerms);
  const terms = contentTerms(question);
  const phrases = new Map<string, TopicPhrase>();
  for (let index = 1; index < terms.length; index += 1) {
    const phrase: TopicPhrase = [terms[index - 1] as string, terms[index] as string];
    if (topic.has(phrase[0]) && topic.has(phrase[1])) phrases.set(phrase.join(' '), phrase);
  }
  return [...phrases.values()];
}

/**
 * Share of the phrases that the texts, as their content terms in order ({@link contentTerms}), write in the
 * question's order (1 when there is none): an article about the asked event writes "European Political
 * Community"; one about something near it shares the words, scattered.
 */
export function shareOfPhrasesWritten(phrases: readonly TopicPhrase[], termSequences: readonly (readonly string[])[]): number {
  if (phrases.length === 0) return 1;
  const seconds = new Map<string, Set<string>>();
  for (const [first, second] of phrases) seconds.set(first, (seconds.get(first) ?? new Set<string>()).add(second));
  const found = new Set<string>();
  for (const terms of termSequences) {
    for (let index = 1; index < terms.length; index += 1) {
      const [first, second] = [terms[index - 1] as string, terms[index] as string];
      if (seconds.get(first)?.has(second)) found.add(`${first} ${second}`);
    }
  }
  return found.size / phrases.length;
}
