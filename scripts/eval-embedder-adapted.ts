/**
 * Issue 8, "adapt to the corpus": does a word channel weighted by statistics of the indexed passages themselves
 * (document frequencies, passage lengths — no labels, the information BM25 uses) make dense-only retrieval reach
 * BM25? The semantic channel is the shipped table (int8 rows, as the app embeds); the word channel is rebuilt
 * per variant; the score is the cosine of the concatenated unit channels, α · semantic + (1 − α) · words.
 *
 * Two benches, each with its own corpus statistics (as a store would have): the RTQA questions over passages with
 * titles (dev / held-out split of eval-embedder-corpus.ts), and 400 titles → untitled articles
 * (eval-embedder-titles.ts). Choose on dev; held-out and titles only confirm.
 *
 *   nice -n 10 npx tsx scripts/eval-embedder-adapted.ts [--set main|norm|ip|buckets|semantic|split|terms|saturation|all] [--alphas 0.7,0.5,0.3]
 *   nice -n 10 npx tsx scripts/eval-embedder-adapted.ts --set lsa [--lsa-dimensions 256]
 *
 * Each set takes 1–2 minutes on one core. Results: models/static-use-lite/PROVENANCE.md, "Corpus-adapted word
 * channel (session 4)".
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { stemmer } from 'stemmer';
import { forEachWord } from '../src/providers/embedders/hashed-word-features.js';
import type { VocabularyEntry } from '../src/providers/embedders/sentence-piece-tokenizer.js';
import { DEFAULT_STATIC_TABLE, StaticEmbedder } from '../src/providers/embedders/static-embedder.js';
import { decodeTable, type StaticTable } from '../src/providers/embedders/static-embedding-table.js';
import { readUseVocabulary } from '../src/providers/embedders/use-model-files.js';
import { bm25Rankings, chunkArticle, fuseRankingsWeighted, isHeldOutQuestion, loadRtqa } from './eval-embedder-corpus.js';
import { retrievalScores, type RetrievalScores, uniqueInOrder } from './lib/metrics.js';
import { fitLatentSpace, projectToLatent, type SparseRow } from './lib/latent-semantic-space.js';
import { sharedDataDir } from './lib/shared-data.js';
import { toSafeFtsQuery } from '../src/providers/sqlite-fts-query.js';
import { readJsonlFile } from './lib/read-jsonl-file.js';

const DEPTH = 100;

/** A text as words: distinct word indices, term frequency, summed SIF weight of the occurrences, length in words. */
interface WordBag {
  words: Int32Array;
  tf: Float32Array;
  sif: Float32Array;
  length: number;
}

interface Query {
  ids: number[];
  bag: WordBag;
  textBag: WordBag;
  /** The terms of the store's FTS5 query for the text (stop words and question words dropped), split as text. */
  ftsBag: WordBag;
  relevant: Set<string>;
  /** Undefined for the titles bench (one split). */
  heldOut?: boolean;
}

interface Bench {
  name: string;
  passageArticles: string[];
  passageIds: number[][];
  passageBags: WordBag[];
  /** The same texts as words split like SQLite's unicode61 tokenizer (no SentencePiece), Porter-stemmed. */
  passageTextBags: WordBag[];
  queries: Query[];
  bm25: number[][];
  /** Corpus statistics over this bench's passages. */
  wordDf: Float64Array;
  textDf: Float64Array;
  pieceDf: Float64Array;
  averageLength: number;
  averageTextLength: number;
}

