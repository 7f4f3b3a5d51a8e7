import type { Attribution } from './attribution.js';

import type { Hedge } from '../core/claim.js';
import { TEXT_MEMO_CAPACITY, TextMemo } from '../text/text-memo.js';

export type { Hedge };

const URL = /\bhttps?:\/\/\S+/g;

/** Before "deny": a passive refusal ("was denied"), an admission ("can't deny"), or no denial at all ("hasn't denied"). */
const NOT_DENYING_BEFORE = String.raw`(?<!\b(?:was|were|been|being|be|is|are|get|gets|got|can'?t|cannot|could|couldn'?t|can|impossible to|hard to|difficult to|approving or)\s)(?<!\b(?:was|were|been|is|are) \w+ly\s)(?<!\b(?:not|never|n't|confirm or)\s+(?:\w+\s+)?)(?<!n't\s+(?:\w+\s+)?)`;
/** "denying marriage to same-sex couples": something refused to someone. */
const REFUSED_TO = 'same-sex|gay|people|couples|women|men|children|those|anyone|them|him|her|us|immigrants|residents|voters|students|citizens';
/** "denied bail", "denied the motion", "denying him a chance": something refused, not a claim denied. */
const REFUSED_THINGS =
  'access|entry|bail|parole|visas?|requests?|permission|service|coverage|benefits|care|treatment|tests?|the right|admission|passage|boarding|services?|funding|loans?|applications?|claims? for|insurance|marriage|rights|petitions?|motions?|appeals?|bids?|move|permits?|licen[cs]es?|plates?|the plate|chances?|majority|victory|win|title|spot|seat';
/**
 * "denied the report", "flatly denies", "denied it" — but not refusals, which are events, not denials of a claim,
 * nor admissions or the absence of a denial. A sentence-opening "Denied a speaker, …" is a refusal; a
 * sentence-opening "Denying the report, …" is a denial.
 */
const DENIAL_VERB = new RegExp(
  String.raw`${NOT_DENYING_BEFORE}\b(?:den(?:y|ies|ying)|(?<!^\W*)denied)\b(?!\s+(?:[\w’'-]+\s+){0,3}to\s+(?:${REFUSED_TO})\b)(?!\s+(?:[\w’'-]+\s+){0,3}(?:${REFUSED_THINGS})\b)`,
  'i',
);

/**
 * How headlines attribute: a source tag before or after the claim ("Report: …", "… : SITE", "… - reports",
 * "… [REPORT]", "… (Rumor)", "…, monitoring group says") instead of a sentence with a speaker.
 */
