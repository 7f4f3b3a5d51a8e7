/**
 * The retrieval bench behind research/eval-embedder.ts: RealTime QA articles cut into ~3-sentence / ~500-char
 * passages, BM25 over them (SQLite FTS5, the store's tokenizer), exact dense search, reciprocal rank fusion,
 * and article-level Recall@10 / MRR@10 on a development and a held-out split of the questions.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { toSafeFtsQuery } from '../src/providers/sqlite-fts-query.js';
import { retrievalScores, type RetrievalScores, uniqueInOrder } from '../scripts/lib/metrics.js';
import { readJsonlFile } from '../scripts/lib/read-jsonl-file.js';
import { isHeldOutQuestion } from '../scripts/lib/rtqa-split.js';

export interface EvalPassage {
  articleId: string;
  text: string;
}

export interface EvalQuestion {
  id: string;
  question: string;
  relevant: Set<string>;
  /** Held out: never used to choose settings (about 30%, by a hash of the question id). */
  heldOut: boolean;
}

/** Reads the RTQA corpus and questions from the shared data folder. */
export function loadRtqa(dataDir: string, leadPassagesPerArticle?: number): { passages: EvalPassage[]; questions: EvalQuestion[]; articles: number } {
  const readJsonl = (file: string): Record<string, unknown>[] => readJsonlFile(join(dataDir, file));
  const articles = readJsonl('rtqa_corpus.jsonl');
  const passages: EvalPassage[] = [];
  for (const article of articles) {
    const chunks = chunkArticle(String(article.title ?? ''), String(article.body ?? ''));
    for (const text of chunks.slice(0, leadPassagesPerArticle ?? chunks.length)) passages.push({ articleId: String(article.id), text });
  }
  const questions = readJsonl('rtqa_questions.jsonl').map((record) => {
    const id = String(record.id);
    return {
      id,
      question: String(record.question),
      relevant: new Set((record.relevant as string[]) ?? []),
      heldOut: isHeldOutQuestion(id),
    };
  });
  return { passages, questions, articles: articles.length };
}


/** A simple stand-in for the app's chunker: sentences grouped up to 3 or ~500 characters; the title opens passage 1. */
export function chunkArticle(title: string, body: string): string[] {
  const sentences = splitSentences(body);
  const passages: string[] = [];
  let current: string[] = title.trim() !== '' ? [title.trim()] : [];
  let length = 0;
  let count = 0;
  for (const sentence of sentences) {
    if (count > 0 && (count >= 3 || length + sentence.length > 500)) {
      passages.push(current.join(' '));
      current = [];
      length = 0;
      count = 0;
    }
    current.push(sentence);
    length += sentence.length;
    count++;
  }
  if (current.length > 0) passages.push(current.join(' '));
  return passages;
}

/** Sentences of a text (a simple rule: end mark, space, capital or digit). */
export function splitSentences(text: string): string[] {
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?]["”’')]?)\s+(?=["“‘(]?[A-Z0-9])/u)
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 0);
}

/** BM25 over the passages with FTS5 in memory (porter unicode61, as the store); returns passage indices per query. */
export function bm25Rankings(passages: EvalPassage[], queries: string[], depth: number): number[][] {
  const database = new Database(':memory:');
  database.exec("CREATE VIRTUAL TABLE passages USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2')");
  const insert = database.prepare('INSERT INTO passages (rowid, text) VALUES (?, ?)');
  database.transaction(() => passages.forEach((passage, index) => insert.run(index, passage.text)))();
  const search = database.prepare('SELECT rowid FROM passages WHERE passages MATCH ? ORDER BY bm25(passages) LIMIT ?');
  const rankings = queries.map((query) => {
    const match = toSafeFtsQuery(query);
    return match === null ? [] : (search.all(match, depth) as { rowid: number }[]).map((row) => row.rowid);
  });
  database.close();
  return rankings;
}

/** Exact cosine search (vectors are unit length): passage indices, best first. */
export function denseRankings(passageVectors: Float32Array[], queryVectors: Float32Array[], depth: number): number[][] {
  const scores = new Float32Array(passageVectors.length);
  return queryVectors.map((query) => {
    passageVectors.forEach((vector, index) => {
      let sum = 0;
      for (let i = 0; i < vector.length; i++) sum += (vector[i] as number) * (query[i] as number);
      scores[index] = sum;
    });
    // Keep the candidates above the depth-th best score before sorting: a full sort of 45k per query is slow.
    const threshold = Float32Array.from(scores).sort()[Math.max(0, scores.length - depth)] ?? Number.NEGATIVE_INFINITY;
    const candidates: number[] = [];
    scores.forEach((score, index) => {
      if (score >= threshold) candidates.push(index);
    });
    return candidates.sort((a, b) => (scores[b] as number) - (scores[a] as number)).slice(0, depth);
  });
}

