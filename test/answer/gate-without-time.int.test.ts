import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveGenerator } from '../../src/answer/extractive-generator.js';
import { corpusTermWeights } from '../../src/answer/corpus-term-weights.js';
import { type AbstentionGate, SentenceRanker, shippedSentenceRanker } from '../../src/answer/sentence-ranker.js';
import type { Storydesk } from '../../src/app/storydesk.js';
import type { GenerateRequest } from '../../src/core/generator.js';
import { openFictionalStorydesk, ROWING_CUP_REPORT } from '../helpers/fictional-articles.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const ANSWERS_ALL: AbstentionGate = { minAnswerability: 0, minContextCoverage: 0, typedAnswerCoverage: 1.01, answeredCoverage: 1.01, maxEvidenceAgeDays: null };
const DECLINES_ALL: AbstentionGate = { minAnswerability: 1.01, minContextCoverage: 1.01, typedAnswerCoverage: 1.01, answeredCoverage: 1.01, maxEvidenceAgeDays: null };

describe('the abstention gate is the one calibrated for what is known of the question', () => {
  const temp = makeTempDir();
  let storydesk: Storydesk;
  let request: GenerateRequest;

  beforeAll(async () => {
    storydesk = await openFictionalStorydesk(temp.path, { 'rowing.md': ROWING_CUP_REPORT });
    request = await storydesk.gatherEvidence('Which team won the Harbour Rowing Cup?');
  });
  afterAll(() => {
    storydesk.close();
    temp.remove();
  });

  const generatorWith = (gate: AbstentionGate, gateWithoutTime: AbstentionGate): ExtractiveGenerator => {
    const ranker = new SentenceRanker({ ...shippedSentenceRanker().model, gate, gateWithoutTime });
    return new ExtractiveGenerator({ ranker, termWeights: corpusTermWeights(storydesk.store) });
  };

  it('uses the gate calibrated without a time of asking when the question has none (the CLI, the terminal chat)', async () => {
    const generator = generatorWith(ANSWERS_ALL, DECLINES_ALL);
    expect((await generator.generate(request)).abstained).toBe(true);
    expect((await generator.generate({ ...request, askedAt: '2031-05-06T10:00:00.000Z' })).abstained).toBe(false);
  });

  it('uses the timed gate when the question says when it was asked (Slack, Discord)', async () => {
    const generator = generatorWith(DECLINES_ALL, ANSWERS_ALL);
    expect((await generator.generate({ ...request, askedAt: '2031-05-06T10:00:00.000Z' })).abstained).toBe(true);
    const answer = await generator.generate(request);
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('Quillon Otters');
  });
});
