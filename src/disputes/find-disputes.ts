import type { DisputeKind } from '../core/answer.js';
import type { Stance, StanceClassifier, StancePair } from '../core/stance.js';
import { leadingName, nameFoundIn, numbersIn } from '../text/names-and-numbers.js';
import { pairsSharingTerms } from '../text/pairs-sharing-terms.js';
import { termSet } from '../text/terms.js';
import { type Attribution, attributionLabel } from './attribution.js';
import type { Hedge } from './hedge.js';
import { saysTheOpposite } from './opposition.js';

/** A claim as the dispute finder sees it: a sentence of one article, with where and when it was published. */
export interface ClaimRef {
  articleId: string;
  /** Outlet name ("Reuters"); claims from different outlets can contradict or confirm each other. */
  source: string | null;
  /** ISO date or date-time; used to tell a later confirmation from an earlier report. */
  published: string | null;
  text: string;
  hedge: Hedge;
  /** Who stands behind it, when known (from `extractClaims`). */
  attribution?: Attribution;
  /** Offsets of `text` in the article body, so both sides can be cited verbatim. */
  start: number;
  end: number;
}

/** A claim and the claim that denies it, fails to verify it, or reports the opposite. */
export interface ClaimDispute {
  claim: ClaimRef;
  counter: ClaimRef;
  kind: DisputeKind;
  /** Who disputes it ("Michael Hughes, a TikTok spokesperson", or the other outlet), when known. */
  disputedBy?: string;
}

/** A claim that a later report from another source agrees with. */
export interface ClaimConfirmation {
  claim: ClaimRef;
  confirmedBy: ClaimRef;
}

/** Limits on which claims are compared. */
export interface FindDisputesOptions {
  /**
   * Claims of different articles published more than this many days apart (both dates known) are not compared:
   * a pool of search results mixes events of different years ("won the Nobel Peace Prize"), which share words
   * but not facts. Within a story the articles are already about one event. @default Infinity
   */
  maxDaysApart?: number;
}

/** What `findDisputes` returns. */
export interface DisputeFindings {
  disputes: ClaimDispute[];
  confirmations: ClaimConfirmation[];
}

interface Prepared {
  ref: ClaimRef;
  terms: Set<string>;
  entities: Set<string>;
}

const KIND_ORDER: Record<DisputeKind, number> = {
  denied: 0,
  contradicted: 1,
  unverified: 2,
};
const MAX_STANCE_PAIRS = 2_000;
/** A named denial with little word overlap counts only this close to the claim (a few paragraphs). */
const NEARBY_CHARACTERS = 2_000;

