import { describe, expect, it } from 'vitest';
import { extractJsonObject, parseModelAnswer } from '../../../src/answer/llm/model-answer.js';

const json = '{"abstain":false,"statements":[{"text":"A {braced} claim.","passages":[1],"status":"supported"}],"disputes":[]}';

describe('parseModelAnswer', () => {
  it('reads a bare JSON reply', () => {
    const parsed = parseModelAnswer(json);
    expect(parsed.ok && parsed.answer.statements[0]?.text).toBe('A {braced} claim.');
  });

  it('reads JSON inside a code fence with prose around it', () => {
    const parsed = parseModelAnswer(`Sure! Here is the answer:\n\`\`\`json\n${json}\n\`\`\`\nLet me know if you need more.`);
    expect(parsed.ok).toBe(true);
  });

  it('reads the first balanced object after leading prose, ignoring braces inside strings', () => {
    expect(extractJsonObject(`Answer: ${json} (end)`)).toEqual(JSON.parse(json));
  });

  it('accepts passage numbers written as strings and fills missing lists, as small local models write them', () => {
    const parsed = parseModelAnswer('{"statements":[{"text":"x","passages":["2"]}]}');
    expect(parsed).toEqual({ ok: true, answer: { abstain: false, statements: [{ text: 'x', passages: [2], status: 'supported' }], disputes: [] } });
  });

  it('reports malformed JSON and wrong shapes instead of throwing', () => {
    expect(parseModelAnswer('{"abstain": false, "statements": [ {"text": "cut off')).toEqual({ ok: false, reason: 'no JSON object in the reply' });
    const wrong = parseModelAnswer('{"statements":[{"text":"x","status":"probably"}]}');
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.reason).toContain('statements.0.status');
  });
});
