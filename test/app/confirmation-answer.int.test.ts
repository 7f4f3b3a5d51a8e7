import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storydesk } from '../../src/app/storydesk.js';
import { formatAnswerLines } from '../../src/channels/answer-lines.js';
import { renderAnswerForTerminal } from '../../src/channels/terminal/render-answer.js';
import { articleMarkdown as article } from '../helpers/fictional-articles.js';
import { openTestStorydesk } from '../helpers/open-test-storydesk.js';
import { makeTempDir } from '../helpers/temp-dir.js';

const plain = { escape: (text: string) => text, bold: (text: string) => text, italic: (text: string) => text };

describe('answers with a claim that a later report confirms', () => {
  const temp = makeTempDir();
  const corpus = join(temp.path, 'corpus');
  let storydesk: Storydesk;

  beforeAll(async () => {
    mkdirSync(corpus);
    writeFileSync(
      join(corpus, 'gazette.md'),
      article(
        'Harbor council approves stadium budget',
        'Harbor Gazette',
        '2025-03-01',
        'The city council approved the new stadium budget on Monday. The vote passed seven to two after a long debate about parking.',
      ),
    );
    writeFileSync(
      join(corpus, 'times.md'),
      article(
        'Stadium budget confirmed',
        'Lakeside Times',
        '2025-03-05',
        'The city council has approved the new stadium budget, officials confirmed on Wednesday.\n\nConstruction is due to start in the autumn.',
      ),
    );
    storydesk = await openTestStorydesk(join(temp.path, 'data'));
    await storydesk.ingest([corpus]);
  });
  afterAll(async () => {
    await storydesk.close();
    temp.remove();
  });

  it('shows the later confirmation under the earlier claim, citing both outlets', async () => {
    const answer = await storydesk.ask('Did the city council approve the new stadium budget?');
    expect(answer.abstained).toBe(false);
    const confirmation = answer.confirmations?.find((item) => item.claim.includes('approved the new stadium budget on Monday'));
    expect(confirmation?.confirmation).toContain('officials confirmed on Wednesday');
    expect(confirmation?.confirmedBy).toBe('Lakeside Times');
    const [cited] = confirmation?.confirmationCitations ?? [];
    expect(answer.citations.find((citation) => citation.n === cited)?.source).toBe('Lakeside Times');
    // The confirming sentence is shown under the claim, not repeated as a statement of its own.
    expect(answer.statements.map((statement) => statement.text)).not.toContain(confirmation?.confirmation);
    expect(answer.answer).toContain('Confirmed later — Lakeside Times:');
    expect(formatAnswerLines(answer, plain).join('\n')).toContain('Confirmed later by Lakeside Times:');
    expect(renderAnswerForTerminal(answer)).toContain('confirmed later by Lakeside Times');
  });
});
