import type { Citation, Dispute, DisputeKind, Statement, StatementStatus } from '../../core/answer.js';
import type { Evidence } from '../../core/generator.js';
import { CitationBook } from '../citation-book.js';
import { attributionText, findCounterEvidence, readSentences } from '../evidence-disputes.js';
import type { EvidenceSentence } from '../evidence-sentence.js';
import type { NumberedPassage } from './fit-passages.js';
import { looksLikeInstruction } from '../instruction-cues.js';
import type { ModelAnswer, ModelDispute } from './model-answer.js';
import { samePolarity } from './polarity.js';
import { passageSentences } from '../evidence-sentence.js';
import { statementSupport } from './statement-support.js';
import { linkHaystack, stripUnknownLinks } from './strip-unknown-links.js';

/** Thresholds of the check that the model's statements rest on the passages. */
export interface VerifyOptions {
  /**
   * Share of a statement's content terms its cited sentences must contain. Faithful paraphrases of the seed
   * article scored 0.60–1.00 and invented ones 0.50 (see the tests). @default 0.6
   */
  minCoverage?: number;
  /** Sentences quoted for one statement at most. @default 2 */
  maxSentencesPerStatement?: number;
  /** The model's answer is used only when at least this share of its statements survive. @default 0.5 */
  minKeptShare?: number;
}

export type DropReason = 'empty' | 'no-valid-citation' | 'context-only' | 'unknown-number' | 'unknown-name' | 'unsupported' | 'opposite-polarity';

/** What verification did, for logs and for the fallback decision. */
export interface VerificationReport {
  proposed: number;
  kept: number;
  dropped: Array<{ text: string; reason: DropReason }>;
  /** Citations to passage numbers that were never given. */
  invalidCitations: number;
  /** Links removed from the model's statements because the evidence does not contain them. */
  removedLinks: string[];
  proposedDisputes: number;
  /** Disputes shown: the model's verified ones plus those the evidence's own cues found. */
  disputes: number;
  /** Sentences of the passages that read as instructions to a model, excluded from support and quotes. */
  instructionSentences: number;
  /** True when enough survived to show the model's answer. */
  sufficient: boolean;
}

export interface VerifiedAnswer {
  statements: Statement[];
  citations: Citation[];
  disputes: Dispute[];
  report: VerificationReport;
}

interface KeptStatement {
  text: string;
  status: StatementStatus;
  sentences: EvidenceSentence[];
}

interface DisputeDraft {
  claim: KeptStatement | EvidenceSentence;
  counter: EvidenceSentence;
  kind: DisputeKind;
  disputedBy?: string;
}

interface CitedPassage {
  evidence: Evidence;
  /** Usable sentences: planted instructions removed. */
  sentences: EvidenceSentence[];
  context: boolean;
}

const SEVERITY: Record<StatementStatus, number> = { supported: 0, unverified: 1, disputed: 2 };

/**
 * Checks the model's answer against the store text and rebuilds it from verified parts only: citations must
 * name given passages, each statement must be covered by its cited sentences (numbers and names included),
 * quotes are cut from the article bodies, unknown links are removed, and disputes are re-checked both from
 * the model's list and from the denial cues in the evidence.
 */
