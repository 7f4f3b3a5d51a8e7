import type { DisputeKind } from '../core/answer.js';
import type { StanceClassifier } from '../core/stance.js';
import { type Attribution, attributionLabel, extractAttribution } from '../disputes/attribution.js';
import { extractClaims } from '../disputes/claims.js';
import { type ClaimRef, findDisputes } from '../disputes/find-disputes.js';
import { type Hedge, hedgeOf } from '../disputes/hedge.js';
import type { EvidenceSentence } from './evidence-sentence.js';

/**
 * Evidence articles further apart than this are not compared for disputes: search results mix events of
 * different years, and a denial or a contradiction in news follows its claim within days. Two weeks keeps
 * follow-ups ("the company later denied…") and drops last year's prize winner "contradicting" this year's.
 */
const ANSWER_DISPUTE_DAYS = 14;

/** A sentence of the evidence that denies, contradicts or fails to verify a claim. */
export interface CounterEvidence {
  counter: EvidenceSentence;
  kind: DisputeKind;
  disputedBy?: string;
}

/** What the evidence says about the chosen claims: who disputes them, and which later reports confirm them. */
export interface EvidenceFindings {
  counters: Map<EvidenceSentence, CounterEvidence[]>;
  /** Later sentences from other outlets that agree with a claim (only with a stance classifier). */
  confirmations: Map<EvidenceSentence, EvidenceSentence[]>;
}

/** How each evidence sentence reads as a claim: who stands behind it and how firmly. */
export interface ReadSentence {
  sentence: EvidenceSentence;
  attribution: Attribution;
  hedge: Hedge;
}

/**
 * Reads sentences once per answer, in article order, so a quotation that runs over several sentences lends its
 * speaker to all of them ("…stated, “The premise is wrong. No new model is being developed.”").
 */
export function readSentences(sentences: EvidenceSentence[]): Map<EvidenceSentence, ReadSentence> {
  const readings = new Map<EvidenceSentence, ReadSentence>();
  const byArticle = new Map<string, EvidenceSentence[]>();
  for (const sentence of sentences) {
    const group = byArticle.get(sentence.article.id);
    if (group) group.push(sentence);
    else byArticle.set(sentence.article.id, [sentence]);
  }
  for (const group of byArticle.values()) {
    const ordered = [...group].sort((a, b) => a.start - b.start);
    const body = ordered[0]?.body ?? '';
    const claims = new Map(extractClaims(body, ordered.map(({ start, end }) => ({ start, end }))).map((claim) => [claim.start, claim]));
    for (const sentence of ordered) {
      const claim = claims.get(sentence.start);
      const attribution = claim?.attribution ?? extractAttribution(sentence.text);
      readings.set(sentence, { sentence, attribution, hedge: claim?.hedge ?? hedgeOf(sentence.text, attribution) });
    }
  }
  return readings;
}

/**
 * For each chosen claim, the evidence that disputes it: denials and failed verifications found by the
 * dispute rules, and — with a stance classifier — other outlets reporting the opposite, or later confirming
 * it. The pool is the evidence plus the rest of the top articles, where news carries its denials.
 */
export async function findCounterEvidence(
  claims: EvidenceSentence[],
  readings: Map<EvidenceSentence, ReadSentence>,
  classifier?: StanceClassifier,
): Promise<EvidenceFindings> {
  const pool = [...readings.values()];
  const refs: ClaimRef[] = pool.map(({ sentence, attribution, hedge }) => ({
    articleId: sentence.article.id,
    source: sentence.article.source,
    published: sentence.article.published,
    text: sentence.text,
    hedge,
    attribution,
    start: sentence.start,
    end: sentence.end,
  }));
  const bySpan = new Map(pool.map(({ sentence }) => [spanKey(sentence.article.id, sentence.start), sentence]));
  const wanted = new Set(claims.map((claim) => spanKey(claim.article.id, claim.start)));
  const { disputes, confirmations } = await findDisputes(refs, classifier, { maxDaysApart: ANSWER_DISPUTE_DAYS });
  const found = new Map<EvidenceSentence, CounterEvidence[]>(claims.map((claim) => [claim, []]));
  for (const dispute of disputes) {
    const claim = bySpan.get(spanKey(dispute.claim.articleId, dispute.claim.start));
    const counter = bySpan.get(spanKey(dispute.counter.articleId, dispute.counter.start));
    if (!claim || !counter || !wanted.has(spanKey(claim.article.id, claim.start))) continue;
    const list = found.get(claim) ?? [];
    if (list.length >= 3) continue;
    list.push({ counter, kind: dispute.kind, ...(dispute.disputedBy ? { disputedBy: dispute.disputedBy } : {}) });
    found.set(claim, list);
  }
  const confirmedBy = new Map<EvidenceSentence, EvidenceSentence[]>();
  for (const confirmation of confirmations) {
    const claim = bySpan.get(spanKey(confirmation.claim.articleId, confirmation.claim.start));
    const later = bySpan.get(spanKey(confirmation.confirmedBy.articleId, confirmation.confirmedBy.start));
    if (!claim || !later || !wanted.has(spanKey(claim.article.id, claim.start))) continue;
    const list = confirmedBy.get(claim) ?? [];
    // One confirmation per outlet says enough.
    if (list.length < 2 && !list.some((item) => item.article.source === later.article.source)) list.push(later);
    confirmedBy.set(claim, list);
  }
  return { counters: found, confirmations: confirmedBy };
}

/** Who a reported claim is attributed to ("sources told Reuters"), when it is not the outlet itself. */
export function attributionText(reading: ReadSentence | undefined): string | undefined {
  if (!reading || reading.attribution.kind === 'outlet') return undefined;
  return attributionLabel(reading.attribution) ?? undefined;
}

function spanKey(articleId: string, start: number): string {
  return `${articleId}:${start}`;
}
