import type { Confirmation, Dispute, DisputeKind, LeadAnswer, Statement } from '../core/answer.js';
import { repeatedCounters } from '../core/repeated-counters.js';

const DISPUTE_LABEL: Record<DisputeKind, string> = { denied: 'Denied', contradicted: 'Contradicted', unverified: 'Unverified' };

function markers(numbers: readonly number[]): string {
  return numbers.map((n) => `[${n}]`).join('');
}

function counterLine(dispute: Dispute, repeated: boolean): string {
  if (repeated) return `  ⚠ ${DISPUTE_LABEL[dispute.kind]} — as above ${markers(dispute.counterCitations)}`;
  // A named disputer is not repeated when the counter-statement already names them.
  const who = dispute.disputedBy && !dispute.counter.includes(dispute.disputedBy) ? `${dispute.disputedBy}: ` : '';
  return `  ⚠ ${DISPUTE_LABEL[dispute.kind]} — ${who}${dispute.counter} ${markers(dispute.counterCitations)}`;
}

function confirmationLine(confirmation: Confirmation): string {
  const who = confirmation.confirmedBy ? `${confirmation.confirmedBy}: ` : '';
  return `  ✓ Confirmed later — ${who}${confirmation.confirmation} ${markers(confirmation.confirmationCitations)}`;
}

/**
 * The reply as plain text with [n] markers: each statement followed by the statements that dispute it and
 * the later reports that confirm it; disputes of claims the reply does not state word for word come last.
 * The answer itself, when one was found, is the first line.
 */
export function composeAnswerText(statements: Statement[], disputes: Dispute[], confirmations: Confirmation[] = [], lead?: LeadAnswer): string {
  const lines: string[] = [];
  const repeated = repeatedCounters(statements, disputes);
  if (lead) lines.push(`Answer: ${lead.text} ${markers(lead.citations)}`);
  for (const statement of statements) {
    lines.push(`${statement.text} ${markers(statement.citations)}`);
    for (const dispute of disputes.filter((item) => item.claim === statement.text)) lines.push(counterLine(dispute, repeated.has(dispute)));
    for (const confirmation of confirmations.filter((item) => item.claim === statement.text)) lines.push(confirmationLine(confirmation));
  }
  for (const dispute of disputes.filter((item) => !statements.some((statement) => statement.text === item.claim))) {
    lines.push(`⚠ Disputed: ${dispute.claim} ${markers(dispute.claimCitations)}`);
    lines.push(counterLine(dispute, repeated.has(dispute)));
  }
  return lines.join('\n');
}