function entitiesOf(text: string): Set<string> {
  // Capitalised words after the first word: names of people, companies, places, products.
  const words = text.match(/(?<=\s)[A-Z][\w’'-]*(?:\s+[A-Z0-9][\w’'-]*)*/g) ?? [];
  return new Set(words.map((word) => word.toLowerCase().replace(/[’']s$/, '')));
}

function shared<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  let count = 0;
  for (const item of a) if (b.has(item)) count += 1;
  return count;
}

function sameOutlet(a: ClaimRef, b: ClaimRef): boolean {
  if (a.articleId === b.articleId) return true;
  return a.source !== null && b.source !== null && a.source.toLowerCase() === b.source.toLowerCase();
}

function isClaimLike(hedge: Hedge | undefined): boolean {
  return hedge === 'asserted' || hedge === 'reported' || hedge === 'alleged';
}

/** A sentence that can dispute a claim by the rules: a denial or a failed verification. */
function isRebuttal(hedge: Hedge | undefined): boolean {
  return hedge === 'denied' || hedge === 'unverified';
}

/** The union of two ascending lists of indices, ascending, without repeats. */
function mergeAscending(a: readonly number[], b: readonly number[]): number[] {
  const merged: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const next = j >= b.length || (i < a.length && (a[i] as number) <= (b[j] as number)) ? (a[i++] as number) : (b[j++] as number);
    if (merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}

/** Who disputes: the speaker of a denial or non-verification; the other outlet for a contradiction. */
function disputer(counter: ClaimRef, kind: DisputeKind): string | undefined {
  const speaker = counter.attribution ? attributionLabel(counter.attribution) : null;
  return (kind === 'contradicted' ? (counter.source ?? speaker) : (speaker ?? counter.source)) ?? undefined;
}

function withDisputer(claim: ClaimRef, counter: ClaimRef, kind: DisputeKind): ClaimDispute {
  const by = disputer(counter, kind);
  return by ? { claim, counter, kind, disputedBy: by } : { claim, counter, kind };
}

/** How much two claims share: content terms, the share of the smaller one's terms, and names. */
function overlapOf(a: Prepared, b: Prepared): { terms: number; ratio: number; entities: number } {
  const terms = shared(a.terms, b.terms);
  return { terms, ratio: terms / Math.max(1, Math.min(a.terms.size, b.terms.size)), entities: shared(a.entities, b.entities) };
}

/**
 * Whether claims from different articles are about the same thing: several shared terms making up a good
 * part of the shorter claim, and a shared name (or most of the shorter claim's terms). Strict, because a corpus has many sentences that
 * share a few words by chance.
 */
function aboutSameThing(a: Prepared, b: Prepared): boolean {
  const overlap = overlapOf(a, b);
  return (overlap.terms >= 3 && overlap.ratio >= 0.4 && overlap.entities >= 1) || (overlap.terms >= 4 && overlap.ratio >= 0.6);
}

/**
 * Finds disputes among claims from one or several articles. Rules first, from each sentence's hedge: a denial
 * about the same thing is `denied` (a named party denying a reported claim in the same article counts even
 * with little word overlap — that is how news carries denials); a "could not verify" is `unverified`. With a
 * stance classifier, claims from different outlets that it judges `disagree` are `contradicted`, and a later
 * `agree` from another outlet is a confirmation. Pure apart from the classifier call (one batch).
 */
export async function findDisputes(claims: readonly ClaimRef[], classifier?: StanceClassifier, options: FindDisputesOptions = {}): Promise<DisputeFindings> {
  const maxDaysApart = options.maxDaysApart ?? Number.POSITIVE_INFINITY;
  const prepared: Prepared[] = claims.map((ref) => {
    // Links share words ("usatoday", "story", "news") between unrelated sentences; match on the prose only.
    const prose = ref.text.replace(/\bhttps?:\/\/\S+/g, ' ');
    return { ref, terms: termSet(prose), entities: entitiesOf(prose) };
  });
  const best = new Map<string, { dispute: ClaimDispute; strength: number }>();
  const keep = (claimIndex: number, dispute: ClaimDispute, strength: number) => {
    const key = `${claimIndex}|${dispute.kind}|${dispute.counter.articleId}:${dispute.counter.start}`;
    const current = best.get(key);
    if (!current || current.strength < strength) best.set(key, { dispute, strength });
  };
  const stanceCandidates: { claimIndex: number; counterIndex: number }[] = [];

  // Only pairs that can count are compared: a denial needs a shared term (a named denial nearby), a
  // non-verification two, a pair for the stance classifier three (`aboutSameThing`). In a pool of a few hundred
  // sentences nearly all pairs share nothing telling, so the pairs are found from the terms, in the same order.
  const termSets = prepared.map((item) => item.terms);
  const rebuttalsOf = pairsSharingTerms(termSets, 1, { canPartner: (index) => isRebuttal(prepared[index]?.ref.hedge) });
  const laterClaimsOf = classifier ? pairsSharingTerms(termSets, 3, { canPartner: (index) => isClaimLike(prepared[index]?.ref.hedge), laterOnly: true }) : [];
  prepared.forEach((claim, claimIndex) => {
    if (!isClaimLike(claim.ref.hedge)) return;
    for (const counterIndex of mergeAscending(rebuttalsOf[claimIndex] ?? [], laterClaimsOf[claimIndex] ?? [])) {
      const counter = prepared[counterIndex] as Prepared;
      const hedge = counter.ref.hedge;
      // Most pairs are two ordinary claims from the same outlet: nothing to compare, so skip before counting.
      if (hedge !== 'denied' && hedge !== 'unverified' && (!classifier || claimIndex > counterIndex || sameOutlet(claim.ref, counter.ref))) continue;
      const sameArticle = claim.ref.articleId === counter.ref.articleId;
      if (!sameArticle && daysApart(claim.ref, counter.ref) > maxDaysApart) continue;
      const overlap = shared(claim.terms, counter.terms);
      // Within one article, sentences are about the same story, so less overlap is needed.
      const related = sameArticle ? overlap >= 2 && overlapOf(claim, counter).ratio >= 0.25 : aboutSameThing(claim, counter);
      const nearby = sameArticle && Math.abs(claim.ref.start - counter.ref.start) <= NEARBY_CHARACTERS;
      if (hedge === 'denied') {
        const namedDenial = counter.ref.attribution !== undefined && counter.ref.attribution.kind !== 'outlet';
        // A named party's denial in the article that reports the claim ("sources told Reuters … a spokesperson
        // said the premise is wrong") is how news carries denials, even with little word overlap.
        if (!related && !(nearby && overlap >= 1 && namedDenial && claim.ref.hedge !== 'asserted')) continue;
        // An outlet saying the opposite in its own voice contradicts; a party denying it is a denial.
        const kind: DisputeKind = !namedDenial && !sameOutlet(claim.ref, counter.ref) ? 'contradicted' : 'denied';
        keep(claimIndex, withDisputer(claim.ref, counter.ref, kind), overlap);
      } else if (hedge === 'unverified') {
        if (related) keep(claimIndex, withDisputer(claim.ref, counter.ref, 'unverified'), overlap);
      } else if (classifier && isClaimLike(hedge) && !sameOutlet(claim.ref, counter.ref) && claimIndex < counterIndex && aboutSameThing(claim, counter)) {
        stanceCandidates.push({ claimIndex, counterIndex });
      }
    }
  });

  const confirmations: ClaimConfirmation[] = [];
  if (classifier && stanceCandidates.length > 0) {
    const candidates = stanceCandidates.slice(0, MAX_STANCE_PAIRS);
    // Judge both directions: a sentence that states both sides ("rejected …, refusing to approve") hides the
    // opposition from the lexical features in one direction only. Confirmation needs agreement both ways.
    const pairs: StancePair[] = candidates.flatMap(({ claimIndex, counterIndex }) => [
      {
        claim: claims[claimIndex]?.text ?? '',
        text: claims[counterIndex]?.text ?? '',
      },
      {
        claim: claims[counterIndex]?.text ?? '',
        text: claims[claimIndex]?.text ?? '',
      },
    ]);
    const stances: Stance[] = await classifier.classify(pairs);
    candidates.forEach(({ claimIndex, counterIndex }, index) => {
      const forward = stances[index * 2];
      const backward = stances[index * 2 + 1];
      const [earlier, later] = orderByDate(claimIndex, counterIndex, claims);
      const claim = claims[earlier];
      const counter = claims[later];
      if (!claim || !counter) return;
      const claimTerms = prepared[earlier]?.terms ?? new Set<string>();
      const counterTerms = prepared[later]?.terms ?? new Set<string>();
      if ((forward === 'disagree' || backward === 'disagree') && isContradiction(claim, counter, claimTerms, counterTerms)) {
        keep(earlier, withDisputer(claim, counter, 'contradicted'), shared(claimTerms, counterTerms));
      } else if (forward === 'agree' && backward === 'agree' && isLater(counter, claim) && isConfirmation(claim, counter, claimTerms, counterTerms)) {
        confirmations.push({ claim, confirmedBy: counter });
      }
    });
  }

  const disputes = [...best.values()]
    .sort((a, b) => KIND_ORDER[a.dispute.kind] - KIND_ORDER[b.dispute.kind] || b.strength - a.strength)
    .map((entry) => entry.dispute);
  return { disputes, confirmations };
}

/**
 * Sentence pairs within a story are nearly all on one topic, and the stance model (trained on claims against
 * headlines) calls a quarter of them `disagree` and half of them `agree` when they merely add detail. So its
 * verdict only counts for two sentences that share their subject and most of their words, and, for a
 * contradiction, say the opposite in so many words; a confirmation covers most of the claim and keeps its numbers.
 */
function isContradiction(claim: ClaimRef, counter: ClaimRef, claimTerms: ReadonlySet<string>, counterTerms: ReadonlySet<string>): boolean {
  // Shared terms over the larger sentence: a near-restatement, not a short remark that shares a few words.
  const overlap = shared(claimTerms, counterTerms) / Math.max(1, claimTerms.size, counterTerms.size);
  return overlap >= 0.5 && aboutSameSubject(claim, counter) && saysTheOpposite(claim.text, counter.text);
}

function isConfirmation(claim: ClaimRef, later: ClaimRef, claimTerms: ReadonlySet<string>, laterTerms: ReadonlySet<string>): boolean {
  const common = shared(claimTerms, laterTerms);
  // Most of the claim, and a fair part of the later sentence (which may add details of its own).
  if (common / Math.max(1, claimTerms.size) < 0.6 || common / Math.max(1, laterTerms.size) < 0.3) return false;
  if (!aboutSameSubject(claim, later) || saysTheOpposite(claim.text, later.text)) return false;
  const laterNumbers = new Set(numbersIn(later.text));
  return numbersIn(claim.text).every((number) => laterNumbers.has(number));
}

/**
 * Whether two sentences are about the same subject: each one's leading name occurs in the other, so "Jokic
 * became the first player in NBA history with 2,000 points" does not confirm "Kareem Abdul-Jabbar becomes the
 * first player in NBA history to score 38,000 points". Requiring every name instead rejected most real
 * confirmations, which paraphrase and drop details.
 */
function aboutSameSubject(a: ClaimRef, b: ClaimRef): boolean {
  const nameOfA = leadingName(a.text);
  const nameOfB = leadingName(b.text);
  return (!nameOfA || nameFoundIn(nameOfA, b.text)) && (!nameOfB || nameFoundIn(nameOfB, a.text));
}

/** Days between two claims' publication, 0 when either date is unknown. */
function daysApart(a: ClaimRef, b: ClaimRef): number {
  if (!a.published || !b.published) return 0;
  const gap = Math.abs(Date.parse(a.published) - Date.parse(b.published));
  return Number.isFinite(gap) ? gap / 86_400_000 : 0;
}

function orderByDate(first: number, second: number, claims: readonly ClaimRef[]): [number, number] {
  const a = claims[first];
  const b = claims[second];
  if (a && b && isLater(a, b)) return [second, first];
  return [first, second];
}

/** True when `a` was published strictly after `b` (both dates known). */
function isLater(a: ClaimRef, b: ClaimRef): boolean {
  if (!a.published || !b.published) return false;
  const later = Date.parse(a.published);
  const earlier = Date.parse(b.published);
  return Number.isFinite(later) && Number.isFinite(earlier) && later > earlier;
}
