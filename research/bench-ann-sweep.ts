/**
 * Which hnswlib settings reach ANN recall@10 ≥ 0.98 at ≥ 10× exact-search QPS, and what they cost to build.
 * Reads the vectors of a benchmark store (run `npm run bench` first) and embeds the benchmark questions.
 * Usage: tsx research/bench-ann-sweep.ts [--size 10000] [--configs 16:100,24:100] [--seeds 100,101] [--ef 50,100,200]
 *   [--handover 2048] [--index FILE]
 * Recall of one build depends on its random level assignment (the generated corpus has many duplicate
 * passages), so compare settings over several seeds. `--handover N` builds as the insert worker does: the
 * first N points, then write and read the file (which re-seeds levels), then the rest. `--index FILE` also
 * measures a saved index, e.g. the one an ingest built.
 */
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import hnswlib from 'hnswlib-node';
import { createEmbedder } from '../src/app/create-embedder.js';
import { loadConfig } from '../src/config/load-config.js';
import { SqliteArticleStore } from '../src/providers/sqlite-article-store.js';
import { annRecall } from '../scripts/lib/ann-recall.js';
import { exactNeighbours, normalised, vectorMatrix } from '../scripts/lib/exact-search.js';
import { generateCorpus } from '../scripts/lib/generate-corpus.js';
import { questionsFor } from '../scripts/lib/questions-for-generated.js';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '10000' },
    data: { type: 'string' },
    configs: { type: 'string', default: '16:100' },
    seeds: { type: 'string', default: '100' },
    handover: { type: 'string' },
    index: { type: 'string' },
    ef: { type: 'string', default: '50,100,200' },
    questions: { type: 'string', default: '200' },
    /** Timed passes over the queries per setting, so QPS is not one 50 ms sample. */
    passes: { type: 'string', default: '5' },
  },
});
const size = Number(values.size);
const dataDir = values.data ?? join(ROOT, '.bench', `generated-${size}`, 'data-0');

function timed<T>(task: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = task();
  return { value, ms: performance.now() - started };
}

async function main(): Promise<void> {
  const store = SqliteArticleStore.open(join(dataDir, 'storydesk.sqlite'));
  const entries: { label: number; vector: number[] }[] = [];
  for (const { passageId, vector } of store.iterateVectors()) entries.push({ label: passageId, vector });
  store.close();
  const embedder = await createEmbedder(loadConfig({}));
  const matrix = vectorMatrix(entries, entries.length, embedder.dimension);
  const queries = await embedder.embedDocuments(questionsFor(generateCorpus(size), Number(values.questions)));
  const unitQueries = queries.map((query) => normalised(query));
  // Eleven, to see how often the 10th place is tied (recall is still counted over the first ten).
  const exact = timed(() => unitQueries.map((query) => exactNeighbours(matrix, query, 11)));
  const exactQps = (queries.length / exact.ms) * 1000;
  const tiedAtTenth = exact.value.filter((truth) => Math.abs((truth.distances[10] ?? 2) - (truth.distances[9] ?? 0)) <= 1e-6).length / queries.length;
  console.log(JSON.stringify({ passages: entries.length, queries: queries.length, exactQps: Math.round(exactQps), tiedAtTenth }));

  const measure = (index: hnswlib.HierarchicalNSW, setting: Record<string, number | string>): void => {
    for (const ef of values.ef.split(',').map(Number)) {
      index.setEf(ef);
      let found: number[][] = [];
      let ms = 0;
      for (let pass = 0; pass < Number(values.passes); pass += 1) {
        const run = timed(() => queries.map((query) => index.searchKnn(query, 10).neighbors));
        found = run.value;
        ms += run.ms;
      }
      const qps = ((queries.length * Number(values.passes)) / ms) * 1000;
      const recall = annRecall(matrix, unitQueries, exact.value, found, 10);
      console.log(
        JSON.stringify({
          ...setting,
          ef,
          strict: Number(recall.strict.toFixed(4)),
          tieAware: Number(recall.tieAware.toFixed(4)),
          qps: Math.round(qps),
          speedup: Number((qps / exactQps).toFixed(1)),
        }),
      );
    }
  };

  if (values.index) {
    const saved = new hnswlib.HierarchicalNSW('cosine', embedder.dimension);
    saved.readIndexSync(values.index);
    measure(saved, { index: values.index });
  }
  const handover = values.handover === undefined ? null : Number(values.handover);
  const handoverFile = join(dataDir, 'sweep-handover.hnsw');
  for (const config of values.configs.split(',').filter((text) => text.length > 0)) {
    const [m, efConstruction] = config.split(':').map(Number);
    for (const randomSeed of values.seeds.split(',').map(Number)) {
      let index = new hnswlib.HierarchicalNSW('cosine', embedder.dimension);
      index.initIndex({ maxElements: entries.length, m: m ?? 16, efConstruction: efConstruction ?? 100, randomSeed });
      const build = timed(() => {
        entries.forEach(({ label, vector }, position) => {
          if (position === handover) {
            index.writeIndexSync(handoverFile);
            index = new hnswlib.HierarchicalNSW('cosine', embedder.dimension);
            index.readIndexSync(handoverFile);
            index.resizeIndex(entries.length);
          }
          index.addPoint(vector, label);
        });
      });
      measure(index, {
        m: m ?? 16,
        efConstruction: efConstruction ?? 100,
        seed: randomSeed,
        buildSeconds: Number((build.ms / 1000).toFixed(1)),
        insertsPerSecond: Math.round((entries.length / build.ms) * 1000),
      });
    }
  }
  rmSync(handoverFile, { force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
