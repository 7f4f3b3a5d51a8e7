export type StatementStatus = 'supported' | 'disputed' | 'unverified';
export type DisputeKind = 'denied' | 'unverified' | 'contradicted';

/** A numbered source under an answer. `quote` is verbatim from the stored article body. */
export interface Citation {
  n: number;
  articleId: string;
  title: string;
  source: string | null;
  url: string | null;
  published: string | null;
  quote: string;
  /** Offsets of `quote` in the article body. */
  start: number;
  end: number;
}

/** One sentence of the reply with the citations it rests on. */
export interface Statement {
  text: string;
  citations: number[];
  status: StatementStatus;
  /** Who stands behind the claim when it is not the outlet itself ("sources told Reuters"). */
  attribution?: string;
}

/** A claim and the statement that denies, contradicts or fails to verify it. */
export interface Dispute {
  claim: string;
  counter: string;
  kind: DisputeKind;
  claimCitations: number[];
  counterCitations: number[];
  /** Who disputes it ("Michael Hughes, a TikTok spokesperson"), when known. */
  disputedBy?: string;
}

/** A claim that a later report from another outlet agrees with. */
export interface Confirmation {
  claim: string;
  confirmation: string;
  claimCitations: number[];
  confirmationCitations: number[];
  /** The outlet that confirmed it, when known. */
  confirmedBy?: string;
}

/** The reply's first line: the answer itself (a name, a date, a number; who disputes a claim) with its sources. */
export interface LeadAnswer {
  text: string;
  citations: number[];
}

/** A story the answer's sources belong to, for a "Full timeline" link. */
export interface AnswerStory {
  id: string;
  title: string;
  /** Its web page (set when STORYDESK_PUBLIC_URL is). */
  url?: string;
}

export interface Answer {
  question: string;
  /** The span that answers the question, stated before the supporting quotes (absent when no sentence holds one). */
  lead?: LeadAnswer;
  /** The reply as plain text with [n] markers. */
  answer: string;
  abstained: boolean;
  statements: Statement[];
  citations: Citation[];
  disputes: Dispute[];
  /** Claims of the answer that a later report from another outlet confirms (absent when none were looked for). */
  confirmations?: Confirmation[];
  /** Which generator produced it, e.g. "extractive" or "llm:gpt-4o-mini". */
  generator: string;
  /** Stories of the cited articles, first cited first (absent when not looked up). */
  stories?: AnswerStory[];
  /** Something the user should know, e.g. "the language model timed out; showing the extractive answer". */
  notice?: string;
}

/** A previous turn in a thread, used to resolve follow-up questions. */
export interface ConversationTurn {
  role: 'user' | 'assistant';
  text: string;
}