const HEADLINE_SOURCE_WORDS = 'reports?|rumou?rs?|sources?|claims?|says?|media|officials|insiders?|service|agency|monitor|group';
const HEADLINE_ATTRIBUTION: readonly RegExp[] = [
  /^\W*(?:exclusive\s+)?(?:report|rumou?r|sources?|leak)\s*:/i,
  new RegExp(String.raw`(?:[:|]|\s[-–—])\s*(?:[\w.'’&-]+\s+){0,4}(?:${HEADLINE_SOURCE_WORDS})\W*$`, 'i'),
  // After a comma only a verb of saying ("…, monitoring group says"): "…, confirmed reports" is a noun. A pronoun
  // speaker ("…, he said.") names no source, and attribution leaves such sentences to the outlet on purpose.
  /,\s*(?!(?:he|she|they|it|we|i|you)\s)(?:[\w.'’&-]+\s+){0,4}(?:says|said)\W*$/i,
  new RegExp(String.raw`[[(](?:${HEADLINE_SOURCE_WORDS})[\])]`, 'i'),
  // A source's acronym after a colon at the very end ("…: SITE", "…: WSJ").
  /:\s*[A-Z]{3,6}\s*$/,
  /\brumou?rs?\b[^.]{0,20}\b(?:suggests?|claims?|says?|swirl)/i,
];

/** Cue patterns per hedge, kept as data; matched against the sentence as written. */
export const HEDGE_CUES: Readonly<Record<'unverified' | 'denied' | 'alleged' | 'reported', readonly RegExp[]>> = {
  unverified: [
    /\b(?:could ?n[o']t|can ?n[o']t|cannot|unable to|did ?n[o']t|was not able to|were not able to|has ?n[o']t been able to)\b[^.]{0,25}?\b(?:verify|confirm|corroborate|substantiate)/i,
    /\b(?:has|have|had) yet to (?:be )?(?:verify|verified|confirm|confirmed|corroborate)/i,
    /\bnot (?:been )?(?:independently )?(?:verified|confirmed|corroborated)\b/i,
    // …but not a status or a category: "unverified accounts" on a platform, "unconfirmed cases" in a tally.
    /\b(?:unverified|unconfirmed|uncorroborated)\b(?!\s+(?:[\w-]+\s+)?(?:accounts?|cases?|deaths?|users?|profiles?)\b)/i,
    /\bno (?:independent )?(?:confirmation|verification)\b/i,
    /\bnot in a position to (?:confirm|verify|corroborate)\b/i,
  ],
  denied: [
    DENIAL_VERB,
    /\bpremise\b[^.]{0,25}\b(?:is|was) (?:wrong|false|flawed|incorrect)/i,
    /\b(?:is|are|was|were|be|that's|it's) ["“‘]?(?:completely |entirely |simply |categorically |absolutely |patently )?(?:false|untrue|not true|inaccurate|incorrect|baseless|unfounded|fabricated|wrong(?!\s+(?:for|with|to)\b)|fake|a hoax|fake news|nonsense)\b/i,
    /\bno (?:new |such )?[\w-]+(?: [\w-]+)? (?:is|are|was|were) being (?:developed|planned|built|considered|made|prepared)\b/i,
    /\b(?:rejected|dismissed|refuted|disputed|rebutted|rejects|dismisses|refutes|disputes) (?:the |these |those |such |any )?(?:report|claim|allegation|account|stor|rumou?r|suggestion)/i,
    /\b(?:no truth|not accurate|nothing to (?:it|these|the report)|there is no such|never happened|did not happen|didn't happen)\b/i,
    /\bthere(?:['’]s| is| are| was| were) no (?:plan|truth|basis|evidence)/i,
    /\b(?:has|have|had) no plans? to\b/i,
    /\bcategorically\b/i,
  ],
  alleged: [
    /\ballege(?:dly|d|s)?\b|\bpurport(?:s|ed|edly|ing)?\b|\bsupposedly\b/i,
    /\bclaim(?:s|ed|ing)? to (?:show|be|have)\b|\b(?:appears?|appeared|appearing) to show\b/i,
    /\baccused (?:of|him|her|them|the)\b/i,
    /\b(?:claims?|claimed) that\b/i,
    /\bis said to\b|\bare said to\b/i,
  ],
  reported: [
    /\breportedly\b|\bapparently\b|\brumou?red\b/i,
    /\b(?:sources?|people|persons?|officials?|insiders?)\b[^.]{0,60}\b(?:told|said|say|says|familiar with)\b/i,
    /\baccording to\b/i,
    /\b[A-Z][\w&.-]*(?: [A-Z][\w&.-]*)* (?:reported|reports)\b/,
    /\b(?:is|are) (?:expected|believed|thought|understood|set) to\b/i,
    /\b(?:believed|tipped) to (?:be|have)\b/i,
    ...HEADLINE_ATTRIBUTION,
  ],
};

/**
 * A newspaper's correction notice ("A story May 2 was incorrect.", "An earlier version of this story misstated…"):
 * it corrects the outlet's own earlier text, not a claim anyone made, so it denies nothing.
 */
const CORRECTION_NOTICE =
  /^\W*(?:an? (?:earlier|previous|prior) version of (?:this|the) (?:story|article|report)|(?:a|an|this|the) (?:earlier |previous )?(?:story|article|report|headline)\b[^.]{0,40}\b(?:was|is|has been) (?:incorrect|wrong|inaccurate|corrected|updated))/i;

/** A corrections column entry: what was wrong in which dated edition ("A chart April 14 was incorrect."). */
const CORRECTION_WORD = /\b(?:incorrect|misstated|misidentified|misspelled)\b/i;
const MONTH_DAY = /\b(?:Jan|Feb|March|April|May|June|July|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.? \d{1,2}\b/;
/** Someone saying a report was incorrect is a denial, not a correction. */
const SPEECH = /\b(?:said|says|told|according to|called)\b/i;

function isDatedCorrection(text: string): boolean {
  return CORRECTION_WORD.test(text) && MONTH_DAY.test(text) && !SPEECH.test(text);
}

/**
 * The hedge of a sentence. Non-verification wins over denial ("confirmed X but could not verify Y" is about
 * what was not verified), denial over allegation and reporting; a sentence with a speaker other than the
 * outlet is at least `reported`.
 */
export function hedgeOf(sentence: string, attribution?: Attribution): Hedge {
  // The attribution only matters as "someone other than the outlet speaks", so the hedge is remembered per text for each case.
  const spoken = attribution !== undefined && attribution.kind !== 'outlet';
  return spoken ? spokenHedges.get(sentence, (text) => readHedge(text, true)) : outletHedges.get(sentence, (text) => readHedge(text, false));
}

/*
 * Every ask reads the hedge of each retrieved sentence (about 40 patterns), and the next ask about the story reads
 * the same sentences: remembered by text.
 */
const outletHedges = new TextMemo<Hedge>(TEXT_MEMO_CAPACITY);
const spokenHedges = new TextMemo<Hedge>(TEXT_MEMO_CAPACITY);

function readHedge(sentence: string, spoken: boolean): Hedge {
  // Links carry words ("…-denied-virus-test/") that are not what the sentence says.
  const text = sentence.replace(URL, ' ');
  if (CORRECTION_NOTICE.test(text) || isDatedCorrection(text)) return spoken ? 'reported' : 'asserted';
  for (const hedge of ['unverified', 'denied', 'alleged', 'reported'] as const) {
    if (HEDGE_CUES[hedge].some((cue) => cue.test(text))) return hedge;
  }
  if (spoken) return 'reported';
  return 'asserted';
}
