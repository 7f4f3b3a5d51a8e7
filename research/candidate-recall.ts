/**
 * Where the sentence holding a development question's gold answer sits before the learned ranker sees it: not
 * retrieved at all (and then whether a deeper search or the store has it), retrieved but cut by the first-stage
 * score of rank-sentences.ts, or among the ranked candidates; and the rank it gets under alternative cheap
 * first-stage scores. Reads the store that `npm run eval` built.
 *
 *   npx tsx research/candidate-recall.ts --work /tmp/eval [--context-articles 5]
 *
 * Findings (2026-12-05, the eval store of main): of 108 answerable questions the gold is in some candidate for
 * 81 and in the 24 ranked ones for 69; of the 27 others, 6 hold it elsewhere in an evidence article outside the
 * top 3 (read with --context-articles 5: 86 and 74), 4 in a passage of a 40-passage search, 17 only in an
 * indexed article that retrieval did not bring. A cheap answer-kind cue (+0.2) puts 71 within 24 (77 with 5
 * context articles). Neither reached the reply: retrained, the kind cue gave out-of-fold top-1 37.0% (36.1%)
 * but 51.9% right end to end (52.8%) with 9.3% abstention on answerable (7.4%); with 5 context articles too,
 * top-1 33.3%, 50.9% right, 11.1% abstention and ask p95 114 ms (the extra passages are read for disputes).
 * Both were left out: the learned ranker, not the candidate list, is what loses most answers it could reach.
 * With context articles read to 60 passages each (src/app/storydesk.ts), the gold is in some candidate for 77
 * and within 24 for 70 (72 with the kind cue).
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cleanQuestion } from '../src/answer/clean-question.js';
import { corpusTermWeights } from '../src/answer/corpus-term-weights.js';
import { type EvidenceSentence, evidenceSentences } from '../src/answer/evidence-sentence.js';
import { looksLikeInstruction } from '../src/answer/instruction-cues.js';
import { type QuestionIntent, readQuestion } from '../src/answer/question-intent.js';
import { evidenceTermsByArticle, firstStageScore, RANKED_CANDIDATES } from '../src/answer/rank-sentences.js';
import { type TopicWeights, topicWeights } from '../src/answer/topic-weights.js';
import { createLogger } from '../src/app/logger.js';
import { openStorydesk } from '../src/app/open-storydesk.js';
import { loadConfig } from '../src/config/load-config.js';
import { loadEvalDataset } from '../scripts/lib/eval-dataset.js';
import { normalizeForMatch } from '../scripts/lib/metrics.js';
import { sharedDataDir } from '../scripts/lib/shared-data.js';

/** One way to order the candidates before the learned ranker: higher first. */
type FirstStageScore = (sentence: EvidenceSentence, input: ScoreInput) => number;

interface ScoreInput {
  topic: TopicWeights;
  intent: QuestionIntent;
  contextTerms: Map<string, Set<string>>;
}

const YEAR_OR_DATE = /\b(?:1[89]\d\d|20\d\d|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;
const NUMBER = /\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|hundred|thousand|million|billion|percent)\b/i;
/** A capitalised word written mid-sentence: a cheap stand-in for a name. */
const MID_CAPITAL = /[a-z,;:]\s+\p{Lu}\p{Ll}+/u;

/** Whether the sentence has, cheaply read, something of the kind the question expects. */
function cheapKindMatch(sentence: EvidenceSentence, intent: QuestionIntent): number {
  switch (intent.expected) {
    case 'date':
      return YEAR_OR_DATE.test(sentence.text) ? 1 : 0;
    case 'quantity':
      return NUMBER.test(sentence.text) ? 1 : 0;
    case 'person':
    case 'name':
      return MID_CAPITAL.test(sentence.text) ? 1 : 0;
    default:
      return 0;
  }
}

const context = (sentence: EvidenceSentence, input: ScoreInput): number => input.topic.coverage(articleContext(sentence, input));
const articleContext = (sentence: EvidenceSentence, input: ScoreInput): ReadonlySet<string> => input.contextTerms.get(sentence.article.id) ?? new Set();
const rareShare = (sentence: EvidenceSentence, input: ScoreInput): number =>
  input.topic.rarest.length === 0 ? 0 : input.topic.rarest.filter((term) => sentence.terms.has(term)).length / input.topic.rarest.length;
/** The shipped first-stage score (rank-sentences.ts), which the other variants add to or reweigh. */
const shipped = (s: EvidenceSentence, i: ScoreInput): number => firstStageScore(s, i.topic.coverage, articleContext(s, i));

