import { describe, expect, it } from 'vitest';
import { renderDiscordDigest } from '../../../src/channels/discord/discord-digest.js';
import { formatDigestText } from '../../../src/channels/commands/digest-lines.js';
import { renderSlackDigest } from '../../../src/channels/slack/slack-digest.js';
import type { Digest, DigestClaim, DigestStory } from '../../../src/stories/digest/digest.js';

const claim = (text: string, source: string, url: string): DigestClaim => ({
  text,
  citation: { articleId: `a-${source}`, title: 'T', source, url, published: '2031-03-03', quote: text, start: 0, end: text.length },
});

const story = (n: number, sentence = 'The span could need a full replacement, officials said.'): DigestStory => ({
  storyId: `story-${n}`,
  title: `Story number ${n}`,
  newArticleCount: 12,
  newArticles: Array.from({ length: 10 }, (_, index) => ({
    articleId: `a${n}-${index}`,
    title: `Article ${index} of story ${n} with a long enough headline to take room`,
    source: 'Harbour Herald',
    url: `https://herald.example/${n}/${index}`,
    published: '2031-03-03T08:00:00Z',
    otherOutlets: index === 0 ? [{ source: 'Coast Wire', url: `https://wire.example/${n}` }] : [],
  })),
  claims: Array.from({ length: 6 }, (_, index) => claim(`${sentence} (${index}) ${'More detail. '.repeat(20)}`, 'Harbour Herald', `https://herald.example/${n}`)),
  disputes: [
    {
      change: 'newly_disputed',
      kind: 'denied',
      claim: claim('Sources said the bolts were faulty.', 'The Quillon Gazette', 'https://gazette.example/b'),
      counter: claim('A spokesperson denied that its bolts were faulty.', 'Harbour Herald', 'https://herald.example/b'),
    },
  ],
  confirmations: [
    {
      claim: claim('The bridge will stay shut until June, the council said.', 'The Quillon Gazette', 'https://gazette.example/c'),
      confirmation: claim('Engineers confirmed the bridge stays closed until June.', 'Coast Wire', 'https://wire.example/c'),
      confirmedBy: 'Coast Wire',
    },
  ],
});

const digest = (stories: DigestStory[]): Digest => ({
  subscriptionId: 'sub-1',
  platform: 'slack',
  channelId: 'C1',
  target: 'quillon bridge',
  targetKind: 'query',
  since: '2031-03-02T09:00:00.000Z',
  until: '2031-03-03T09:00:00.000Z',
  stories,
});

describe('digest rendering', () => {
  it('lists new articles with outlet, date, link and other outlets, and flags disputes with both citations', () => {
    const text = formatDigestText(digest([story(1)]));
    expect(text).toContain('Digest: "quillon bridge" — 12 new articles in 1 story');
    expect(text).toContain('• Article 0 of story 1 with a long enough headline to take room <https://herald.example/1/0> — Harbour Herald, 2031-03-03 (also Coast Wire <https://wire.example/1>)');
    expect(text).toContain('…and 2 more');
    expect(text).toContain('⚠️ Denied (newly disputed): “Sources said the bolts were faulty.” — The Quillon Gazette, 2031-03-03 <https://gazette.example/b>');
    expect(text).toContain('↳ “A spokesperson denied that its bolts were faulty.” — Harbour Herald, 2031-03-03 <https://herald.example/b>');
    expect(text).toContain('✅ Confirmed: “The bridge will stay shut until June, the council said.” — The Quillon Gazette, 2031-03-03 <https://gazette.example/c>');
    expect(text).toContain('↳ Coast Wire: “Engineers confirmed the bridge stays closed until June.” — Coast Wire, 2031-03-03 <https://wire.example/c>');
  });

  it('keeps a large Slack digest within 50 blocks and 3,000 characters per section, saying what was left out', () => {
    const message = renderSlackDigest(digest(Array.from({ length: 30 }, (_, index) => story(index))));
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const block of message.blocks) {
      if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    }
    expect(JSON.stringify(message.blocks.at(-1))).toMatch(/more stories are not shown/);
  });

  it('escapes article text for Slack so it cannot mention the channel', () => {
    const hostile = story(1, 'Everyone <!channel> look at <https://evil.example|this> & @here');
    const message = renderSlackDigest(digest([hostile]));
    const json = JSON.stringify(message.blocks);
    expect(json).not.toContain('<!channel>');
    expect(json).toContain('&lt;!channel&gt;');
  });

  it('keeps a large Discord digest within 10 embeds, 25 fields, 1,024 per field and 6,000 characters', () => {
    const message = renderDiscordDigest(digest(Array.from({ length: 30 }, (_, index) => story(index))));
    expect(message.embeds.length).toBeLessThanOrEqual(10);
    let total = 0;
    for (const embed of message.embeds) {
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(25);
      for (const field of embed.fields ?? []) {
        expect(field.value.length).toBeLessThanOrEqual(1024);
        total += field.name.length + field.value.length;
      }
      total += (embed.title?.length ?? 0) + (embed.footer?.text.length ?? 0);
    }
    expect(total).toBeLessThanOrEqual(6000);
    expect(message.content).toMatch(/more stories not shown/);
    expect(message.allowedMentions).toEqual({ parse: [] });
  });
});
