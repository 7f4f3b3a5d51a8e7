import { describe, expect, it } from 'vitest';
import { type GateQuestion, GateTable, gateGrid } from '../lib/gate-calibration.js';

const question = (kind: GateQuestion['kind'], week: string, answerability: number): GateQuestion => ({
  kind,
  week,
  judged: true,
  best: { coverage: 0.5, contextCoverage: 0.5, hasTypedSpan: false, holdsAnswer: kind === 'answerable' },
  answerability,
});

describe('gate calibration', () => {
  // In week A the model separates answerable from unanswerable questions; in week B it gets them backwards.
  const questions = [question('answerable', 'A', 0.3), question('offCorpus', 'A', 0.2), question('answerable', 'B', 0.2), question('offCorpus', 'B', 0.3)];
  const table = new GateTable(questions, gateGrid([null]));

  it('picks, on all weeks, a gate that keeps within the budget of abstentions on answerable questions', () => {
    const rates = table.rates(table.pick(0.1));
    expect(rates.answerable).toBe(0);
    expect(rates.right).toBe(1);
  });

  it('shows, picking on the other weeks, what a gate fitted to one week does to a week it has not seen', () => {
    // Picked on A, the threshold between 0.2 and 0.3 declines B's answerable question and answers its unanswerable one.
    const nested = table.nestedRates(0.1);
    expect(nested.answerable).toBe(0.5);
    expect(nested.unanswerable).toBe(0);
    expect(nested.byKind.offCorpus).toBe(0);
  });

  it('counts only the weeks asked for', () => {
    const onlyA = table.rates(table.pick(0.1, (week) => week === 'A'), (week) => week === 'A');
    expect(onlyA).toMatchObject({ answerable: 0, unanswerable: 1, right: 1 });
  });

  it("counts an answer as right for the reader when a later quote holds it, and not when the gate declines it", () => {
    const laterQuote: GateQuestion = { ...question('answerable', 'A', 0.3), best: { coverage: 0.5, contextCoverage: 0.5, hasTypedSpan: false, holdsAnswer: false, quotesHoldAnswer: true } };
    const alone = new GateTable([laterQuote], gateGrid([null]));
    const answers = alone.gates.findIndex((gate) => gate.minContextCoverage === 0 && gate.minAnswerability === 0);
    const declines = alone.gates.findIndex((gate) => gate.minAnswerability > 0.3);
    expect(alone.rates(answers)).toMatchObject({ answerable: 0, right: 0, replyRight: 1 });
    expect(alone.rates(declines)).toMatchObject({ answerable: 1, right: 0, replyRight: 0 });
  });

  it('has no gate that declines a typed answer whose article covers every topic term', () => {
    const typedAnswer: GateQuestion = { ...question('answerable', 'A', 0), best: { coverage: 0.5, contextCoverage: 1, hasTypedSpan: true, holdsAnswer: true } };
    const alone = new GateTable([typedAnswer], gateGrid());
    expect(alone.gates.filter((_, gate) => alone.rates(gate).answerable > 0)).toEqual([]);
  });
});
