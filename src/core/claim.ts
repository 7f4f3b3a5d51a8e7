/**
 * A claim read from an article: a core type because the claim store keeps it. The rules that read claims live
 * in src/disputes.
 */

/**
 * How firmly a sentence puts what it says: stated as fact by the outlet, reported from someone, alleged,
 * denied, or explicitly not verified.
 */
export type Hedge = 'asserted' | 'reported' | 'alleged' | 'denied' | 'unverified';

/** Who stands behind a sentence: the outlet itself, a named party, or an unnamed one ("sources"). */
export type HolderKind = 'outlet' | 'named' | 'unnamed';

/** The attribution of one sentence. */
export interface Attribution {
  /** The speaker as written ("Michael Hughes, a TikTok spokesperson", "sources", "IDC"); null for the outlet. */
  holder: string | null;
  kind: HolderKind;
  /** The reporting verb or phrase ("stated", "told", "according to"); null when the outlet asserts it. */
  verb: string | null;
  /** The outlet the speaker talked to, when named ("Reuters" in "sources told Reuters"). */
  via: string | null;
}

/** A sentence of an article read as a claim: what it says, who stands behind it, and how firmly. */
export interface Claim {
  /** Offsets in the article body (end exclusive); `text` is exactly `body.slice(start, end)`. */
  start: number;
  end: number;
  text: string;
  attribution: Attribution;
  hedge: Hedge;
}
