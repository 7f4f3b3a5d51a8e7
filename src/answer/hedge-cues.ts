/**
 * Cue phrases that tell how a sentence stands towards what it reports. Kept as data so they can be
 * reviewed and extended without touching the logic; matched case-insensitively.
 */
export const DENIAL_CUES: readonly RegExp[] = [
  /\bden(?:y|ies|ied|ying)\b/i,
  /\bpremise\b[^.]{0,20}\b(?:is|was) (?:wrong|false|flawed)/i,
  /\b(?:is|are|was|were|be) (?:completely |entirely |simply |categorically )?(?:false|untrue|not true|inaccurate|baseless|unfounded|fabricated|wrong)\b/i,
  /\bno (?:new |such )?[\w-]+(?: [\w-]+)? (?:is|are|was|were) being\b/i,
  /\b(?:rejected|dismissed|refuted|disputed|rebutted) (?:the |these |those |such )?(?:report|claim|allegation|account|stor)/i,
  /\b(?:fake news|no truth|not accurate|nothing to (?:it|these))\b/i,
  /\bthere (?:is|are|was|were) no (?:plan|truth|basis|evidence)/i,
];

export const UNVERIFIED_CUES: readonly RegExp[] = [
  /\b(?:could ?n[o']t|can ?n[o']t|cannot|unable to|did ?n[o']t|was not able to|were not able to)\b[^.]{0,20}\b(?:verify|confirm|corroborate)/i,
  /\bnot (?:been )?(?:independently )?(?:verified|confirmed|corroborated)\b/i,
  /\bunverified\b|\bunconfirmed\b/i,
];

export const REPORTED_CUES: readonly RegExp[] = [
  /\breportedly\b|\ballegedly\b|\bpurportedly\b/i,
  /\b(?:sources?|people|persons?|officials?|insiders?)\b[^.]{0,40}\b(?:told|said|say|says|familiar with)\b/i,
  /\baccording to\b/i,
  /\b[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)* (?:reported|reports)\b/,
];

/** What a sentence does: states a claim, reports one, denies something, or fails to verify something. */
export type SentenceHedge = 'asserted' | 'reported' | 'denied' | 'unverified';

/** Classifies a sentence by its cue phrases; denial and non-verification win over reporting. */
export function sentenceHedge(sentence: string): SentenceHedge {
  if (UNVERIFIED_CUES.some((cue) => cue.test(sentence))) return 'unverified';
  if (DENIAL_CUES.some((cue) => cue.test(sentence))) return 'denied';
  if (REPORTED_CUES.some((cue) => cue.test(sentence))) return 'reported';
  return 'asserted';
}

const SPEAKER = /^(.{3,90}?),?\s+(?:said|says|stated|told|added|wrote|denied|denies|insisted|responded|countered)\b/;
const SPEAKER_AFTER_QUOTE = /[”"],?\s+(?:said|says|stated|added|wrote)\s+([^.,;]{3,80})/;

/** The person or body speaking in a sentence ("Michael Hughes, a TikTok spokesperson"), when it says so. */
export function speakerOf(sentence: string): string | undefined {
  const before = SPEAKER.exec(sentence);
  if (before?.[1] && !/[“"]/.test(before[1])) return before[1].trim();
  const after = SPEAKER_AFTER_QUOTE.exec(sentence);
  return after?.[1]?.trim();
}

const ATTRIBUTION = /\b((?:\w+ )?[Ss]ources? (?:told|said to|familiar with the matter told) [A-Z][\w&.-]*(?: [A-Z][\w&.-]*)*|(?:\w+ )?[Ss]ources? said|[Aa]ccording to [^,.;]+|[Pp]eople familiar with the matter|[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)* reported)\b/;

/** Who a reported claim is attributed to ("sources told Reuters"), if the sentence names it. */
export function attributionOf(sentence: string): string | undefined {
  return ATTRIBUTION.exec(sentence)?.[1]?.trim();
}