/** How a word's weight in one text is computed. */
interface WordWeighting {
  /** Document side. sif = tf × SIF (shipped); idf = tf × idf; bm25 = saturated tf × idf; sat = saturated tf only. */
  document: 'sif' | 'idf' | 'bm25' | 'sat' | 'logidf';
  /** Query side. */
  query: 'sif' | 'idf' | 'tfidf' | 'idf2' | 'binary';
  k1: number;
  b: number;
  /** pieces = words re-assembled from SentencePiece pieces (shipped); text = split like unicode61. */
  split: 'pieces' | 'text';
  /** Query words: all (of the split) or only the store's FTS5 query terms (text split on both sides). */
  queryTerms: 'all' | 'fts';
  /** plus = log(1 + (N − df + .5)/(df + .5)); fts = SQLite's max(1e-6, log((N − df + .5)/(df + .5))). */
  idf: 'plus' | 'fts';
  /** Hashed buckets (0 = exact, one dimension per word: the collision-free upper bound). */
  buckets: number;
  hashes: number;
  /** SIF constant (sif weighting only). */
  sifA: number;
  /**
   * Length of a passage's word vector. unit = cosine (shipped). pivot = the L2 norm replaced by
   * (1 − s) · mean norm + s · norm (s = `pivot`), so long passages are not flattened to the same length: the
   * concatenated vector is then re-normalised as a whole (the index is cosine), which the scores below reproduce.
   * ip = divided by the mean norm and NOT re-normalised as a whole: an inner-product score, which a cosine index
   * can still rank exactly if every passage vector gets one extra padding dimension sqrt(M² − |v|²) (the query 0).
   */
  documentNorm: 'unit' | 'pivot' | 'ip';
  pivot: number;
}

const SHIPPED_WORDS: WordWeighting = { document: 'sif', query: 'sif', k1: 1.2, b: 0.75, buckets: 512, hashes: 2, sifA: 1e-4, documentNorm: 'unit', pivot: 1, split: 'pieces', idf: 'plus', queryTerms: 'all' };

/** Word vocabulary shared by both benches: stemmed key → index, and its signed hashed buckets per setting. */
class WordVocabulary {
  readonly keys: string[] = [];
  readonly #index = new Map<string, number>();
  readonly #vocabulary: readonly VocabularyEntry[];

  constructor(vocabulary: readonly VocabularyEntry[]) {
    this.#vocabulary = vocabulary;
  }

  /** The words of a tokenized text, assembled by the shipped channel's own `forEachWord`. */
  bag(ids: readonly number[], sifA: number): WordBag {
    const tf = new Map<number, number>();
    const sif = new Map<number, number>();
    let length = 0;
    forEachWord(ids, this.#vocabulary, (key, logProbability) => {
      const index = this.#indexOf(key);
      tf.set(index, (tf.get(index) ?? 0) + 1);
      sif.set(index, (sif.get(index) ?? 0) + sifA / (sifA + Math.exp(logProbability)));
      length++;
    });
    const words = Int32Array.from(tf.keys());
    return { words, tf: Float32Array.from(words, (w) => tf.get(w) ?? 0), sif: Float32Array.from(words, (w) => sif.get(w) ?? 0), length };
  }

  /** Words split on anything but letters, digits and marks (as unicode61), lower-cased and stemmed; no SIF. */
  textBag(text: string): WordBag {
    const tf = new Map<number, number>();
    let length = 0;
    for (const word of text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}\p{M}]+/gu) ?? []) {
      const index = this.#indexOf(stemmer(word));
      tf.set(index, (tf.get(index) ?? 0) + 1);
      length++;
    }
    const words = Int32Array.from(tf.keys());
    return { words, tf: Float32Array.from(words, (w) => tf.get(w) ?? 0), sif: new Float32Array(words.length), length };
  }

  #indexOf(key: string): number {
    let index = this.#index.get(key);
    if (index === undefined) {
      index = this.keys.length;
      this.keys.push(key);
      this.#index.set(key, index);
    }
    return index;
  }

  /** Signed buckets of every word for one hashing setting (the shipped channel's hash functions). */
  buckets(dimensions: number, hashes: number): { bucket: Int32Array; sign: Float32Array } {
    const bucket = new Int32Array(this.keys.length * hashes);
    const sign = new Float32Array(this.keys.length * hashes);
    this.keys.forEach((key, index) => {
      let hash = 0x811c9dc5;
      for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193) >>> 0;
      for (let h = 0; h < hashes; h++) {
        const mixed = finalize((hash + Math.imul(h + 1, 0x9e3779b9)) >>> 0);
        bucket[index * hashes + h] = (mixed >>> 1) % dimensions;
        sign[index * hashes + h] = mixed & 1 ? 1 : -1;
      }
    });
    return { bucket, sign };
  }
}