/** Reciprocal rank fusion (k = 60) of passage rankings. */
export function fuseRankings(rankings: number[][][], depth: number): number[][] {
  const queries = rankings[0]?.length ?? 0;
  return Array.from({ length: queries }, (_, query) => {
    const scores = new Map<number, number>();
    for (const ranking of rankings) {
      (ranking[query] ?? []).forEach((passage, rank) => scores.set(passage, (scores.get(passage) ?? 0) + 1 / (60 + rank + 1)));
    }
    return [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, depth).map(([passage]) => passage);
  });
}

/** Article-level scores of passage rankings on the development and held-out questions. */
export function scoreSplits(passageRankings: number[][], passages: EvalPassage[], questions: EvalQuestion[]): { dev: RetrievalScores; heldOut: RetrievalScores } {
  const articleRankings = passageRankings.map((ranking) => uniqueInOrder(ranking.map((index) => passages[index]?.articleId ?? '')).slice(0, 10));
  const pick = (heldOut: boolean): RetrievalScores => {
    const indices = questions.map((question, index) => (question.heldOut === heldOut ? index : -1)).filter((index) => index >= 0);
    return retrievalScores(
      indices.map((index) => articleRankings[index] ?? []),
      indices.map((index) => questions[index]?.relevant ?? new Set<string>()),
    );
  };
  return { dev: pick(false), heldOut: pick(true) };
}

/** BM25 rankings with their scores (higher is better: FTS5's bm25() negated). */
export function bm25ScoredRankings(passages: EvalPassage[], queries: string[], depth: number): { ids: number[]; scores: number[] }[] {
  const database = new Database(':memory:');
  database.exec("CREATE VIRTUAL TABLE passages USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2')");
  const insert = database.prepare('INSERT INTO passages (rowid, text) VALUES (?, ?)');
  database.transaction(() => passages.forEach((passage, index) => insert.run(index, passage.text)))();
  const search = database.prepare('SELECT rowid, bm25(passages) AS score FROM passages WHERE passages MATCH ? ORDER BY score LIMIT ?');
  const rankings = queries.map((query) => {
    const match = toSafeFtsQuery(query);
    const rows = match === null ? [] : (search.all(match, depth) as { rowid: number; score: number }[]);
    return { ids: rows.map((row) => row.rowid), scores: rows.map((row) => -row.score) };
  });
  database.close();
  return rankings;
}

/** Weighted reciprocal rank fusion of passage rankings (weights per list, constant k). */
export function fuseRankingsWeighted(rankings: number[][][], weights: number[], k: number, depth: number): number[][] {
  const queries = rankings[0]?.length ?? 0;
  return Array.from({ length: queries }, (_, query) => {
    const scores = new Map<number, number>();
    rankings.forEach((ranking, list) => {
      (ranking[query] ?? []).forEach((passage, rank) => scores.set(passage, (scores.get(passage) ?? 0) + (weights[list] ?? 1) / (k + rank + 1)));
    });
    return [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, depth).map(([passage]) => passage);
  });
}

/**
 * Convex score fusion: each list's scores min-max normalised over its own top `depth` (absent = 0), then
 * λ · lexical + (1 − λ) · dense.
 */
export function fuseScoresConvex(lexical: { ids: number[]; scores: number[] }[], dense: { ids: number[]; scores: number[] }[], lexicalShare: number, depth: number): number[][] {
  const normalised = (list: { ids: number[]; scores: number[] }): Map<number, number> => {
    const high = Math.max(...list.scores);
    const low = Math.min(...list.scores);
    return new Map(list.ids.map((id, index) => [id, high > low ? ((list.scores[index] as number) - low) / (high - low) : 1]));
  };
  return lexical.map((lexicalList, query) => {
    const denseList = dense[query] ?? { ids: [], scores: [] };
    const a = lexicalList.ids.length > 0 ? normalised(lexicalList) : new Map<number, number>();
    const b = denseList.ids.length > 0 ? normalised(denseList) : new Map<number, number>();
    const ids = new Set([...a.keys(), ...b.keys()]);
    return [...ids]
      .map((id) => [id, lexicalShare * (a.get(id) ?? 0) + (1 - lexicalShare) * (b.get(id) ?? 0)] as const)
      .sort((x, y) => y[1] - x[1])
      .slice(0, depth)
      .map(([id]) => id);
  });
}
