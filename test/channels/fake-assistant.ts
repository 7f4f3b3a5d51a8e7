import type { Answer, Citation } from '../../src/core/answer.js';
import type { Assistant, AskOptions } from '../../src/core/assistant.js';

const SEED_URL = 'https://www.benzinga.com/news/24/09/41098765/bytedance-huawei-chips';

/** Two citations from the seed story: the claim and the spokesperson's denial. */
export const seedCitations: Citation[] = [
  {
    n: 1,
    articleId: 'seed',
    title: 'ByteDance Plans To Use Huawei Chips To Train AI Model: Report',
    source: 'Benzinga',
    url: SEED_URL,
    published: '2024-09-30T12:00:00Z',
    quote: 'ByteDance is using the Huawei Ascend 910B chip to train a new AI model, according to sources.',
    start: 0,
    end: 93,
  },
  {
    n: 2,
    articleId: 'seed',
    title: 'ByteDance Plans To Use Huawei Chips To Train AI Model: Report',
    source: 'Benzinga',
    url: SEED_URL,
    published: '2024-09-30T12:00:00Z',
    quote: '"The entire premise here is wrong. No new model is being developed," said Michael Hughes, a TikTok spokesperson.',
    start: 400,
    end: 512,
  },
];

/** A realistic answer with one supported statement, one disputed claim and its denial. */
export function seedAnswer(question = 'Is ByteDance training an AI model on Huawei chips?'): Answer {
  return {
    question,
    answer:
      'ByteDance was reported to be using Huawei chips. ByteDance is using the Huawei Ascend 910B chip to train a new AI model [1]. A TikTok spokesperson denied it [2].',
    abstained: false,
    statements: [
      { text: 'ByteDance was reported to be using Huawei chips.', citations: [1], status: 'supported' },
      { text: 'ByteDance is using the Huawei Ascend 910B chip to train a new AI model.', citations: [1], status: 'disputed', attribution: 'sources' },
    ],
    citations: seedCitations,
    disputes: [
      {
        claim: 'ByteDance is using the Huawei Ascend 910B chip to train a new AI model.',
        counter: 'The entire premise here is wrong. No new model is being developed.',
        kind: 'denied',
        claimCitations: [1],
        counterCitations: [2],
        disputedBy: 'Michael Hughes, a TikTok spokesperson',
      },
    ],
    generator: 'extractive',
  };
}

/** An abstention as the core returns it. */
export function abstainedAnswer(question: string): Answer {
  return {
    question,
    answer: "I couldn't find anything about that in the articles I have.",
    abstained: true,
    statements: [],
    citations: [],
    disputes: [],
    generator: 'extractive',
  };
}

/** A fake of the Assistant port: answers from a function and records every call. */
export class FakeAssistant implements Assistant {
  readonly calls: Array<{ question: string; options: AskOptions | undefined }> = [];

  constructor(private readonly respond: (question: string, options?: AskOptions) => Answer | Promise<Answer> = (question) => seedAnswer(question)) {}

  async ask(question: string, options?: AskOptions): Promise<Answer> {
    this.calls.push({ question, options });
    return this.respond(question, options);
  }
}
