/**
 * Measures the offline embedders on the RealTime QA development data (../shared/data): passages/s, model RSS,
 * and article-level Recall@10 / MRR@10 for dense-only, BM25-only and hybrid (RRF), on the development and
 * held-out question splits.
 *
 *   npm run eval:embedder                 # BM25, shipped static table, corpus-IDF static, USE speed
 *   npm run eval:embedder -- --grid       # + distillation settings grid (choose on dev, confirm on held-out)
 *   npm run eval:embedder -- --use-quality --lead 3   # + USE dense quality (slow: ~17 passages/s)
 */
import { parseArgs } from 'node:util';
import type { Embedder } from '../src/core/embedder.js';
import type { LexicalChannelSettings } from '../src/providers/embedders/hashed-word-features.js';
import { SentencePieceTokenizer } from '../src/providers/embedders/sentence-piece-tokenizer.js';
import { StaticEmbedder } from '../src/providers/embedders/static-embedder.js';
import { quantizeTable } from '../src/providers/embedders/static-embedding-table.js';
import type { DistillationSettings } from './static-table-distillation.js';
import { describeSettings, projectTeacherRows, weightRows } from './static-table-distillation.js';
import { loadUseEncoder } from './lib/use-encoder.js';
import { readUseVocabulary } from '../src/providers/embedders/use-model-files.js';
import { measureInChildProcess } from './bench-embedder.js';
import { SHIPPED_SETTINGS } from './distill-static-embedder.js';
import { loadTeacherVectors } from './distill-teacher-vectors.js';
import type { EvalPassage, EvalQuestion } from './eval-embedder-corpus.js';
import { bm25Rankings, denseRankings, fuseRankings, loadRtqa, scoreSplits } from './eval-embedder-corpus.js';
import type { RetrievalScores } from '../scripts/lib/metrics.js';
import { sharedDataDir } from '../scripts/lib/shared-data.js';

const DEPTH = 100;

interface Row {
  name: string;
  passagesPerSecond?: number;
  /** Passages per CPU-second: robust when other processes share the cores. */
  passagesPerCpuSecond?: number;
  rssMegabytes?: number;
  dense?: { dev: RetrievalScores; heldOut: RetrievalScores };
  hybrid?: { dev: RetrievalScores; heldOut: RetrievalScores };
}

const format = (scores: RetrievalScores | undefined): string => (scores ? `${scores.recallAt10.toFixed(3)} / ${scores.mrrAt10.toFixed(3)}` : '–');

