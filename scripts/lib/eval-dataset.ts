import { join } from 'node:path';
import { readJsonlFile } from './read-jsonl-file.js';

/** A RealTime QA question of ../shared/data (answerable or held-out: rtqa_questions.jsonl). */
export interface EvalQuestion {
  id: string;
  question: string;
  answer_text: string;
  week: string;
  date: string;
  relevant: string[];
  /** The articles about the question's event (a subset of `relevant`, which is every article holding the answer text). */
  relevant_strict?: string[];
}

/** An article of rtqa_corpus.jsonl, in storydesk's ingest format. */
export interface EvalCorpusRecord {
  id: string;
  title?: string;
  body: string;
  source?: string;
  url?: string;
  published?: string;
}

/**
 * The split `npm run eval` measures on: the articles of two held-out weeks (and every article relevant to their
 * questions) are kept out of the index, so those weeks' questions are "not in the corpus"; the other weeks'
 * questions are answerable; rtqa_unanswerable.jsonl adds questions of indexed weeks that no article answers.
 */
export interface EvalDataset {
  heldOutWeeks: ReadonlySet<string>;
  /** Every article of the data (indexed or not). */
  corpus: EvalCorpusRecord[];
  /** The articles indexed. */
  kept: EvalCorpusRecord[];
  questions: EvalQuestion[];
  answerable: EvalQuestion[];
  heldOut: EvalQuestion[];
  offCorpus: EvalQuestion[];
}

export const HELD_OUT_WEEKS: ReadonlySet<string> = new Set(['20251003', '20260327']);

/** The end of a RealTime QA week ("20251003"). */
function weekDate(week: string): Date {
  return new Date(`${week.slice(0, 4)}-${week.slice(4, 6)}-${week.slice(6, 8)}T23:59:59Z`);
}

/** Articles published within the week before one of the dates (RealTime QA weeks end on their date). */
function inWeekOf(record: EvalCorpusRecord, weekDates: Date[]): boolean {
  if (!record.published) return false;
  const published = Date.parse(record.published);
  if (Number.isNaN(published)) return false;
  return weekDates.some((date) => published > date.getTime() - 10 * 86_400_000 && published <= date.getTime() + 86_400_000);
}

/** When a question was asked: the end of its RealTime QA week (its articles were published by then). */
export function questionAskedAt(question: Pick<EvalQuestion, 'week'>): Date {
  return weekDate(question.week);
}

/** Reads the development data of `dataDir` (../shared/data) and splits it as `npm run eval` does. */
export function loadEvalDataset(dataDir: string): EvalDataset {
  const questions = readJsonlFile<EvalQuestion>(join(dataDir, 'rtqa_questions.jsonl'));
  // Questions of indexed weeks whose answer no article holds: the unanswerable set next to the held-out weeks.
  const offCorpus = readJsonlFile<EvalQuestion>(join(dataDir, 'rtqa_unanswerable.jsonl'));
  const corpus = readJsonlFile<EvalCorpusRecord>(join(dataDir, 'rtqa_corpus.jsonl'));
  const heldOut = questions.filter((question) => HELD_OUT_WEEKS.has(question.week));
  const answerable = questions.filter((question) => !HELD_OUT_WEEKS.has(question.week));
  const heldOutDates = [...HELD_OUT_WEEKS].map(weekDate);
  const heldOutRelevant = new Set(heldOut.flatMap((question) => question.relevant));
  const kept = corpus.filter((record) => !heldOutRelevant.has(record.id) && !inWeekOf(record, heldOutDates));
  return { heldOutWeeks: HELD_OUT_WEEKS, corpus, kept, questions, answerable, heldOut, offCorpus };
}

/** The questions `npm run eval` asks, in its order: answerable, held-out weeks, then unanswerable of indexed weeks. */
export function askedQuestions(dataset: EvalDataset): EvalQuestion[] {
  return [...dataset.answerable, ...dataset.heldOut, ...dataset.offCorpus];
}

/** An answerable question asked as if its week had never been indexed: these articles are left out of retrieval. */
export interface WeekLeftOutQuestion extends EvalQuestion {
  excludeArticleIds: string[];
}

/**
 * Leave-one-week-out unanswerable questions: every answerable question asked without its own week's articles
 * and without every article holding its answer text (`relevant`), so the answer is in no article it can
 * retrieve. The news the question is about is missing while the rest of the corpus, often about something
 * near it, stays: the case where a bot answers from another week's article.
 */
export function weekLeftOutQuestions(dataset: EvalDataset): WeekLeftOutQuestion[] {
  const indexed = new Set(dataset.kept.map((record) => record.id));
  const weekArticles = new Map<string, string[]>();
  for (const week of new Set(dataset.answerable.map((question) => question.week))) {
    weekArticles.set(week, dataset.kept.filter((record) => inWeekOf(record, [weekDate(week)])).map((record) => record.id));
  }
  return dataset.answerable.map((question) => {
    const left = new Set([...(weekArticles.get(question.week) ?? []), ...question.relevant.filter((id) => indexed.has(id))]);
    return { ...question, id: `${question.id}-week-left-out`, excludeArticleIds: [...left].sort() };
  });
}
