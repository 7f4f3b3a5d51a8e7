import type { Citation, DisputeKind } from '../core/answer.js';

/** A verbatim quote from a stored article (`quote` is exactly `body.slice(start, end)`): a citation without a number. */
export type StoryCitation = Omit<Citation, 'n'>;

/** One development of a story: an article's lead claim, quoted. */
export interface TimelineEntry {
  /** The article's published date; null when it has none (such entries come last). */
  date: string | null;
  text: string;
  citation: StoryCitation;
}

/** A claim in the story and the statement that denies, contradicts or fails to verify it, both cited. */
export interface StoryDispute {
  claim: string;
  counter: string;
  kind: DisputeKind;
  claimCitation: StoryCitation;
  counterCitation: StoryCitation;
  disputedBy?: string;
}

/** A statement that denies, contradicts or fails to verify a claim, cited. */
export interface ClaimCounter {
  kind: DisputeKind;
  text: string;
  citation: StoryCitation;
  /** Who disputes it, when known. */
  disputedBy?: string;
}

/** A disputed claim of the story with every statement that disputes it: the two sides of a story page. */
export interface DisputedClaim {
  claim: string;
  citation: StoryCitation;
  /** Strongest kind first (denied, contradicted, unverified). */
  counters: ClaimCounter[];
}

/** A claim in the story that a later report from another outlet agrees with, both cited. */
export interface StoryConfirmation {
  claim: string;
  confirmation: string;
  claimCitation: StoryCitation;
  confirmationCitation: StoryCitation;
  /** The confirming outlet, when known. */
  confirmedBy?: string;
}

/** A story as listed. */
export interface StorySummary {
  id: string;
  title: string;
  /** Oldest first. */
  articleIds: string[];
  /** Distinct outlets, in order of first appearance. */
  sources: string[];
  firstSeen: string | null;
  lastSeen: string | null;
}

/** A story with its timeline, disputes and later confirmations. */
export interface StoryDetail extends StorySummary {
  timeline: TimelineEntry[];
  disputes: StoryDispute[];
  /** The disputes regrouped by claim, each claim with all of its counter statements (for side-by-side pages). */
  disputedClaims: DisputedClaim[];
  confirmations: StoryConfirmation[];
}
