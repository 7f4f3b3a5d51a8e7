import { describe, expect, it } from 'vitest';
import { DISCORD_LIMITS, renderDiscordAnswer, renderDiscordReply } from '../../../src/channels/discord/render-discord-answer.js';
import { abstainedAnswer, seedAnswer } from '../fake-assistant.js';
import { hostileAnswer } from '../hostile-answer.js';

type Embed = ReturnType<typeof renderDiscordAnswer>['embeds'][number];

/** Discord counts title, description, field names and values, footer and author towards 6,000. */
function embedSize(embed: Embed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function textsOf(embeds: Embed[]): string[] {
  return embeds.flatMap((embed) => [embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '', ...(embed.fields ?? []).flatMap((field) => [field.name, field.value])]);
}

describe('renderDiscordAnswer', () => {
  it('puts the cited answer with the marked dispute in the description and the sources in fields', () => {
    const message = renderDiscordAnswer(seedAnswer());
    const [embed] = message.embeds;
    expect(embed?.description).toContain('ByteDance was reported to be using Huawei chips. [1]');
    expect(embed?.description).toContain('⚠️ **Disputed:** ByteDance is using the Huawei Ascend 910B chip to train a new AI model. [1]');
    expect(embed?.description).toContain('*Denied by Michael Hughes, a TikTok spokesperson:* “The entire premise here is wrong. No new model is being developed.” [2]');
    expect(embed?.fields?.[1]).toEqual({
      name: '[2] Benzinga · 2024-09-30',
      value: expect.stringContaining('[ByteDance Plans To Use Huawei Chips To Train AI Model: Report](https://www.benzinga.com/news/24/09/41098765/bytedance-huawei-chips)\n> "The entire premise here is wrong.'),
      inline: false,
    });
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  it('says an abstention in plain words', () => {
    const message = renderDiscordAnswer(abstainedAnswer('Capital of France?'));
    expect(message.embeds[0]?.description).toContain("I couldn't find anything about that in the articles I have.");
  });

  it('keeps a 10,000-character answer with 40 hostile sources inside every Discord limit and notes the trimming', () => {
    const message = renderDiscordAnswer(hostileAnswer());
    const total = message.embeds.reduce((sum, embed) => sum + embedSize(embed), 0);
    expect(total).toBeLessThanOrEqual(DISCORD_LIMITS.charactersPerMessage);
    expect(message.embeds.length).toBeLessThanOrEqual(10);
    for (const embed of message.embeds) {
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(256);
        expect(field.value.length).toBeLessThanOrEqual(1024);
      }
    }
    expect(message.embeds[0]?.description).toMatch(/answer trimmed to fit Discord’s limits/);
    expect(message.embeds[0]?.fields?.length).toBeGreaterThan(2);
    expect(message.embeds[0]?.footer?.text).toMatch(/more sources not shown/);
  });

  it('escapes markdown and breaks every mention in article text', () => {
    const message = renderDiscordAnswer(hostileAnswer());
    for (const text of textsOf(message.embeds)) {
      expect(text).not.toMatch(/@(everyone|here)\b/);
      expect(text).not.toMatch(/<@U123>|<@&987>|<#C42>|<@U999>/);
    }
    expect(message.embeds[0]?.description).toContain('\\*bold\\*');
    expect(message.embeds[0]?.description).toContain('\\`code\\`');
  });

  it('renders a refusal as escaped content under 2,000 characters with mentions disabled', () => {
    const message = renderDiscordReply({ kind: 'message', text: `@everyone ${'x'.repeat(3000)}`, tone: 'error' });
    expect(message.content?.length).toBeLessThanOrEqual(2000);
    expect(message.content).toMatch(/^⚠️ @\u200beveryone/);
    expect(message.allowedMentions).toEqual({ parse: [] });
  });
});
