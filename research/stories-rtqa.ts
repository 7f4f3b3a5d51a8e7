/**
 * Sanity check of story clustering on the RealTime QA corpus (../shared/data/rtqa_corpus.jsonl): clusters the
 * 1,284 articles and prints the cluster count, sizes, and the largest multi-outlet stories. Skips with a
 * message when the data is absent.
 *
 * Embedding every passage of 1,284 articles takes many minutes on this machine, so article vectors here are
 * the embedding of each article's title and lead (cached in the temp folder): close to the production
 * profile, whose lead passage weighs double. Usage: npx tsx research/stories-rtqa.ts [joinThreshold [timeWeight]]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseScriptArguments } from '../scripts/lib/script-arguments.js';
import { createLocalEmbedder } from '../src/providers/embedders/create-local-embedder.js';
import { articleEntities, normalised } from '../src/stories/article-profile.js';
import { StoryClusterer } from '../src/stories/story-clusterer.js';
import { sharedDataDir } from '../scripts/lib/shared-data.js';

interface RtqaArticle {
  id: string;
  title: string;
  body: string;
  source: string | null;
  published: string | null;
}

// [joinThreshold [timeWeight]], positional; any option is a typo and stops the run.
const {
  positionals: [thresholdArgument, timeWeightArgument],
} = parseScriptArguments({ allowPositionals: true, options: {} });

const LEAD_CHARS = 600;

async function leadVectors(articles: RtqaArticle[]): Promise<number[][]> {
  const embedder = await createLocalEmbedder();
  const cache = join(tmpdir(), `storydesk-rtqa-leads-${embedder.id.replace(/[^\w.-]/g, '_')}.json`);
  if (existsSync(cache)) {
    const cached = JSON.parse(readFileSync(cache, 'utf8')) as number[][];
    if (cached.length === articles.length) return cached;
  }
  const texts = articles.map((article) => `${article.title}. ${article.body.slice(0, LEAD_CHARS)}`);
  const started = Date.now();
  const vectors: number[][] = [];
  for (let offset = 0; offset < texts.length; offset += 64) {
    vectors.push(...(await embedder.embedDocuments(texts.slice(offset, offset + 64))));
    process.stderr.write(`\rembedded ${vectors.length}/${texts.length}`);
  }
  process.stderr.write(` in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  writeFileSync(cache, JSON.stringify(vectors));
  return vectors;
}

async function main(): Promise<void> {
  const dataDir = sharedDataDir();
  if (dataDir === null) {
    console.log('skipped: ../shared/data/rtqa_corpus.jsonl is absent (set STORYDESK_SHARED_DATA to its folder)');
    return;
  }
  const articles = readFileSync(join(dataDir, 'rtqa_corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as RtqaArticle);
  const vectors = await leadVectors(articles);
  const threshold = thresholdArgument !== undefined ? Number(thresholdArgument) : undefined;
  const timeWeight = timeWeightArgument !== undefined ? Number(timeWeightArgument) : undefined;
  const clusterer = new StoryClusterer(vectors[0]?.length ?? 512, {
    ...(threshold !== undefined ? { joinThreshold: threshold } : {}),
    ...(timeWeight !== undefined ? { timeWeight } : {}),
  });
  const order = articles
    .map((article, index) => ({ article, index }))
    .sort((a, b) => (a.article.published ?? '').localeCompare(b.article.published ?? '') || a.article.id.localeCompare(b.article.id));
  const started = performance.now();
  for (const { article, index } of order) {
    clusterer.place(
      {
        articleId: article.id,
        contentHash: article.id,
        vector: normalised(vectors[index] ?? []),
        entities: articleEntities({ title: article.title, titleDerived: false, body: article.body }),
        published: article.published,
        seenAt: article.published ?? '',
      },
      '2026-01-01T00:00:00.000Z',
    );
  }
  const elapsed = performance.now() - started;
  const byId = new Map(articles.map((article) => [article.id, article]));
  const clusters = [...clusterer.clusters()].sort((a, b) => b.size - a.size);
  const sizes = clusters.map((cluster) => cluster.size);
  const multiOutlet = clusters.filter((cluster) => new Set([...cluster.members.keys()].map((id) => byId.get(id)?.source)).size > 1);
  console.log(`${articles.length} articles → ${clusters.length} stories in ${elapsed.toFixed(0)} ms (threshold ${clusterer.tuning.joinThreshold})`);
  console.log(
    `singletons ${sizes.filter((size) => size === 1).length}, 2–4: ${sizes.filter((size) => size >= 2 && size <= 4).length}, 5+: ${sizes.filter((size) => size >= 5).length}, largest ${sizes.slice(0, 8).join(', ')}`,
  );
  console.log(`stories with more than one outlet: ${multiOutlet.length}`);
  console.log(`same-event pairs clustered together: ${sameEventRecall(dataDir, byId, (id) => clusterer.storyIdOf(id))}`);
  for (const cluster of clusters.filter((item) => item.size > 1).slice(0, Number(process.env.SHOW ?? 12))) {
    console.log(`\n${cluster.id} (${cluster.size})`);
    for (const id of [...cluster.members.keys()].slice(0, 6)) {
      const article = byId.get(id);
      console.log(`  ${article?.published?.slice(0, 10)} ${article?.source}: ${article?.title.slice(0, 100)}`);
    }
  }
}

/**
 * A weak ground truth: articles that RealTime QA marks as holding the answer to the same question and that
 * were published within a week of each other are very likely about the same event.
 */
function sameEventRecall(dataDir: string, byId: Map<string, RtqaArticle>, storyOf: (id: string) => string | undefined): string {
  let pairs = 0;
  let together = 0;
  for (const line of readFileSync(join(dataDir, 'rtqa_questions.jsonl'), 'utf8').split('\n')) {
    if (line.trim().length === 0) continue;
    const ids = ((JSON.parse(line) as { relevant_strict?: string[] }).relevant_strict ?? []).filter((id) => byId.has(id));
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const a = byId.get(ids[i] ?? '');
        const b = byId.get(ids[j] ?? '');
        if (!a?.published || !b?.published || Math.abs(Date.parse(a.published) - Date.parse(b.published)) > 7 * 86_400_000) continue;
        pairs += 1;
        if (storyOf(a.id) === storyOf(b.id)) together += 1;
      }
    }
  }
  return `${together}/${pairs} (${((100 * together) / Math.max(1, pairs)).toFixed(0)}%)`;
}

await main();
