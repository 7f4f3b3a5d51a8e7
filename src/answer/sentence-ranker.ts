import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { type BoostedTrees, predictTrees, type TreeNode } from '../disputes/boosted-trees.js';
import { ANSWERABILITY_FEATURES } from './answerability.js';
import { SENTENCE_FEATURES } from './sentence-features.js';

/** Where the shipped ranker lives; rebuilt byte for byte by research/train-sentence-ranker.ts (see ranker/PROVENANCE.md). */
export const SENTENCE_RANKER_PATH = join(import.meta.dirname, 'ranker', 'sentence-ranker.json');

/** When the answerer declines, calibrated on answerable and unanswerable development questions. */
export interface AbstentionGate {
  /** The abstention model's probability that the articles answer the question must reach this. */
  minAnswerability: number;
  /** Share of the question's topic weight that the best sentence with its article's retrieved text must cover. */
  minContextCoverage: number;
  /** A best sentence with a typed answer whose context covers this share of the topic is answered whatever the rest says. */
  typedAnswerCoverage: number;
  /** The answerability model is not asked when the best sentence alone covers this share of the topic. */
  answeredCoverage: number;
  /**
   * A question about the news of the moment ("this week") is declined when the best sentences' articles are all
   * further than this many days from when it was asked, whatever else the gate says; null: never.
   */
  maxEvidenceAgeDays: number | null;
}

/**
 * A trained ranker: boosted trees over {@link SENTENCE_FEATURES} that score sentences, boosted trees over
 * {@link ANSWERABILITY_FEATURES} that judge whether the question is answered at all, and the gate calibrated with them.
 */
export interface SentenceRankerModel {
  features: string[];
  trees: BoostedTrees;
  answerabilityFeatures: string[];
  answerability: BoostedTrees;
  /** The gate when the time of asking is known (Slack, Discord): the evidence-age rule does part of the work. */
  gate: AbstentionGate;
  /**
   * The gate when it is not (the CLI, the terminal chat): no age rule, so the other thresholds are calibrated
   * on their own. The timed gate with its age rule switched off would decline far less than it should.
   */
  gateWithoutTime: AbstentionGate;
}

const treeNode: z.ZodType<TreeNode> = z.lazy(() =>
  z.union([z.object({ leaf: z.number() }), z.object({ feature: z.number().int(), threshold: z.number(), left: treeNode, right: treeNode })]),
);
const treesSchema = z.object({ classes: z.array(z.string()), base: z.array(z.number()), trees: z.array(z.array(treeNode)) });
const gateSchema = z.object({
  minAnswerability: z.number(),
  minContextCoverage: z.number(),
  typedAnswerCoverage: z.number(),
  answeredCoverage: z.number(),
  maxEvidenceAgeDays: z.number().nullable(),
});
const modelSchema = z.object({
  features: z.array(z.string()),
  trees: treesSchema,
  answerabilityFeatures: z.array(z.string()),
  answerability: treesSchema,
  gate: gateSchema,
  gateWithoutTime: gateSchema.extend({ maxEvidenceAgeDays: z.null() }),
});

/** Scores candidate sentences: the probability that a sentence holds the answer to the question. */
export class SentenceRanker {
  readonly model: SentenceRankerModel;

  constructor(model: SentenceRankerModel) {
    for (const [trained, computed] of [
      [model.features, SENTENCE_FEATURES],
      [model.answerabilityFeatures, ANSWERABILITY_FEATURES],
    ] as const) {
      if (trained.join(',') !== computed.join(',')) {
        throw new Error(`The sentence ranker was trained on features [${trained.join(', ')}], but the code computes [${computed.join(', ')}]; retrain it with research/train-sentence-ranker.ts.`);
      }
    }
    this.model = model;
  }

  /** Probability (0..1) that the sentence with these features holds the answer. */
  probability(features: readonly number[]): number {
    return predictTrees(this.model.trees, features)[1] ?? 0;
  }

  /** The gate calibrated for what is known of the question: with or without the time it was asked. */
  gateFor(askedAt: string | undefined): AbstentionGate {
    return askedAt === undefined ? this.model.gateWithoutTime : this.model.gate;
  }

  /** Probability (0..1) that the articles answer the question, from {@link ANSWERABILITY_FEATURES}. */
  answerability(features: readonly number[]): number {
    return predictTrees(this.model.answerability, features)[1] ?? 0;
  }
}

let shipped: SentenceRanker | undefined;

/** The ranker shipped with storydesk, read and validated once. */
export function shippedSentenceRanker(): SentenceRanker {
  shipped ??= new SentenceRanker(modelSchema.parse(JSON.parse(readFileSync(SENTENCE_RANKER_PATH, 'utf8'))) as SentenceRankerModel);
  return shipped;
}
