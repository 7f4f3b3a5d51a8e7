export { type Attribution, attributionLabel, extractAttribution, type HolderKind } from './attribution.js';
export { type Claim, extractClaims } from './claims.js';
export { type ClaimConfirmation, type ClaimDispute, type ClaimRef, type DisputeFindings, findDisputes } from './find-disputes.js';
export { type Hedge, hedgeOf } from './hedge.js';
export { LexicalBaselineClassifier } from './lexical-baseline.js';
export { LearnedStanceClassifier, loadStanceClassifier } from './stance-classifier.js';
