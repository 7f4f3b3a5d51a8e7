import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { StorydeskError } from '../core/errors.js';
import type { Stance, StanceClassifier, StancePair } from '../core/stance.js';
import { type BoostedTrees, predictTrees, type TreeNode } from './boosted-trees.js';
import { predictProbabilities, type SoftmaxModel, toInput } from './softmax-model.js';
import { DENSE_FEATURE_NAMES, type PairFeatures, pairFeatures } from './stance-features.js';
import { TermWeights } from './stance-idf.js';
import { PreparedTextCache } from './stance-prepared-text.js';

/** Where the shipped weights live (see stance/PROVENANCE.md for how they were made). */
export const STANCE_WEIGHTS_PATH = join(import.meta.dirname, 'stance', 'stance-weights.json');

const modelJson = z.object({
  classes: z.array(z.string()),
  scaling: z.object({
    mean: z.array(z.number()),
    std: z.array(z.number()),
    cuts: z.array(z.array(z.number())),
    hashSize: z.number().int().nonnegative(),
    columns: z.array(z.number().int().nonnegative()).optional(),
  }),
  bias: z.array(z.number()),
  weights: z.array(z.array(z.number())),
});

const treeNode: z.ZodType<TreeNode> = z.lazy(() =>
  z.union([z.object({ leaf: z.number() }), z.object({ feature: z.number().int().nonnegative(), threshold: z.number(), left: treeNode, right: treeNode })]),
);

const treesJson = z.object({ classes: z.array(z.string()), base: z.array(z.number()), trees: z.array(z.array(treeNode)) });

const singleJson = z.union([modelJson, treesJson]);

/** A stage-2 model: the logistic regression, boosted trees, or the mean of both, whichever tuning chose. */
const stageJson = z.union([singleJson, z.object({ members: z.array(singleJson).min(1) })]);

const weightsFile = z.object({
  format: z.literal('storydesk-stance/4'),
  denseFeatures: z.array(z.string()),
  /** The embedder whose sentence vectors the embedding features were trained on. */
  embedder: z.string(),
  /** Document frequencies for the TF-IDF features, counted on the training texts. */
  termWeights: z.object({ documents: z.number().int().positive(), frequencies: z.record(z.string(), z.number().int().positive()) }),
  /** P(related) at or above which a pair is treated as related. */
  relatedThreshold: z.number(),
  /** Stage 1: related vs unrelated, from similarity features only (text-only features let it memorise bodies). */
  relatedness: stageJson,
  /** Stage 2 for texts longer than `headlineWords`: agree / disagree / discuss among related pairs. */
  stance: stageJson,
  /** Stage 2 for headline-length texts (claim vs headline reads differently from claim vs article body). */
  headlineStance: stageJson,
  headlineWords: z.number().int().positive(),
  hashSize: z.number().int().positive(),
  /** Multiplier on the body model's agree probability that moves its agree : discuss prior to FNC-1's published one. */
  bodyAgreePriorCorrection: z.number().positive().default(1),
});

/** The JSON written by `research/train-stance.ts`. */
export type StanceWeightsFile = z.infer<typeof weightsFile>;

function roundModel(model: SoftmaxModel): z.infer<typeof modelJson> {
  const round = (value: number) => Number(value.toFixed(4));
  return {
    classes: model.classes,
    scaling: {
      ...model.scaling,
      mean: model.scaling.mean.map(round),
      std: model.scaling.std.map(round),
    },
    bias: model.bias.map(round),
    weights: model.weights.map((row) => row.map(round)),
  };
}

function roundTree(node: TreeNode): TreeNode {
  if ('leaf' in node) return { leaf: Number(node.leaf.toPrecision(5)) };
  return { feature: node.feature, threshold: node.threshold, left: roundTree(node.left), right: roundTree(node.right) };
}

function roundSingle(model: SingleModel): z.infer<typeof singleJson> {
  if ('trees' in model) return { classes: model.classes, base: model.base, trees: model.trees.map((round) => round.map(roundTree)) };
  return roundModel(model);
}

function roundStage(model: StageModel): z.infer<typeof stageJson> {
  return 'members' in model ? { members: model.members.map(roundSingle) } : roundSingle(model);
}

function singleFromJson(model: z.infer<typeof singleJson>): SingleModel {
  return 'trees' in model ? model : fromJson(model);
}