function finalize(value: number): number {
  let h = value;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const readJsonl = (dataDir: string, file: string): Record<string, unknown>[] => readJsonlFile(join(dataDir, file));

function buildBench(name: string, passages: { articleId: string; text: string }[], queries: { text: string; relevant: Set<string>; heldOut?: boolean }[], embedder: StaticEmbedder, words: WordVocabulary, pieces: number): Bench {
  const passageIds = passages.map((passage) => embedder.tokenize(passage.text));
  const passageBags = passageIds.map((ids) => words.bag(ids, SHIPPED_WORDS.sifA));
  const passageTextBags = passages.map((passage) => words.textBag(passage.text));
  const builtQueries: Query[] = queries.map((query) => {
    const ids = embedder.tokenize(query.text);
    const built: Query = { ids, bag: words.bag(ids, SHIPPED_WORDS.sifA), textBag: words.textBag(query.text), ftsBag: words.textBag((toSafeFtsQuery(query.text) ?? '').replace(/"|\bOR\b/g, ' ')), relevant: query.relevant };
    if (query.heldOut !== undefined) built.heldOut = query.heldOut;
    return built;
  });
  // Both word splits share one index space; their statistics are kept apart (a key seen by both is counted per split).
  const wordDf = new Float64Array(words.keys.length);
  const textDf = new Float64Array(words.keys.length);
  let totalLength = 0;
  let totalTextLength = 0;
  for (const bag of passageBags) {
    for (const word of bag.words) wordDf[word] = (wordDf[word] ?? 0) + 1;
    totalLength += bag.length;
  }
  for (const bag of passageTextBags) {
    for (const word of bag.words) textDf[word] = (textDf[word] ?? 0) + 1;
    totalTextLength += bag.length;
  }
  const pieceDf = new Float64Array(pieces);
  for (const ids of passageIds) for (const id of new Set(ids)) pieceDf[id] = (pieceDf[id] ?? 0) + 1;
  return {
    name,
    passageArticles: passages.map((passage) => passage.articleId),
    passageIds,
    passageBags,
    passageTextBags,
    queries: builtQueries,
    textDf,
    averageTextLength: totalTextLength / passages.length,
    bm25: bm25Rankings(passages, queries.map((query) => query.text), DEPTH),
    wordDf,
    pieceDf,
    averageLength: totalLength / passages.length,
  };
}

/** BM25's idf (the +1 form, never negative); words the corpus has never seen get the largest value. */
const idfOf = (df: number, n: number): number => Math.log(1 + (n - df + 0.5) / (df + 0.5));

/** The unit word-channel vector of a bag as sparse (bucket, value) pairs. */
function wordVector(bag: WordBag, side: 'document' | 'query', weighting: WordWeighting, bench: Bench, hashing: { bucket: Int32Array; sign: Float32Array }): { indices: Int32Array; values: Float32Array; norm: number } {
  const n = bench.passageBags.length;
  const df = weighting.split === 'text' ? bench.textDf : bench.wordDf;
  const averageLength = weighting.split === 'text' ? bench.averageTextLength : bench.averageLength;
  const out = new Map<number, number>();
  for (let k = 0; k < bag.words.length; k++) {
    const word = bag.words[k] as number;
    const tf = bag.tf[k] as number;
    const idf = weighting.idf === 'fts' ? Math.max(1e-6, Math.log((n - (df[word] ?? 0) + 0.5) / ((df[word] ?? 0) + 0.5))) : idfOf(df[word] ?? 0, n);
    const saturated = (tf * (weighting.k1 + 1)) / (tf + weighting.k1 * (1 - weighting.b + (weighting.b * bag.length) / averageLength));
    let weight: number;
    if (side === 'document') {
      weight = { sif: bag.sif[k] as number, idf: tf * idf, bm25: saturated * idf, sat: saturated, logidf: (1 + Math.log(tf)) * idf }[weighting.document];
    } else {
      weight = { sif: bag.sif[k] as number, idf, tfidf: tf * idf, idf2: idf * idf, binary: 1 }[weighting.query];
    }
    if (weighting.buckets === 0) {
      out.set(word, (out.get(word) ?? 0) + weight);
      continue;
    }
    for (let h = 0; h < weighting.hashes; h++) {
      const slot = word * weighting.hashes + h;
      const bucket = hashing.bucket[slot] as number;
      out.set(bucket, (out.get(bucket) ?? 0) + (hashing.sign[slot] as number) * weight);
    }
  }
  let norm = 0;
  for (const value of out.values()) norm += value * value;
  const inverse = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  const indices = Int32Array.from(out.keys());
  return { indices, values: Float32Array.from(indices, (index) => (out.get(index) ?? 0) * inverse), norm: Math.sqrt(norm) };
}

/**
 * scores[q][p]: word-channel dot product of query q's unit vector and passage p's word vector; lengths[p]: the
 * length of passage p's word vector (1 unless `documentNorm` is pivot).
 */
function wordScores(bench: Bench, weighting: WordWeighting, words: WordVocabulary): { scores: Float32Array[]; lengths: Float32Array } {
  const hashing = weighting.buckets > 0 ? words.buckets(weighting.buckets, weighting.hashes) : { bucket: new Int32Array(0), sign: new Float32Array(0) };
  const postings = new Map<number, { passages: number[]; values: number[] }>();
  const bags = weighting.split === 'text' ? bench.passageTextBags : bench.passageBags;
  const vectors = bags.map((bag) => wordVector(bag, 'document', weighting, bench, hashing));
  let meanNorm = 0;
  for (const vector of vectors) meanNorm += vector.norm / vectors.length;
  const lengths = Float32Array.from(vectors, (vector) =>
    weighting.documentNorm === 'unit' || vector.norm === 0
      ? 1
      : weighting.documentNorm === 'ip'
        ? vector.norm / meanNorm
        : vector.norm / ((1 - weighting.pivot) * meanNorm + weighting.pivot * vector.norm),
  );
  vectors.forEach((vector, p) => {
    const length = lengths[p] as number;
    vector.indices.forEach((index, k) => {
      let list = postings.get(index);
      if (list === undefined) {
        list = { passages: [], values: [] };
        postings.set(index, list);
      }
      list.passages.push(p);
      list.values.push((vector.values[k] as number) * length);
    });
  });
  const scores = bench.queries.map((query) => {
    const scores = new Float32Array(bench.passageBags.length);
    const queryBag = weighting.queryTerms === 'fts' ? query.ftsBag : weighting.split === 'text' ? query.textBag : query.bag;
    const vector = wordVector(queryBag, 'query', weighting, bench, hashing);
    vector.indices.forEach((index, k) => {
      const list = postings.get(index);
      if (list === undefined) return;
      const value = vector.values[k] as number;
      for (let i = 0; i < list.passages.length; i++) {
        const p = list.passages[i] as number;
        scores[p] = (scores[p] as number) + value * (list.values[i] as number);
      }
    });
    return scores;
  });
  return { scores, lengths };
}

/**
 * semanticScores[q][p]: cosine of the semantic channel (shipped int8 rows, as the app embeds), each piece's row
 * optionally multiplied by idf(piece)^power over this bench's passages (corpus idf fused with the rows' SIF).
 */
function semanticScores(bench: Bench, table: StaticTable, idfPower: number): Float32Array[] {
  const { scales, values, header } = table;
  const d = header.dimensions;
  const n = bench.passageIds.length;
  const pieceWeight = Float32Array.from(bench.pieceDf, (df) => (idfPower === 0 ? 1 : idfOf(df, n) ** idfPower));
  const embed = (ids: readonly number[], out: Float32Array): void => {
    out.fill(0);
    for (const id of ids) {
      const scale = (scales[id] ?? 0) * (pieceWeight[id] ?? 0);
      if (scale === 0) continue;
      const offset = id * d;
      for (let i = 0; i < d; i++) out[i] = (out[i] as number) + scale * (values[offset + i] as number);
    }
    let norm = 0;
    for (let i = 0; i < d; i++) norm += (out[i] as number) ** 2;
    if (norm > 0) for (let i = 0, inverse = 1 / Math.sqrt(norm); i < d; i++) out[i] = (out[i] as number) * inverse;
  };
  const passageVectors = new Float32Array(n * d);
  bench.passageIds.forEach((ids, p) => embed(ids, passageVectors.subarray(p * d, (p + 1) * d)));
  const query = new Float32Array(d);
  return bench.queries.map((q) => {
    embed(q.ids, query);
    const scores = new Float32Array(n);
    for (let p = 0; p < n; p++) {
      let sum = 0;
      const offset = p * d;
      for (let i = 0; i < d; i++) sum += (query[i] as number) * (passageVectors[offset + i] as number);
      scores[p] = sum;
    }
    return scores;
  });
}

function topIds(scores: Float32Array, depth: number): number[] {
  const threshold = Float32Array.from(scores).sort()[Math.max(0, scores.length - depth)] ?? Number.NEGATIVE_INFINITY;
  const ids: number[] = [];
  scores.forEach((score, index) => {
    if (score >= threshold) ids.push(index);
  });
  return ids.sort((a, b) => (scores[b] as number) - (scores[a] as number)).slice(0, depth);
}

interface BenchScores {
  /** dev / held-out for RTQA; `all` for the titles bench. */
  splits: Map<string, RetrievalScores>;
}

function scoreBench(bench: Bench, rankings: number[][]): BenchScores {
  const articles = rankings.map((ranking) => uniqueInOrder(ranking.map((p) => bench.passageArticles[p] ?? '')).slice(0, 10));
  const splits = new Map<string, RetrievalScores>();
  const groups = bench.queries[0]?.heldOut === undefined ? [['all', () => true]] : [['dev', (q: Query) => q.heldOut === false], ['held-out', (q: Query) => q.heldOut === true]];
  for (const [name, keep] of groups as [string, (q: Query) => boolean][]) {
    const indices = bench.queries.map((q, i) => (keep(q) ? i : -1)).filter((i) => i >= 0);
    splits.set(name, retrievalScores(indices.map((i) => articles[i] ?? []), indices.map((i) => bench.queries[i]?.relevant ?? new Set<string>())));
  }
  return { splits };
}

const mrr = (scores: BenchScores): string => [...scores.splits.values()].map((s) => s.mrrAt10.toFixed(3)).join(' / ');

/** Dense (per α) and hybrid (RRF k 60, vector weight 0.5 = the retriever's, and 1) MRR@10 of one variant on one bench. */
function evaluateVariant(bench: Bench, semantic: Float32Array[], words: { scores: Float32Array[]; lengths: Float32Array }, alphas: number[], innerProduct: boolean): Map<string, BenchScores> {
  const out = new Map<string, BenchScores>();
  for (const alpha of alphas) {
    // Cosine of [√α ŝ_q, √(1−α) ŵ_q] and [√α ŝ_p, √(1−α) w_p]: the passage vector is re-normalised as a whole
    // (unless scored by inner product).
    const passageNorm = Float32Array.from(words.lengths, (length) => (innerProduct ? 1 : Math.sqrt(alpha + (1 - alpha) * length * length)));
    const dense = semantic.map((scores, q) => {
      const wordRow = words.scores[q] as Float32Array;
      return topIds(scores.map((value, p) => (alpha * value + (1 - alpha) * (wordRow[p] as number)) / (passageNorm[p] as number)), DEPTH);
    });
    out.set(`dense α${alpha}`, scoreBench(bench, dense));
    out.set(`hybrid α${alpha} v0.5`, scoreBench(bench, fuseRankingsWeighted([bench.bm25, dense], [1, 0.5], 60, DEPTH)));
    out.set(`hybrid α${alpha} v1`, scoreBench(bench, fuseRankingsWeighted([bench.bm25, dense], [1, 1], 60, DEPTH)));
  }
  return out;
}

/**
 * lsaScores[q][p]: cosine in a latent semantic space fitted on this bench's passages (tf-idf rows: BM25-saturated
 * tf × idf, unit length; queries as idf-weighted words folded in).
 */
function lsaScores(bench: Bench, words: WordVocabulary, dimensions: number): Float32Array[] {
  const weighting: WordWeighting = { ...SHIPPED_WORDS, document: 'bm25', query: 'idf', buckets: 0 };
  const none = { bucket: new Int32Array(0), sign: new Float32Array(0) };
  const rows: SparseRow[] = bench.passageBags.map((bag) => wordVector(bag, 'document', weighting, bench, none));
  const started = performance.now();
  const space = fitLatentSpace(rows, words.keys.length, dimensions);
  console.log(`  LSA ${dimensions}-d fitted on ${bench.name} in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  const passageVectors = new Float32Array(rows.length * dimensions);
  rows.forEach((row, p) => projectToLatent(space, row, passageVectors.subarray(p * dimensions, (p + 1) * dimensions)));
  const query = new Float32Array(dimensions);
  return bench.queries.map((q) => {
    projectToLatent(space, wordVector(q.bag, 'query', weighting, bench, none), query);
    const scores = new Float32Array(rows.length);
    for (let p = 0; p < rows.length; p++) {
      let sum = 0;
      const offset = p * dimensions;
      for (let i = 0; i < dimensions; i++) sum += (query[i] as number) * (passageVectors[offset + i] as number);
      scores[p] = sum;
    }
    return scores;
  });
}

/** Dense and hybrid scores of a weighted sum of channel scores (semantic, LSA, words), ranked per query. */
function evaluateMix(bench: Bench, channels: Float32Array[][], weights: number[]): { dense: BenchScores; hybrid: BenchScores } {
  const dense = bench.queries.map((_, q) => {
    const mixed = new Float32Array(bench.passageBags.length);
    channels.forEach((channel, c) => {
      const weight = weights[c] ?? 0;
      if (weight === 0) return;
      const scores = channel[q] as Float32Array;
      for (let p = 0; p < mixed.length; p++) mixed[p] = (mixed[p] as number) + weight * (scores[p] as number);
    });
    return topIds(mixed, DEPTH);
  });
  return { dense: scoreBench(bench, dense), hybrid: scoreBench(bench, fuseRankingsWeighted([bench.bm25, dense], [1, 0.5], 60, DEPTH)) };
}

function describeWeighting(w: WordWeighting): string {
  const hashing = w.buckets === 0 ? 'exact' : `${w.buckets}x${w.hashes}`;
  const bm25 = w.document === 'bm25' || w.document === 'sat' ? ` k1 ${w.k1} b ${w.b}` : '';
  const norm = w.documentNorm === 'pivot' ? `, pivot ${w.pivot}` : w.documentNorm === 'ip' ? ', inner product' : '';
  const split = w.split === 'text' ? ', text split' : '';
  const idf = w.idf === 'fts' ? ', fts idf' : '';
  const terms = w.queryTerms === 'fts' ? ', fts query terms' : '';
  return `doc ${w.document}${bm25}, query ${w.query}, ${hashing}${norm}${split}${idf}${terms}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { set: { type: 'string' }, alphas: { type: 'string' }, 'lsa-dimensions': { type: 'string' } } });
  const dataDir = sharedDataDir();
  if (dataDir === null) {
    console.log('eval-embedder-adapted skipped: ../shared/data/rtqa_corpus.jsonl not found (set STORYDESK_SHARED_DATA).');
    return;
  }
  const started = performance.now();
  const elapsed = (): string => `${((performance.now() - started) / 1000).toFixed(0)} s`;
  const embedder = await StaticEmbedder.load();
  const table = decodeTable(readFileSync(DEFAULT_STATIC_TABLE));
  const vocabulary = await readUseVocabulary();
  const words = new WordVocabulary(vocabulary);

  const rtqa = loadRtqa(dataDir);
  const rtqaBench = buildBench(
    'rtqa',
    rtqa.passages,
    rtqa.questions.map((q) => ({ text: q.question, relevant: q.relevant, heldOut: isHeldOutQuestion(q.id) })),
    embedder,
    words,
    vocabulary.length,
  );
  // Titles → untitled articles: the same selection as eval-embedder-titles.ts.
  const articles = readJsonl(dataDir, 'rtqa_corpus.jsonl');
  const evaluated = new Set(readJsonl(dataDir, 'rtqa_questions.jsonl').flatMap((q) => (q.relevant as string[] | undefined) ?? []));
  const untitled = articles.flatMap((article) => chunkArticle('', String(article.body ?? '')).map((text) => ({ articleId: String(article.id), text })));
  const candidates = articles.filter((article) => evaluated.has(String(article.id)) && String(article.title ?? '').trim() !== '');
  const step = Math.max(1, candidates.length / 400);
  const chosen = Array.from({ length: Math.min(400, candidates.length) }, (_, i) => candidates[Math.floor(i * step)] as Record<string, unknown>);
  const titleBench = buildBench('titles', untitled, chosen.map((article) => ({ text: String(article.title), relevant: new Set([String(article.id)]) })), embedder, words, vocabulary.length);
  const benches = [rtqaBench, titleBench];
  console.log(`benches built (${elapsed()}): rtqa ${rtqaBench.passageIds.length} passages, ${rtqaBench.queries.length} questions; titles ${titleBench.passageIds.length} passages, ${titleBench.queries.length} titles; ${words.keys.length} word types`);
  console.log(`BM25 MRR@10: rtqa dev / held-out ${mrr(scoreBench(rtqaBench, rtqaBench.bm25))}; titles ${mrr(scoreBench(titleBench, titleBench.bm25))}`);

  const alphas = (values.alphas ?? '0.7,0.5,0.3').split(',').map(Number);
  const semanticCache = new Map<string, Float32Array[]>();
  const semanticFor = (bench: Bench, power: number): Float32Array[] => {
    const key = `${bench.name}:${power}`;
    let scores = semanticCache.get(key);
    if (scores === undefined) {
      scores = semanticScores(bench, table, power);
      semanticCache.set(key, scores);
    }
    return scores;
  };

  const run = (label: string, weighting: WordWeighting, idfPower = 0): void => {
    const results = benches.map((bench) => evaluateVariant(bench, semanticFor(bench, idfPower), wordScores(bench, weighting, words), alphas, weighting.documentNorm === 'ip'));
    const [r, t] = results as [Map<string, BenchScores>, Map<string, BenchScores>];
    for (const alpha of alphas) {
      const row = (kind: string): string => `${mrr(r.get(`${kind}`) as BenchScores)} / ${mrr(t.get(`${kind}`) as BenchScores)}`;
      console.log(`| ${label} | ${alpha} | ${row(`dense α${alpha}`)} | ${row(`hybrid α${alpha} v0.5`)} | ${row(`hybrid α${alpha} v1`)} |`);
    }
  };
  console.log('\n| variant (semantic piece weights; word channel) | α | dense MRR@10 dev / held-out / titles | hybrid RRF k60 v0.5 | hybrid v1 |');
  console.log('|---|---|---|---|---|');

  const set = values.set ?? 'main';
  const variants: [string, WordWeighting, number][] = [];
  const add = (weighting: Partial<WordWeighting>, idfPower = 0): void => {
    const full = { ...SHIPPED_WORDS, ...weighting };
    variants.push([`${idfPower > 0 ? `rows × idf^${idfPower}` : 'rows'}; ${describeWeighting(full)}`, full, idfPower]);
  };
  if (set === 'main' || set === 'all') {
    add({});
    add({ document: 'idf', query: 'idf' });
    add({ document: 'bm25', query: 'idf' });
    add({ document: 'sat', query: 'idf' });
    add({ document: 'bm25', query: 'idf', buckets: 0 });
    add({ document: 'sat', query: 'idf', buckets: 0 });
    add({ document: 'idf', query: 'idf', buckets: 0 });
  }
  if (set === 'buckets' || set === 'all') {
    for (const [buckets, hashes] of [[1024, 1], [1024, 2], [2048, 1], [4096, 1], [4096, 2], [8192, 1]] as const) add({ document: 'sat', query: 'idf', buckets, hashes, documentNorm: 'ip' });
  }
  if (set === 'semantic' || set === 'all') {
    add({}, 0.5);
    add({}, 1);
    add({ document: 'sat', query: 'idf', buckets: 0, documentNorm: 'ip' }, 0.5);
    add({ document: 'sat', query: 'idf', buckets: 0, documentNorm: 'ip' }, 1);
  }
  if (set === 'norm' || set === 'all') {
    for (const pivot of [0, 0.3, 0.6]) {
      add({ document: 'bm25', query: 'idf', buckets: 0, documentNorm: 'pivot', pivot });
      add({ document: 'sat', query: 'idf', buckets: 0, documentNorm: 'pivot', pivot });
    }
  }
  if (set === 'ip' || set === 'all') {
    for (const document of ['sat', 'bm25'] as const) {
      add({ document, query: 'idf', buckets: 0, documentNorm: 'ip' });
      add({ document, query: 'idf', buckets: 2048, hashes: 2, documentNorm: 'ip' });
    }
  }
  if (set === 'split' || set === 'all') {
    add({ document: 'sat', query: 'idf', buckets: 0, documentNorm: 'ip', idf: 'fts' });
    add({ document: 'sat', query: 'idf', buckets: 0, documentNorm: 'ip', split: 'text' });
    add({ document: 'sat', query: 'idf', buckets: 0, documentNorm: 'ip', split: 'text', idf: 'fts' });
    add({ document: 'sat', query: 'idf', buckets: 4096, hashes: 2, documentNorm: 'ip', split: 'text', idf: 'fts' });
  }
  if (set === 'saturation' || set === 'all') {
    for (const [k1, b] of [[0.9, 0.4], [0.9, 0.9], [2, 0.4], [2, 0.9]] as const) add({ document: 'sat', query: 'idf', buckets: 0, documentNorm: 'ip', k1, b });
  }
  if (set === 'terms' || set === 'all') {
    add({ document: 'sat', query: 'idf', buckets: 0, documentNorm: 'ip', split: 'text', idf: 'fts', queryTerms: 'fts' });
    add({ document: 'sat', query: 'idf', buckets: 4096, hashes: 2, documentNorm: 'ip', split: 'text', idf: 'fts', queryTerms: 'fts' });
    add({ document: 'sat', query: 'idf', buckets: 0, documentNorm: 'unit', split: 'text', idf: 'fts', queryTerms: 'fts' });
  }
  for (const [label, weighting, power] of variants) run(label, weighting, power);
  if (set === 'lsa') {
    // Three channels: semantic rows, LSA of the corpus, and a word channel (shipped, or BM25 in the vector with
    // inner-product scoring: its passage vectors are not re-normalised, so the weights below are exact there too).
    const dimensions = Number(values['lsa-dimensions'] ?? 256);
    const wordChannels: [string, WordWeighting][] = [
      ['shipped words 512x2', SHIPPED_WORDS],
      ['words sat/idf exact ip', { ...SHIPPED_WORDS, document: 'sat', query: 'idf', buckets: 0, documentNorm: 'ip' }],
      ['words sat/idf 4096x2 ip', { ...SHIPPED_WORDS, document: 'sat', query: 'idf', buckets: 4096, hashes: 2, documentNorm: 'ip' }],
    ];
    const perBench = benches.map((bench) => ({ bench, semantic: semanticFor(bench, 0), lsa: lsaScores(bench, words, dimensions) }));
    const mixes = [[0, 1, 0], [0.7, 0, 0.3], [0.5, 0.2, 0.3], [0.35, 0.35, 0.3], [0.2, 0.5, 0.3], [0.3, 0.2, 0.5], [0.2, 0.3, 0.5], [0, 0.5, 0.5], [0.2, 0.2, 0.6], [0, 0.3, 0.7], [0.1, 0.2, 0.7]];
    console.log(`\n| LSA ${dimensions}-d; word channel | semantic / LSA / words | dense MRR@10 dev / held-out / titles | hybrid RRF k60 v0.5 |`);
    console.log('|---|---|---|---|');
    for (const [name, weighting] of wordChannels) {
      const wordRows = perBench.map(({ bench }) => wordScores(bench, weighting, words).scores);
      for (const mix of mixes) {
        if (mix[2] === 0 && name !== wordChannels[0]?.[0]) continue;
        const results = perBench.map(({ bench, semantic, lsa }, b) => evaluateMix(bench, [semantic, lsa, wordRows[b] as Float32Array[]], mix));
        const [r, t] = results as [{ dense: BenchScores; hybrid: BenchScores }, { dense: BenchScores; hybrid: BenchScores }];
        console.log(`| ${name} | ${mix.join(' / ')} | ${mrr(r.dense)} / ${mrr(t.dense)} | ${mrr(r.hybrid)} / ${mrr(t.hybrid)} |`);
      }
    }
  }
  console.log(`done (${elapsed()})`);
}

await main();
