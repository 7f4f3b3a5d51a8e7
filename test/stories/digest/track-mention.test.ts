import { describe, expect, it } from 'vitest';
import { commandFromMention } from '../../../src/channels/commands/track-mention.js';

describe('tracking commands written in a mention', () => {
  it('reads "track <topic>" and friends as commands', () => {
    expect(commandFromMention('track ByteDance Huawei chips')).toEqual({ name: 'track', options: { target: 'ByteDance Huawei chips' } });
    expect(commandFromMention('  Untrack: sub-0123456789ab')).toEqual({ name: 'untrack', options: { id: 'sub-0123456789ab' } });
    expect(commandFromMention('tracked')).toEqual({ name: 'tracked', options: {} });
    expect(commandFromMention('/digest')).toEqual({ name: 'digest', options: {} });
    expect(commandFromMention('story Quillon bridge')).toEqual({ name: 'story', options: { id_or_query: 'Quillon bridge' } });
  });

  it('leaves questions alone, even ones that start with a command word', () => {
    expect(commandFromMention('What did TikTok say about the Huawei chips?')).toBeNull();
    expect(commandFromMention('track')).toBeNull();
    expect(commandFromMention('digest of the week please')).toBeNull();
    expect(commandFromMention('tracking error in the report?')).toBeNull();
  });
});
