/**
 * Training pairs for the contrastive fine-tuning of the static embedder (research/train-static-embedder.ts):
 * a short, query-like text and a passage it should retrieve. Sources, all in ../shared/data:
 * - FNC-1: headline → the first passages of its article body, related pairs only (agree / discuss / disagree);
 * - Emergent: claim → the headline of an article about it;
 *   both leave out every group the stance engine holds out (`isHeldOut` of src/disputes/stance-dataset.ts: FNC-1
 *   cluster, Emergent claim), bodies included, so no held-out stance pair shapes the embedding;
 * - RealTime QA corpus: article title → its own first passages, title removed. Articles relevant to an
 *   evaluation question are left out (all questions by default), so no evaluation answer is trained on;
 * - inverse cloze (Lee et al., 2019) on the same RTQA articles and the FNC-1 bodies: one sentence of a passage
 *   → the rest of that passage, so the table learns what a sentence-like question shares with its context.
 * The pairs are material for learned weights only; no text is written into the repository.
 */
import { join } from 'node:path';
import { isHeldOut as isHeldOutStanceGroup } from '../scripts/lib/stance-dataset.js';
import { chunkArticle, splitSentences } from './eval-embedder-corpus.js';
import { readJsonlFile } from '../scripts/lib/read-jsonl-file.js';

export interface TrainingPair {
  query: string;
  passage: string;
  /** Pairs of one group share a passage source: never used as each other's in-batch negatives. */
  group: string;
  source: 'fnc1' | 'emergent' | 'rtqa-title' | 'ict';
}

export interface PairOptions {
  /** Passages of a body paired with its headline / title (the first ones: the lead is what a headline names). */
  passagesPerArticle: number;
  /** Passages of each article (from its start) turned into inverse-cloze pairs. */
  clozePassagesPerArticle: number;
  /** Which articles relevant to RTQA questions are kept out of the title pairs. */
  excludeRelevantTo: 'all-questions' | 'held-out-questions';
  /** Held-out test of a question id (the split of research/eval-embedder-corpus.ts). */
  isHeldOut: (questionId: string) => boolean;
  sources: ReadonlySet<TrainingPair['source']>;
}

function readJsonl(dataDir: string, file: string): Record<string, unknown>[] {
  return readJsonlFile(join(dataDir, file));
}

/** All training pairs from the shared data folder, in a fixed order (shuffled later with a seed). */
export function loadTrainingPairs(dataDir: string, options: PairOptions): TrainingPair[] {
  const pairs: TrainingPair[] = [];
  const bodyPassages = (body: string): string[] => chunkArticle('', body).slice(0, options.passagesPerArticle);

  /** Bodies for inverse cloze by a stable key (which fixes the chosen sentences), with their negative group. */
  const clozeBodies = new Map<string, { body: string; group: string }>();
  if (options.sources.has('fnc1') || options.sources.has('ict')) {
    const labels = new Map(readJsonl(dataDir, 'fnc1_stance_labels.jsonl').map((record) => [String(record.id), record]));
    for (const record of readJsonl(dataDir, 'fnc1_stance_input.jsonl')) {
      const label = labels.get(String(record.id));
      const cluster = String(label?.cluster ?? '');
      if (label === undefined || isHeldOutStanceGroup(cluster)) continue;
      // The cluster is one story: its headlines and bodies are never each other's negatives.
      clozeBodies.set(`fnc1:${String(label.bodyId)}`, { body: String(record.text ?? ''), group: cluster });
      if (label.label === 'unrelated' || !options.sources.has('fnc1')) continue;
      for (const passage of bodyPassages(String(record.text ?? ''))) {
        pairs.push({ query: String(record.claim), passage, group: cluster, source: 'fnc1' });
      }
    }
  }

  if (options.sources.has('emergent')) {
    for (const record of readJsonl(dataDir, 'emergent_stance.jsonl')) {
      const group = `emergent-${String(record.claimId)}`;
      if (isHeldOutStanceGroup(group)) continue;
      pairs.push({ query: String(record.claim), passage: String(record.text), group, source: 'emergent' });
    }
  }

  if (options.sources.has('rtqa-title') || options.sources.has('ict')) {
    const excluded = new Set<string>();
    for (const question of readJsonl(dataDir, 'rtqa_questions.jsonl')) {
      if (options.excludeRelevantTo === 'all-questions' || options.isHeldOut(String(question.id))) {
        for (const id of (question.relevant as string[] | undefined) ?? []) excluded.add(id);
      }
    }
    for (const article of readJsonl(dataDir, 'rtqa_corpus.jsonl')) {
      const id = String(article.id);
      const title = String(article.title ?? '').trim();
      if (excluded.has(id)) continue;
      clozeBodies.set(`rtqa:${id}`, { body: String(article.body ?? ''), group: `rtqa:${id}` });
      if (title === '' || !options.sources.has('rtqa-title')) continue;
      for (const passage of bodyPassages(String(article.body ?? ''))) pairs.push({ query: title, passage, group: `rtqa:${id}`, source: 'rtqa-title' });
    }
  }

  if (options.sources.has('ict')) {
    for (const [key, { body, group }] of clozeBodies) {
      chunkArticle('', body)
        .slice(0, options.clozePassagesPerArticle)
        .forEach((passage, index) => {
          const sentences = splitSentences(passage);
          if (sentences.length < 2) return;
          // A fixed choice per passage (no random state), so the pairs do not depend on the seed.
          const chosen = stableHash(`${key}:${index}`) % sentences.length;
          const query = sentences[chosen] as string;
          if (query.length < 40) return;
          pairs.push({ query, passage: sentences.filter((_, position) => position !== chosen).join(' '), group, source: 'ict' });
        });
    }
  }
  return pairs;
}

/** FNV-1a, for choices that must not change between runs. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash;
}
