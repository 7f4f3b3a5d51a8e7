/**
 * Load time, model RSS and throughput of each local embedder, each measured in a fresh process so RSS
 * deltas are not polluted by the other. Uses RTQA passages when ../shared/data is present, else generated
 * news-like text of the same length (~500 characters).
 *
 *   npx tsx research/bench-embedder.ts [--passages 2000] [--use-passages 200]   # 0 skips that embedder
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createLocalEmbedder } from '../src/providers/embedders/create-local-embedder.js';
import { sharedDataDir } from '../scripts/lib/shared-data.js';
import { loadRtqa } from './eval-embedder-corpus.js';
import { loadUseEncoder } from './lib/use-encoder.js';

/** The shipped static embedder, or the Universal Sentence Encoder it was distilled from. */
type LocalEmbedderKind = 'static' | 'use';

export interface Measurement {
  kind: string;
  id: string;
  loadMs: number;
  modelRssMb: number;
  passages: number;
  meanChars: number;
  passagesPerSecond: number;
  passagesPerCpuSecond: number;
}

function benchTexts(count: number): string[] {
  const dataDir = sharedDataDir();
  if (dataDir !== null) {
    const { passages } = loadRtqa(dataDir);
    const step = Math.max(1, Math.floor(passages.length / count));
    return passages.filter((_, index) => index % step === 0).slice(0, count).map((passage) => passage.text);
  }
  const sentence = 'Officials in the capital said on Tuesday that talks over the budget would resume next week, after negotiators failed to agree on spending cuts. ';
  return Array.from({ length: count }, (_, index) => `${index} ${sentence.repeat(4)}`.slice(0, 500));
}

/** Runs in the child: loads one embedder and times it. */
async function measure(kind: LocalEmbedderKind, count: number): Promise<Measurement> {
  // The model is loaded before the bench texts, so the RSS delta is the model's (plus one warm-up batch).
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const loadStarted = performance.now();
  const embedder = kind === 'use' ? await loadUseEncoder() : await createLocalEmbedder();
  const loadMs = performance.now() - loadStarted;
  await embedder.embedDocuments(Array.from({ length: 8 }, (_, index) => `Warm-up passage ${index}: the council approved the plan.`.repeat(8)));
  const modelRssMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
  const texts = benchTexts(count);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  for (let start = 0; start < texts.length; start += 64) await embedder.embedDocuments(texts.slice(start, start + 64));
  const cpu = process.cpuUsage(cpuStarted);
  return {
    kind,
    id: embedder.id,
    loadMs,
    modelRssMb,
    passages: texts.length,
    meanChars: texts.reduce((sum, text) => sum + text.length, 0) / texts.length,
    passagesPerSecond: texts.length / ((performance.now() - started) / 1000),
    passagesPerCpuSecond: texts.length / ((cpu.user + cpu.system) / 1e6),
  };
}

/** Measures one embedder in a fresh child process (clean RSS), returning its figures. */
export function measureInChildProcess(kind: LocalEmbedderKind, count: number): Measurement {
  const output = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', import.meta.filename, '--child', kind, '--count', String(count)], { encoding: 'utf8' });
  return JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as Measurement;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { child: { type: 'string' }, count: { type: 'string' }, passages: { type: 'string' }, 'use-passages': { type: 'string' } } });
  if (values.child !== undefined) {
    console.log(JSON.stringify(await measure(values.child as LocalEmbedderKind, Number(values.count))));
    return;
  }
  const requested: [LocalEmbedderKind, number][] = [
    ['static', Number(values.passages ?? 5000)],
    ['use', Number(values['use-passages'] ?? 200)],
  ];
  // A count of 0 skips that embedder (the USE graph takes minutes).
  const runs = requested.filter(([, count]) => count > 0);
  console.log('| embedder | id | load ms | model RSS MB | passages (mean chars) | passages/s wall | passages per CPU-s |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [kind, count] of runs) {
    const result = measureInChildProcess(kind, count);
    console.log(
      `| ${result.kind} | ${result.id} | ${result.loadMs.toFixed(0)} | ${result.modelRssMb.toFixed(0)} | ${result.passages} (${result.meanChars.toFixed(0)}) | ${result.passagesPerSecond.toFixed(0)} | ${result.passagesPerCpuSecond.toFixed(0)} |`,
    );
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) await main();
