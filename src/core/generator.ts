import type { ArticleMeta } from './article.js';
import type { Answer, ConversationTurn } from './answer.js';
import type { Passage } from './passage.js';

/** A retrieved passage handed to a generator, with the article it belongs to and the article body for quoting. */
export interface Evidence {
  passage: Passage;
  article: ArticleMeta;
  /** Full cleaned article body, so quotes can be cut verbatim by offsets. */
  body: string;
  score: number;
}

export interface GenerateRequest {
  question: string;
  history: ConversationTurn[];
  evidence: Evidence[];
  /**
   * Further passages of the same articles (and of close matches), not to answer from but to find the
   * denials, contradictions and failed verifications that concern the evidence.
   */
  context?: Evidence[];
  /** When the question was asked (ISO 8601): an answer to "what happened this week" must come from that week's articles. */
  askedAt?: string;
}

/** Composes an answer from evidence. The extractive answerer and the LLM answerer implement it. */
export interface Generator {
  readonly id: string;
  generate(request: GenerateRequest): Promise<Answer>;
}