/** Embeds all passages (timed) and the questions; returns unit vectors. */
async function embedAll(embedder: Embedder, passages: EvalPassage[], questions: EvalQuestion[]): Promise<{ passageVectors: Float32Array[]; queryVectors: Float32Array[]; seconds: number; cpuSeconds: number }> {
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const passageVectors: Float32Array[] = [];
  for (let start = 0; start < passages.length; start += 256) {
    const vectors = await embedder.embedDocuments(passages.slice(start, start + 256).map((passage) => passage.text));
    for (const vector of vectors) passageVectors.push(Float32Array.from(vector));
  }
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const queryVectors: Float32Array[] = [];
  for (const question of questions) queryVectors.push(Float32Array.from(await embedder.embedQuery(question.question)));
  return { passageVectors, queryVectors, seconds, cpuSeconds };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean' }, grid: { type: 'boolean' }, words: { type: 'boolean' }, 'use-quality': { type: 'boolean' }, lead: { type: 'string' }, 'use-sample': { type: 'string' } },
  });
  const dataDir = sharedDataDir();
  if (dataDir === null) {
    console.log('eval:embedder skipped: ../shared/data/rtqa_corpus.jsonl not found (set STORYDESK_SHARED_DATA to the data folder).');
    return;
  }
  const lead = values.lead !== undefined ? Number(values.lead) : undefined;
  const { passages, questions, articles } = loadRtqa(dataDir, lead);
  const dev = questions.filter((question) => !question.heldOut).length;
  console.log(`RTQA: ${articles} articles → ${passages.length} passages${lead ? ` (first ${lead} per article)` : ''}; ${questions.length} questions (${dev} dev, ${questions.length - dev} held-out)`);
  const bm25 = bm25Rankings(passages, questions.map((question) => question.question), DEPTH);
  const rows: Row[] = [{ name: 'BM25 only (FTS5)', dense: scoreSplits(bm25, passages, questions) }];

  const evaluate = async (name: string, embedder: Embedder, rssMegabytes?: number): Promise<Row> => {
    const { passageVectors, queryVectors, seconds, cpuSeconds } = await embedAll(embedder, passages, questions);
    const dense = denseRankings(passageVectors, queryVectors, DEPTH);
    const row: Row = {
      name,
      passagesPerSecond: passages.length / seconds,
      passagesPerCpuSecond: passages.length / cpuSeconds,
      dense: scoreSplits(dense, passages, questions),
      hybrid: scoreSplits(fuseRankings([dense, bm25], DEPTH), passages, questions),
    };
    if (rssMegabytes !== undefined) row.rssMegabytes = rssMegabytes;
    rows.push(row);
    console.log(`  ${name}: ${row.passagesPerSecond?.toFixed(0)} passages/s (${row.passagesPerCpuSecond?.toFixed(0)} per CPU-s), dense dev ${format(row.dense?.dev)}, hybrid dev ${format(row.hybrid?.dev)}`);
    return row;
  };

  const shipped = await StaticEmbedder.load();
  // RSS is measured in a fresh process per model: in this one, the corpus and earlier variants blur it.
  await evaluate(`static (shipped) ${shipped.id}`, shipped, measureInChildProcess('static', 50).modelRssMb);

  // Corpus-adapted weighting: the same projected piece vectors, weighted by IDF over this corpus's passages.
  const vocabulary = await readUseVocabulary();
  const tokenizer = new SentencePieceTokenizer(vocabulary);
  const teacher = await loadTeacherVectors(console.log);
  const projected = new Map<number, Float32Array[]>();
  const projectedFor = (dimensions: number): Float32Array[] => {
    let rows = projected.get(dimensions);
    if (rows === undefined) {
      rows = projectTeacherRows(teacher.rows, dimensions);
      projected.set(dimensions, rows);
    }
    return rows;
  };
  const staticFor = (settings: DistillationSettings, idf?: Float64Array, lexical?: LexicalChannelSettings): StaticEmbedder => {
    let rows = weightRows(projectedFor(settings.dimensions), teacher.logProbabilities, settings);
    if (idf !== undefined) rows = rows.map((row, id) => row.map((value) => value * (idf[id] ?? 0)));
    return new StaticEmbedder(tokenizer, quantizeTable(rows, `${describeSettings(settings)}${idf ? '-corpusidf' : ''}`, lexical));
  };
  let tokenized: { passages: number[][]; questions: number[][] } | undefined;
  /** Quality only: passages are tokenized once and re-embedded per setting (much faster than embedDocuments). */
  const evaluateTokenized = (embedder: StaticEmbedder): void => {
    tokenized ??= {
      passages: passages.map((passage) => shipped.tokenize(passage.text)),
      questions: questions.map((question) => shipped.tokenize(question.question)),
    };
    const dense = denseRankings(tokenized.passages.map((ids) => embedder.embedTokens(ids)), tokenized.questions.map((ids) => embedder.embedTokens(ids)), DEPTH);
    const row: Row = {
      name: embedder.id,
      dense: scoreSplits(dense, passages, questions),
      hybrid: scoreSplits(fuseRankings([dense, bm25], DEPTH), passages, questions),
    };
    rows.push(row);
    console.log(`  ${row.name}: dense dev ${format(row.dense?.dev)}, hybrid dev ${format(row.hybrid?.dev)}`);
  };
  const documentFrequency = new Float64Array(vocabulary.length);
  for (const passage of passages) for (const id of new Set(tokenizer.encode(passage.text))) documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
  const idf = documentFrequency.map((df) => Math.log((passages.length + 1) / (df + 1)));
  if (!values.quick) await evaluate('static 256-d, corpus IDF weights', staticFor({ dimensions: 256, weighting: 'none', sifA: 0, lexicalMix: 0 }, idf));

  if (values.grid) {
    console.log('grid (choose on dev only; quality only):');
    for (const dimensions of [128, 256, 512]) {
      for (const [weighting, sifA] of [['sif', 1e-4], ['sif', 1e-3], ['sif', 1e-2], ['none', 0]] as const) {
        for (const lexicalMix of [0, 0.5, 1]) evaluateTokenized(staticFor({ dimensions, weighting, sifA, lexicalMix }));
      }
    }
  }
  if (values.words) {
    console.log('word-channel grid on the shipped semantic settings (choose on dev only; quality only):');
    // Earlier passes (dev MRR@10): 256 buckets × 2 hashes at weight 0.3 / 0.5 / 0.7 gave 0.533 / 0.523 / 0.498 (a = 1e-4),
    // a = 1e-3 0.531 at weight 0.3; 512 buckets at weight 0.5 gave 0.548; at weight 0.3, 1 / 2 hashes 0.553 / 0.566
    // (shipped), weight 0.4 0.551. This pass: a rarer-word emphasis (a = 1e-5).
    for (const [weight, hashes, sifA] of [[0.3, 2, 1e-5], [0.3, 1, 1e-5]] as const) {
      evaluateTokenized(staticFor(SHIPPED_SETTINGS, undefined, { dimensions: 512, weight, hashes, sifA }));
    }
  }

  if (values.quick) {
    printTable(rows);
    return;
  }
  const use = await loadUseEncoder();
  const useRss = measureInChildProcess('use', 16).modelRssMb;
  if (values['use-quality']) {
    await evaluate(`USE lite (${use.runtime}) ${use.id}`, use, useRss);
  } else {
    const sampleSize = Number(values['use-sample'] ?? 300);
    const sample = passages.filter((_, index) => index % Math.max(1, Math.floor(passages.length / sampleSize)) === 0).slice(0, sampleSize);
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    for (let start = 0; start < sample.length; start += 64) await use.embedDocuments(sample.slice(start, start + 64).map((passage) => passage.text));
    const cpu = process.cpuUsage(cpuStarted);
    rows.push({
      name: `USE lite (${use.runtime}) ${use.id} — speed on ${sample.length} passages only`,
      passagesPerSecond: sample.length / ((performance.now() - started) / 1000),
      passagesPerCpuSecond: sample.length / ((cpu.user + cpu.system) / 1e6),
      rssMegabytes: useRss,
    });
  }

  printTable(rows);
}

function printTable(rows: Row[]): void {
  console.log('\n| variant | passages/s (wall) | per CPU-s | model RSS MB | dense R@10 / MRR@10 dev | held-out | hybrid (RRF with BM25) dev | held-out |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    console.log(
      `| ${row.name} | ${row.passagesPerSecond?.toFixed(0) ?? '–'} | ${row.passagesPerCpuSecond?.toFixed(0) ?? '–'} | ${row.rssMegabytes?.toFixed(0) ?? '–'} | ${format(row.dense?.dev)} | ${format(row.dense?.heldOut)} | ${format(row.hybrid?.dev)} | ${format(row.hybrid?.heldOut)} |`,
    );
  }
  console.log('\nR@10 = share of questions with a relevant article in the top 10 articles; passages ranked, then deduplicated by article.');
}

await main();
