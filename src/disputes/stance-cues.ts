/**
 * Word lists the stance features count. Kept as data so they can be reviewed without touching the feature
 * code. Words are lower-case surface forms (not stemmed) because cue words are few and their exact form
 * matters ("denied" is a cue, "deny" in "deny access" is weaker but still counted).
 */

/** Splits a whitespace-separated word list (easier to review than an array literal). */
function wordList(list: string): string[] {
  return list.split(/\s+/).filter((word) => word.length > 0);
}

function wordSet(list: string): Set<string> {
  return new Set(wordList(list));
}

/** Words that refute or debunk what a headline reports (the FNC-1 baseline's list, extended). */
export const REFUTING_WORDS: ReadonlySet<string> = wordSet(`
  fake fraud hoax false deny denies denied denying not despite nope doubt doubts bogus debunk debunks debunked
  pranks prank retract retracts retracted untrue myth rumour rumor rumours rumors satire satirical fabricated
  baseless unfounded misleading refute refutes refuted dismissed dismisses rejected rejects incorrect
  inaccurate wrong scam photoshopped doctored parody no never neither nothing debunking hoaxes spoof falsely
  erroneous contrary however refused refusing refuse refuses rejecting vetoed blocked overturned reversed
  cancelled canceled
`);

/** Words that say the text only reports or weighs a claim without taking a side. */
export const HEDGING_WORDS: ReadonlySet<string> = wordSet(`
  reportedly allegedly alleged purportedly apparently claims claimed claim according reports report reported
  rumoured rumored unconfirmed unverified may might could possibly perhaps suggests suggest speculation
  speculate appears appear seems believed suspected supposedly unclear if whether sources source said says
  told allegations accused unknown investigating question questions
`);

/** Words that confirm or assert a claim as fact. */
export const CONFIRMING_WORDS: ReadonlySet<string> = wordSet(`
  confirmed confirms confirm confirmation announced announces officially official revealed reveals indeed
  verified proved proven evidence footage shows showed video photos admitted admits acknowledged true real
  actually finally dead killed arrested charged released found died
`);

/** Plain negation markers. */
export const NEGATION_WORDS: ReadonlySet<string> = wordSet(`
  not no never n't none nobody nothing neither nor without isn't wasn't aren't weren't didn't doesn't don't
  won't can't cannot couldn't hasn't haven't hadn't
`);

/** Every cue word, for hashed cue-identity features. */
export const ALL_CUE_WORDS: ReadonlySet<string> = new Set([...REFUTING_WORDS, ...HEDGING_WORDS, ...CONFIRMING_WORDS, ...NEGATION_WORDS]);

/** Multi-word phrases that refute a claim outright; matched on lower-cased text. */
export const REFUTING_PHRASES: readonly RegExp[] = [
  /\b(?:is|was|are|were) (?:not true|false|untrue|a hoax|fake|satire|a prank|a joke)\b/,
  /\bno (?:evidence|truth|basis|plans?)\b/,
  /\bcould ?n[o']t (?:verify|confirm)|\bunable to (?:verify|confirm)|\bhas ?n[o']t been (?:verified|confirmed)/,
  /\b(?:fake|false|hoax) (?:news|story|report|claim|rumou?r)s?\b/,
  /\bden(?:y|ies|ied) (?:the |these |those |any )?(?:report|claim|rumou?r|allegation)s?\b/,
  /\bturn(?:s|ed)? out (?:to be )?(?:fake|false|a hoax)|\bdebunk/,
];

/** A verdict in capitals ("FALSE", "HOAX"), as fact-checking sites print it. */
export const SHOUTED_VERDICT = /\b(?:FALSE|HOAX|FAKE|SATIRE|DEBUNKED|UNTRUE)\b/;

/**
 * Pairs of words with opposite meaning in news ("approved" / "rejected"): a claim with one and a matching
 * sentence with the other is a strong contradiction cue that word overlap alone cannot see. Surface forms;
 * the feature code stems them.
 */
export const OPPOSITE_PAIRS: readonly (readonly [string, string])[] = wordList(`
  approve/reject approve/veto approve/block accept/reject accept/refuse agree/refuse win/lose won/lost
  rise/fall rose/fell increase/decrease increase/cut gain/loss alive/dead survive/die open/close confirm/deny
  true/false real/fake guilty/innocent convict/acquit arrest/release hire/fire buy/sell support/oppose
  pass/fail succeed/fail start/stop launch/cancel resign/stay join/leave legal/illegal ban/allow ban/lift
  raise/lower expand/shrink found/missing present/absent married/divorced include/exclude attack/defend
  guilty/acquitted up/down more/less
`).map((pair) => pair.split('/') as [string, string]);
