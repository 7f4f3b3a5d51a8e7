import { describe, expect, it } from 'vitest';
import { LexicalBaselineClassifier } from '../../src/disputes/lexical-baseline.js';
import { readFileSync } from 'node:fs';
import { LearnedStanceClassifier, loadStanceClassifier, STANCE_WEIGHTS_PATH, type StanceWeightsFile } from '../../src/disputes/stance-classifier.js';

const claim = 'ByteDance will train its new AI model on Huawei Ascend chips';
const body = (sentences: string[]) => sentences.join(' ');

describe('the shipped stance classifier', () => {
  const classifier = loadStanceClassifier();

  // Sentence-length texts, as `findDisputes` compares them. (For multi-sentence bodies the model follows
  // FNC-1, where denial words in a body predict `disagree` only weakly; see PROVENANCE.md.)
  it.each([
    'ByteDance denied a report that it will train a new AI model on Huawei chips, calling the claim false.',
    'ByteDance denies it will use Huawei chips for its AI model, calling the report fake.',
  ])('reads a denial of the claim as disagree: %s', async (text) => {
    expect(await classifier.classify([{ claim, text }])).toEqual(['disagree']);
  });

  it('reads a text about something else as unrelated', async () => {
    const text = body([
      'Heavy rain flooded two farms north of the river on Sunday night.',
      'Firefighters pumped water from basements until the morning, and the county opened a shelter at the school.',
    ]);
    expect(await classifier.classify([{ claim, text }])).toEqual(['unrelated']);
  });

  it('reads a report that confirms the claim as agree or discuss, never disagree or unrelated', async () => {
    const text = body([
      'ByteDance will train its new AI model on Huawei Ascend chips, the company confirmed on Monday.',
      'The new AI model will run on Huawei Ascend 910B chips, the company announced.',
    ]);
    const [stance] = await classifier.classify([{ claim, text }]);
    expect(['agree', 'discuss']).toContain(stance);
  });

  it('returns one stance per pair, in order, and reuses the analysis of a repeated text', async () => {
    const text = 'ByteDance denies it will use Huawei chips, calling the report fake.';
    const pairs = Array.from({ length: 2_000 }, (_, index) => (index % 2 === 0 ? { claim, text } : { claim: 'Rain floods farms by the river', text }));
    const stances = await classifier.classify(pairs);
    expect(stances).toHaveLength(2_000);
    expect(stances[0]).toBe('disagree');
    expect(stances[1]).toBe('unrelated');
  });

  it('gives probabilities that sum to one', () => {
    const probabilities = classifier.probabilities({
      claim,
      text: 'Huawei chips power a new ByteDance model, sources said.',
    });
    const total = Object.values(probabilities).reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(1, 6);
  });
});

describe('the agree prior correction of the body model', () => {
  const shipped = JSON.parse(readFileSync(STANCE_WEIGHTS_PATH, 'utf8')) as StanceWeightsFile;
  const withCorrection = (factor: number) => new LearnedStanceClassifier({ ...shipped, bodyAgreePriorCorrection: factor });
  const confirmingBody = body([
    'ByteDance will train its new AI model on Huawei Ascend chips, the company confirmed on Monday.',
    'The model will run on Huawei Ascend 910B chips, according to the company, which said the first version is already in testing.',
    'Analysts said the decision shows how Chinese firms are adapting to US export controls on Nvidia processors.',
    'The company said it expects to finish training the model next year and that the chips performed well in early trials.',
  ]);

  it('is below one in the shipped weights: the training clusters over-represent agreeing bodies', () => {
    expect(shipped.bodyAgreePriorCorrection).toBeGreaterThan(0.3);
    expect(shipped.bodyAgreePriorCorrection).toBeLessThan(1);
  });

  it('moves probability from agree to the other related classes of a body, keeping the related mass', () => {
    const plain = withCorrection(1).probabilities({ claim, text: confirmingBody });
    const corrected = withCorrection(0.25).probabilities({ claim, text: confirmingBody });
    expect(corrected.agree).toBeLessThan(plain.agree);
    expect(corrected.discuss).toBeGreaterThan(plain.discuss);
    expect(corrected.unrelated).toBeCloseTo(plain.unrelated, 12);
  });

  it('leaves headline-length texts to the headline model as trained', () => {
    const headline = 'ByteDance to train AI model on Huawei chips, company confirms';
    expect(withCorrection(0.25).probabilities({ claim, text: headline })).toEqual(withCorrection(1).probabilities({ claim, text: headline }));
  });
});

describe('the lexical baseline', () => {
  it('calls a text without the claim’s words unrelated', async () => {
    const baseline = new LexicalBaselineClassifier();
    expect(await baseline.classify([{ claim, text: 'Heavy rain flooded two farms.' }])).toEqual(['unrelated']);
  });
});
