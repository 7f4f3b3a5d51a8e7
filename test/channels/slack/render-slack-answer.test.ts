import { describe, expect, it } from 'vitest';
import { renderSlackAnswer, renderSlackReply } from '../../../src/channels/slack/render-slack-answer.js';
import { abstainedAnswer, seedAnswer } from '../fake-assistant.js';
import { hostileAnswer } from '../hostile-answer.js';

type Block = ReturnType<typeof renderSlackAnswer>['blocks'][number];

/** Every text a Slack client would render from the blocks. */
function textsOf(blocks: Block[]): string[] {
  return blocks.flatMap((block) => {
    if (block.type === 'section') return block.text ? [block.text.text] : [];
    if (block.type === 'header') return [block.text.text];
    if (block.type === 'context') return block.elements.flatMap((element) => ('text' in element ? [element.text] : []));
    return [];
  });
}

describe('renderSlackAnswer', () => {
  it('shows the answer with [n] markers, the denial under the disputed claim, and linked sources with quotes', () => {
    const message = renderSlackAnswer(seedAnswer());
    const all = textsOf(message.blocks).join('\n');
    expect(all).toContain('ByteDance was reported to be using Huawei chips. [1]');
    expect(all).toMatch(/⚠️ \*Disputed:\* ByteDance is using the Huawei Ascend 910B chip to train a new AI model\. \[1\]/);
    expect(all).toContain('_Denied by Michael Hughes, a TikTok spokesperson:_ “The entire premise here is wrong. No new model is being developed.” [2]');
    expect(all).toContain('*[2]* <https://www.benzinga.com/news/24/09/41098765/bytedance-huawei-chips|ByteDance Plans To Use Huawei Chips To Train AI Model: Report>');
    expect(all).toContain('_Benzinga · 2024-09-30_');
    expect(all).toContain('> "The entire premise here is wrong.');
    expect(message.text).toContain('ByteDance is using the Huawei Ascend 910B chip');
  });

  it('quotes a denial of two claims once and refers back to it under the second claim', () => {
    const answer = seedAnswer();
    const second = 'ByteDance plans a new large-language model, sources told Reuters.';
    const denial = answer.disputes[0];
    if (!denial) throw new Error('the seed answer has a denial');
    answer.statements.push({ text: second, citations: [3], status: 'disputed' });
    answer.disputes.push({ ...denial, claim: second, claimCitations: [3] });
    const all = textsOf(renderSlackAnswer(answer).blocks).join('\n');
    expect(all.split('“The entire premise here is wrong. No new model is being developed.”')).toHaveLength(2);
    expect(all).toMatch(/ByteDance plans a new large-language model, sources told Reuters\. \[3\]\n +↳ _Denied by Michael Hughes, a TikTok spokesperson:_ as above \[2\]/);
  });

  it('says an abstention in plain words', () => {
    const message = renderSlackAnswer(abstainedAnswer('What is the capital of France?'));
    expect(textsOf(message.blocks).join('\n')).toContain("I couldn't find anything about that in the articles I have.");
  });

  it('keeps a 10,000-character answer with 40 hostile sources inside Slack limits and notes what it trimmed', () => {
    const answer = hostileAnswer();
    const message = renderSlackAnswer(answer, { showQuestion: true });
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const block of message.blocks) {
      if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
      if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
    }
    const all = textsOf(message.blocks).join('\n');
    expect(all).toMatch(/more sources? (is|are) not shown \(Slack allows 50 blocks per message\)/);
    // Every sentence of the answer made it (it fits in a few sections).
    expect(all).toContain(`${answer.statements.length - 1}. Statement with`);
    expect(all).toContain('[40]');
  });

  it('never lets article text ping or link: <!channel>, <@U123>, @everyone and raw links are inert', () => {
    const message = renderSlackAnswer(hostileAnswer(), { showQuestion: true });
    for (const text of [...textsOf(message.blocks), message.text]) {
      expect(text).not.toMatch(/<!channel>|<!here>|<@U123>|<@U999>|<#C42>|<https:\/\/evil/);
      expect(text).not.toMatch(/@(everyone|here|channel)\b/);
      // Every & is an entity: article "&" cannot start one of its own.
      expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    }
    const all = textsOf(message.blocks).join('\n');
    expect(all).toContain('&lt;!channel&gt;');
    expect(all).toContain('&lt;@U123&gt;');
    for (const block of message.blocks) if (block.type === 'section') expect(block.text).toMatchObject({ verbatim: true });
  });

  it('renders a refusal as one escaped warning section', () => {
    const message = renderSlackReply({ kind: 'message', text: 'Limit <!here> & wait', tone: 'error' });
    expect(message.blocks).toHaveLength(1);
    expect(message.text).toBe('Limit &lt;!here&gt; &amp; wait');
    expect(textsOf(message.blocks)[0]).toBe(':warning: Limit &lt;!here&gt; &amp; wait');
  });
});
