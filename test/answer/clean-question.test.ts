import { describe, expect, it } from 'vitest';
import { cleanQuestion } from '../../src/answer/clean-question.js';

describe('cleanQuestion', () => {
  it('removes Slack and Discord mentions, broadcasts and channel links', () => {
    expect(cleanQuestion('<@U024BE7LH> Is ByteDance training an AI model on Huawei chips? <!channel>')).toBe('Is ByteDance training an AI model on Huawei chips?');
    expect(cleanQuestion('<!here> <#C123|newsroom> who denied it?')).toBe('who denied it?');
    expect(cleanQuestion('<@!80351110224678912> <@&165511591545143296> what did the council decide?')).toBe('what did the council decide?');
    expect(cleanQuestion('Is ByteDance training an AI model on Huawei chips? @everyone')).toBe('Is ByteDance training an AI model on Huawei chips?');
    expect(cleanQuestion('@here who won the cup')).toBe('who won the cup');
  });

  it('removes links and emoji but keeps every word of the question', () => {
    expect(cleanQuestion('What did https://example.com/story say about the strike? 🙏 :eyes:')).toBe('What did say about the strike?');
    expect(cleanQuestion('<https://example.com/a|this story> who is the new CEO? <:pepe:123456>')).toBe('this story who is the new CEO?');
    expect(cleanQuestion('How many people attended the U.S. Open in 2024?')).toBe('How many people attended the U.S. Open in 2024?');
    expect(cleanQuestion('Email press@example.com about 10:30 meeting')).toBe('Email press@example.com about 10:30 meeting');
  });
});