function stageFromJson(model: z.infer<typeof stageJson>): StageModel {
  return 'members' in model ? { members: model.members.map(singleFromJson) } : singleFromJson(model);
}

function singleProbabilities(model: SingleModel, features: PairFeatures): number[] {
  return 'trees' in model ? predictTrees(model, features.dense) : predictProbabilities(model, toInput(features, model.scaling));
}

/** Stage-2 class probabilities from any kind of stage model (an ensemble averages its members). */
function stageProbabilities(model: StageModel, features: PairFeatures): number[] {
  if (!('members' in model)) return singleProbabilities(model, features);
  const all = model.members.map((member) => singleProbabilities(member, features));
  return (all[0] ?? []).map((_, index) => all.reduce((sum, probabilities) => sum + (probabilities[index] ?? 0), 0) / all.length);
}

function stageClasses(model: StageModel): string[] {
  return 'members' in model ? (model.members[0]?.classes ?? []) : model.classes;
}

function fromJson(model: z.infer<typeof modelJson>): SoftmaxModel {
  const { columns, ...scaling } = model.scaling;
  return {
    classes: model.classes,
    scaling: columns ? { ...scaling, columns } : scaling,
    bias: model.bias,
    weights: model.weights,
  };
}

/** Serialises the two trained stages, rounding weights so the file stays small. */
export function toWeightsFile(stages: StanceStages, relatedThreshold: number, termWeights: TermWeights, embedder: string): StanceWeightsFile {
  return {
    format: 'storydesk-stance/4',
    denseFeatures: [...DENSE_FEATURE_NAMES],
    embedder,
    termWeights: termWeights.toJson(),
    relatedThreshold,
    relatedness: roundStage(stages.relatedness),
    stance: roundStage(stages.stance),
    headlineStance: roundStage(stages.headlineStance),
    headlineWords: stages.headlineWords,
    hashSize: stages.hashSize,
    bodyAgreePriorCorrection: Number(stages.bodyAgreePriorCorrection.toFixed(4)),
  };
}

/** A stage-2 model. */
export type StageModel = SingleModel | { members: SingleModel[] };

/** One stage-2 learner. */
export type SingleModel = SoftmaxModel | BoostedTrees;

/** The trained models of the engine. */
export interface StanceStages {
  /** Related vs unrelated (boosted trees or a logistic regression over the stage-1 columns). */
  relatedness: StageModel;
  stance: StageModel;
  headlineStance: StageModel;
  /** Texts of at most this many words use `headlineStance`. */
  headlineWords: number;
  /** Size of the hashed indicator space the features are computed in. */
  hashSize: number;
  /**
   * Multiplier on the body model's agree probability (renormalised over the related classes). The training
   * clusters hold more agree pairs per discuss pair than FNC-1 as a whole; this is the Bayes correction from
   * their ratio to the published one (Saerens et al. 2002), so the model does not read "discuss" bodies as agreeing.
   */
  bodyAgreePriorCorrection: number;
}

/**
 * The offline stance engine, a cascade over lexical-overlap, cue and attribution features: a logistic
 * regression over overlap, TF-IDF and sentence-embedding similarities decides related vs unrelated, then a logistic regression or boosted trees (whichever tuning
 * chose; one model for headlines, one for bodies) decides agree / disagree / discuss. Texts are analysed once and cached,
 * so many claims against one long body stay cheap.
 */
export class LearnedStanceClassifier implements StanceClassifier {
  readonly id: string;
  private readonly stages: StanceStages;
  private readonly relatedThreshold: number;
  private readonly termWeights: TermWeights;
  /** The embedder the weights were trained with (`embedderId` of the stance embeddings must match it). */
  readonly trainedWithEmbedder: string;
  // Bounded: a prepared long body holds many small sets and vectors (~100 KB); FNC-1-sized inputs have a few
  // hundred distinct bodies, in no particular order.
  private readonly texts: PreparedTextCache;
  private readonly claims: PreparedTextCache;