export async function verifyModelAnswer(model: ModelAnswer, passages: NumberedPassage[], options: VerifyOptions = {}): Promise<VerifiedAnswer> {
  const minCoverage = options.minCoverage ?? 0.6;
  const maxSentences = options.maxSentencesPerStatement ?? 2;
  let instructionSentences = 0;
  const byNumber = new Map<number, CitedPassage>(
    passages.map((item) => {
      const all = passageSentences(item.evidence, item.n - 1, item.context);
      const news = all.filter((sentence) => !looksLikeInstruction(sentence.text));
      instructionSentences += all.length - news.length;
      return [item.n, { evidence: item.evidence, sentences: news, context: item.context }];
    }),
  );
  // Links may come from news sentences or article URLs, never from a planted instruction.
  const haystack = linkHaystack([...byNumber.values()].flatMap((item) => [...item.sentences.map((sentence) => sentence.text), item.evidence.article.url ?? '']));
  const report: VerificationReport = {
    proposed: model.statements.length,
    kept: 0,
    dropped: [],
    invalidCitations: 0,
    removedLinks: [],
    proposedDisputes: model.disputes.length,
    disputes: 0,
    instructionSentences,
    sufficient: false,
  };
  const citedPassages = (numbers: number[]): CitedPassage[] => {
    const unique = [...new Set(numbers)];
    const valid = unique.flatMap((n) => byNumber.get(n) ?? []);
    report.invalidCitations += unique.length - valid.length;
    return valid;
  };

  const kept: KeptStatement[] = [];
  for (const proposed of model.statements) {
    const { text, removed } = stripUnknownLinks(proposed.text.trim(), haystack);
    report.removedLinks.push(...removed);
    const cited = citedPassages(proposed.passages);
    const drop = (reason: DropReason): void => {
      report.dropped.push({ text: proposed.text, reason });
    };
    if (text === '') drop('empty');
    else if (cited.length === 0) drop('no-valid-citation');
    // Context passages are there to find denials of the evidence, not to answer from (as in the extractive answerer).
    else if (cited.every((item) => item.context)) drop('context-only');
    else {
      const support = statementSupport(text, cited, maxSentences);
      if (support.missingNumbers.length > 0) drop('unknown-number');
      else if (support.missingNames.length > 0) drop('unknown-name');
      else if (support.coverage < minCoverage) drop('unsupported');
      else if (!support.sentences.some((sentence) => samePolarity(text, sentence.text))) drop('opposite-polarity');
      else if (!kept.some((other) => other.text === text)) kept.push({ text, status: proposed.status, sentences: support.sentences });
    }
  }
  report.kept = kept.length;
  report.sufficient = kept.length > 0 && kept.length >= report.proposed * (options.minKeptShare ?? 0.5);

  const drafts: DisputeDraft[] = [];
  for (const proposed of model.disputes) {
    const draft = verifyDispute(proposed, kept, citedPassages, minCoverage);
    if (draft) addDraft(drafts, draft);
  }
  // The model may miss a denial the article carries; the evidence's own cues do not depend on it.
  const pool = [...byNumber.values()].flatMap((item) => item.sentences);
  const readings = readSentences(pool);
  const { counters: countersOf } = await findCounterEvidence(kept.flatMap((statement) => statement.sentences), readings);
  for (const statement of kept) {
    for (const sentence of statement.sentences) {
      for (const found of countersOf.get(sentence) ?? []) {
        if (statement.sentences.includes(found.counter)) continue;
        addDraft(drafts, { claim: statement, counter: found.counter, kind: found.kind, ...(found.disputedBy ? { disputedBy: found.disputedBy } : {}) });
      }
    }
  }
  for (const draft of drafts) {
    if (!('status' in draft.claim)) continue;
    const status: StatementStatus = draft.kind === 'unverified' ? 'unverified' : 'disputed';
    if (SEVERITY[status] > SEVERITY[draft.claim.status]) draft.claim.status = status;
  }

  const book = new CitationBook();
  const statements: Statement[] = kept.map((statement) => {
    const attribution = attributionText(readings.get(statement.sentences[0] as EvidenceSentence));
    return {
      text: statement.text,
      citations: [...new Set(statement.sentences.map((sentence) => book.cite(sentence)))],
      status: statement.status,
      ...(attribution ? { attribution } : {}),
    };
  });
  const disputes: Dispute[] = drafts.map((draft) => {
    const claimSentences = 'status' in draft.claim ? draft.claim.sentences : [draft.claim];
    const disputedBy = draft.disputedBy ?? attributionText(readings.get(draft.counter));
    return {
      claim: draft.claim.text,
      counter: draft.counter.text,
      kind: draft.kind,
      claimCitations: [...new Set(claimSentences.map((sentence) => book.cite(sentence)))],
      counterCitations: [book.cite(draft.counter)],
      ...(disputedBy ? { disputedBy } : {}),
    };
  });
  report.disputes = disputes.length;
  return { statements, citations: book.citations(), disputes, report };
}

/**
 * A dispute the model listed, kept only when its counter is a real sentence of the cited counter passages
 * and its claim is one of the kept statements or a real sentence of the claim passages.
 */
function verifyDispute(
  proposed: ModelDispute,
  kept: KeptStatement[],
  citedPassages: (numbers: number[]) => CitedPassage[],
  minCoverage: number,
): DisputeDraft | undefined {
  const counterPassages = citedPassages(proposed.counter_passages);
  const claimPassages = citedPassages(proposed.claim_passages);
  if (counterPassages.length === 0 || claimPassages.length === 0) return undefined;
  const counterSupport = statementSupport(proposed.counter, counterPassages, 1);
  const counter = counterSupport.sentences[0];
  if (!counter || counterSupport.coverage < minCoverage || counterSupport.missingNumbers.length > 0 || !samePolarity(proposed.counter, counter.text)) return undefined;

  const claimSupport = statementSupport(proposed.claim, claimPassages, 1);
  const claimSentence = claimSupport.sentences[0];
  if (!claimSentence || claimSentence === counter || claimSupport.coverage < minCoverage) return undefined;
  // The kept statement that quotes the claim's sentence carries the dispute, so it shows under it.
  const statement = kept.find((item) => item.sentences.includes(claimSentence));
  if (statement && !statement.sentences.includes(counter)) return { claim: statement, counter, kind: proposed.kind };
  return { claim: claimSentence, counter, kind: proposed.kind };
}

/** Adds a dispute unless the same claim already has this counter sentence. */
function addDraft(drafts: DisputeDraft[], draft: DisputeDraft): void {
  if (drafts.some((other) => other.claim === draft.claim && other.counter === draft.counter)) return;
  drafts.push(draft);
}
