import { describe, expect, it } from 'vitest';
import { topicWeights } from '../../src/answer/topic-weights.js';

describe('topicWeights', () => {
  const weights = new Map([
    ['airlin', 2],
    ['jfk', 6],
    ['suspend', 3],
    ['servic', 1],
  ]);

  it('weighs coverage by the corpus weights, so the rare words of a question count most', () => {
    const topic = topicWeights(['airlin', 'jfk', 'suspend', 'servic'], weights);
    expect(topic.coverage(new Set(['jfk']))).toBeCloseTo(6 / 12);
    expect(topic.coverage(new Set(['servic', 'airlin']))).toBeCloseTo(3 / 12);
    expect(topic.coverage(new Set())).toBe(0);
  });

  it('reads the three rarest topic terms as the event-specific ones, rarest first', () => {
    expect(topicWeights(['airlin', 'jfk', 'suspend', 'servic'], weights).rarest).toEqual(['jfk', 'suspend', 'airlin']);
  });

  it('gives words the corpus does not know the mean weight, and keeps question order among equals', () => {
    const topic = topicWeights(['novel', 'servic', 'other'], weights);
    // The mean of the known weights is 3: both unknown words outrank "servic" and keep their order.
    expect(topic.rarest).toEqual(['novel', 'other', 'servic']);
    expect(topic.weightOf('novel')).toBe(3);
  });
});