  constructor(weights: StanceWeightsFile) {
    if (weights.denseFeatures.join(',') !== DENSE_FEATURE_NAMES.join(',')) {
      throw new StorydeskError('stance_weights_mismatch', 'The stance weights were trained on other features; run `npx tsx research/train-stance.ts` again.');
    }
    this.stages = {
      relatedness: stageFromJson(weights.relatedness),
      stance: stageFromJson(weights.stance),
      headlineStance: stageFromJson(weights.headlineStance),
      headlineWords: weights.headlineWords,
      hashSize: weights.hashSize,
      bodyAgreePriorCorrection: weights.bodyAgreePriorCorrection,
    };
    this.relatedThreshold = weights.relatedThreshold;
    this.termWeights = TermWeights.fromJson(weights.termWeights);
    this.texts = new PreparedTextCache(this.termWeights, 2_000);
    this.claims = new PreparedTextCache(this.termWeights, 2_000);
    // Not checked against the loaded embedder here: that would load it at start-up for every command. A
    // test checks the shipped weights name the shipped embedder.
    this.trainedWithEmbedder = weights.embedder;
    const kind = 'members' in this.stages.stance ? 'ensemble' : 'trees' in this.stages.stance ? 'trees' : 'logreg';
    this.id = `lexical-embedding-cascade-${kind}-v4`;
  }

  /** Class probabilities for one pair: P(unrelated) from stage 1, the related mass split by stage 2. */
  probabilities(pair: StancePair): Record<Stance, number> {
    const features = pairFeatures(this.claims.get(pair.claim), this.texts.get(pair.text), this.stages.hashSize, this.termWeights);
    return combineStages(this.stages, features);
  }

  /** Stance of one pair (synchronous; `classify` wraps it for the port). */
  classifyOne(pair: StancePair): Stance {
    return decide(this.probabilities(pair), this.relatedThreshold);
  }

  async classify(pairs: StancePair[]): Promise<Stance[]> {
    return pairs.map((pair) => this.classifyOne(pair));
  }
}

/** Runs both stages on computed features. */
export function combineStages(stages: StanceStages, features: PairFeatures): Record<Stance, number> {
  const { relatedness } = stages;
  const isHeadline = features.textWords <= stages.headlineWords;
  const stance = isHeadline ? stages.headlineStance : stages.stance;
  const related = stageProbabilities(relatedness, features)[stageClasses(relatedness).indexOf('related')] ?? 0;
  const classes = stageClasses(stance);
  const stageTwo = isHeadline ? stageProbabilities(stance, features) : correctAgreePrior(stageProbabilities(stance, features), classes.indexOf('agree'), stages.bodyAgreePriorCorrection);
  const result: Record<Stance, number> = {
    agree: 0,
    disagree: 0,
    discuss: 0,
    unrelated: 1 - related,
  };
  classes.forEach((name, index) => {
    if (name === 'agree' || name === 'disagree' || name === 'discuss') result[name] = related * (stageTwo[index] ?? 0);
  });
  return result;
}

/** Scales one class's probability and renormalises, i.e. moves the prior the model was trained under. */
function correctAgreePrior(probabilities: number[], agreeIndex: number, factor: number): number[] {
  if (factor === 1 || agreeIndex < 0) return probabilities;
  const scaled = probabilities.map((value, index) => (index === agreeIndex ? value * factor : value));
  const total = scaled.reduce((sum, value) => sum + value, 0);
  return total > 0 ? scaled.map((value) => value / total) : probabilities;
}

/** Unrelated below the relatedness threshold, otherwise the likeliest related class. */
export function decide(probabilities: Record<Stance, number>, relatedThreshold: number): Stance {
  if (1 - probabilities.unrelated < relatedThreshold) return 'unrelated';
  let best: Stance = 'discuss';
  for (const stance of ['agree', 'disagree'] as const) if (probabilities[stance] > probabilities[best]) best = stance;
  return best;
}

let shipped: LearnedStanceClassifier | undefined;

/** Loads the shipped stance weights (once per process) and returns the offline classifier. */
export function loadStanceClassifier(): LearnedStanceClassifier {
  if (!shipped) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(STANCE_WEIGHTS_PATH, 'utf8'));
    } catch (error) {
      throw new StorydeskError(
        'stance_weights_missing',
        `Could not read the stance weights at ${STANCE_WEIGHTS_PATH}; run \`npx tsx research/train-stance.ts\`.`,
        { cause: error },
      );
    }
    const parsed = weightsFile.safeParse(raw);
    if (!parsed.success) throw new StorydeskError('stance_weights_invalid', `The stance weights file is malformed: ${parsed.error.message}`);
    shipped = new LearnedStanceClassifier(parsed.data);
  }
  return shipped;
}