const SCORES: Record<string, FirstStageScore> = {
  current: shipped,
  kind01: (s, i) => shipped(s, i) + 0.1 * cheapKindMatch(s, i.intent),
  kind02: (s, i) => shipped(s, i) + 0.2 * cheapKindMatch(s, i.intent),
  kind03: (s, i) => shipped(s, i) + 0.3 * cheapKindMatch(s, i.intent),
  kind05: (s, i) => shipped(s, i) + 0.5 * cheapKindMatch(s, i.intent),
  rare02: (s, i) => shipped(s, i) + 0.2 * rareShare(s, i),
  kindRare: (s, i) => shipped(s, i) + 0.15 * cheapKindMatch(s, i.intent) + 0.15 * rareShare(s, i),
  noContext: (s, i) => shipped(s, i) - 0.3 * context(s, i),
  context06: (s, i) => shipped(s, i) + 0.3 * context(s, i),
  passage03: (s, i) => shipped(s, i) + 0.2 / (1 + s.passageRank),
};

async function main(): Promise<void> {
  const dataDir = sharedDataDir();
  if (!dataDir) {
    console.log('candidate-recall: skipped — ../shared/data is not present.');
    return;
  }
  const { values } = parseArgs({ options: { work: { type: 'string' }, 'context-articles': { type: 'string' } } });
  const contextArticles = Number(values['context-articles'] ?? 3);
  const work = values.work !== undefined ? resolve(values.work) : resolve(import.meta.dirname, '../.cache/eval');
  const dataset = loadEvalDataset(dataDir);
  const storydesk = await openStorydesk({ dataDir: join(work, 'data'), env: loadConfig({}), logger: createLogger('warn') });
  const weights = corpusTermWeights(storydesk.store);
  const ranks = new Map<string, number[]>(Object.keys(SCORES).map((name) => [name, []]));
  const misses = { inTopArticleBody: 0, inDeeperSearch: 0, inStore: 0, nowhere: 0 };
  let inPool = 0;
  for (const question of dataset.answerable) {
    const gold = normalizeForMatch(question.answer_text);
    const holds = (text: string): boolean => normalizeForMatch(text).includes(gold);
    const request = await storydesk.gatherEvidence(question.question);
    // The rest of more evidence articles than the app reads (it reads the top 3).
    const used = new Set([...request.evidence, ...(request.context ?? [])].map((item) => item.passage.id));
    const articles = [...new Map(request.evidence.map((item) => [item.article.id, item])).values()].slice(3, contextArticles);
    for (const item of articles) {
      for (const passage of await storydesk.store.getArticlePassages(item.article.id)) {
        if (!used.has(passage.id)) request.context?.push({ passage, article: item.article, body: item.body, score: 0 });
      }
    }
    const text = cleanQuestion(request.question);
    const intent = readQuestion(text);
    const pool = evidenceSentences(request.evidence, request.context);
    const candidates = pool.filter((sentence) => !sentence.text.trimEnd().endsWith('?') && !looksLikeInstruction(sentence.text));
    if (!candidates.some((sentence) => holds(sentence.text))) {
      const bodies = request.evidence.map((item) => item.body);
      const deeper = await storydesk.search(question.question, { k: 40 });
      const relevant = await Promise.all(question.relevant.map((id) => storydesk.store.getArticle(id)));
      if (bodies.some(holds)) misses.inTopArticleBody += 1;
      else if (deeper.some((hit) => holds(hit.passage.text))) misses.inDeeperSearch += 1;
      else if (relevant.some((article) => article != null && holds(article.body))) misses.inStore += 1;
      else misses.nowhere += 1;
      continue;
    }
    inPool += 1;
    const topic = topicWeights(intent.topicTerms, await weights(text));
    const contextTerms = evidenceTermsByArticle(request.evidence);
    const input: ScoreInput = { topic, intent, contextTerms };
    for (const [name, score] of Object.entries(SCORES)) {
      const order = candidates
        .map((sentence) => ({ sentence, score: score(sentence, input) }))
        .sort((a, b) => b.score - a.score || a.sentence.passageRank - b.sentence.passageRank || a.sentence.order - b.sentence.order);
      ranks.get(name)?.push(order.findIndex((item) => holds(item.sentence.text)));
    }
  }
  await storydesk.close();
  console.log(`${dataset.answerable.length} answerable questions, the rest of the top ${contextArticles} evidence articles read; gold in some candidate for ${inPool}.`);
  console.log(
    `Not in any candidate: in the body of an evidence article ${misses.inTopArticleBody}, in a passage of a 40-passage search ${misses.inDeeperSearch}, in an indexed relevant article only ${misses.inStore}, nowhere indexed ${misses.nowhere}.`,
  );
  for (const [name, list] of ranks) {
    const within = (k: number): number => list.filter((rank) => rank >= 0 && rank < k).length;
    const mrr = list.reduce((sum, rank) => sum + (rank >= 0 ? 1 / (rank + 1) : 0), 0) / Math.max(list.length, 1);
    console.log(`${name.padEnd(10)} gold within 1: ${within(1)}, 8: ${within(8)}, ${RANKED_CANDIDATES}: ${within(RANKED_CANDIDATES)}, 36: ${within(36)}, 48: ${within(48)}; MRR ${mrr.toFixed(3)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
