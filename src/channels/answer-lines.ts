import type { Answer, Confirmation, Dispute, DisputeKind, Statement } from '../core/answer.js';
import { repeatedCounters } from '../core/repeated-counters.js';

/** How a platform writes inline text: its escaping and emphasis. */
export interface InlineFormat {
  escape(text: string): string;
  bold(text: string): string;
  italic(text: string): string;
}

const DISPUTE_LABEL: Record<DisputeKind, string> = {
  denied: 'Denied',
  contradicted: 'Contradicted',
  unverified: 'Not verified',
};

/** "[1][3]" for a list of citation numbers. */
export function citationMarkers(numbers: readonly number[]): string {
  return numbers.map((n) => `[${n}]`).join('');
}

/**
 * Lays an answer out as lines of platform-formatted text: the answer span first when there is one; supported statements flow as paragraphs; a
 * disputed or unverified statement stands on its own line, marked ⚠️, with each counter-statement and its
 * source under it; a statement a later report confirms stands on its own line with that report under it. Abstentions are the assistant's own plain words.
 */
export function formatAnswerLines(answer: Answer, format: InlineFormat): string[] {
  if (answer.abstained || answer.statements.length === 0) return [format.escape(answer.answer)];
  const lines: string[] = [];
  if (answer.lead) lines.push(`${format.bold(`Answer: ${format.escape(answer.lead.text)}`)} ${citationMarkers(answer.lead.citations)}`);
  let paragraph: string[] = [];
  const endParagraph = (): void => {
    if (paragraph.length > 0) lines.push(paragraph.join(' '));
    paragraph = [];
  };
  const shown = new Set<Dispute>();
  const repeated = repeatedCounters(answer.statements, answer.disputes);
  for (const statement of answer.statements) {
    const sentence = `${format.escape(statement.text)} ${citationMarkers(statement.citations)}`.trimEnd();
    const disputes = answer.disputes.filter((dispute) => dispute.claim === statement.text);
    const confirmations = (answer.confirmations ?? []).filter((confirmation) => confirmation.claim === statement.text);
    if (statement.status === 'supported' && disputes.length === 0 && confirmations.length === 0) {
      paragraph.push(sentence);
      continue;
    }
    endParagraph();
    lines.push(disputes.length > 0 || statement.status !== 'supported' ? `${warningLabel(statement, disputes, format)}${sentence}` : sentence);
    for (const dispute of disputes) {
      lines.push(counterLine(dispute, format, repeated.has(dispute)));
      shown.add(dispute);
    }
    for (const confirmation of confirmations) lines.push(confirmationLine(confirmation, format));
  }
  endParagraph();
  // Disputes about claims the answer does not state word for word still deserve a mention.
  for (const dispute of answer.disputes.filter((item) => !shown.has(item))) {
    lines.push(`⚠️ ${format.bold('Disputed:')} “${format.escape(dispute.claim)}” ${citationMarkers(dispute.claimCitations)}`.trimEnd());
    lines.push(counterLine(dispute, format, repeated.has(dispute)));
  }
  return lines;
}

function warningLabel(statement: Statement, disputes: Dispute[], format: InlineFormat): string {
  const unverified = statement.status === 'unverified' || (disputes.length > 0 && disputes.every((dispute) => dispute.kind === 'unverified'));
  return `⚠️ ${format.bold(unverified && statement.status !== 'disputed' ? 'Unverified:' : 'Disputed:')} `;
}

function counterLine(dispute: Dispute, format: InlineFormat, repeated: boolean): string {
  const by = dispute.disputedBy ? ` by ${format.escape(dispute.disputedBy)}` : '';
  const marker = citationMarkers(dispute.counterCitations);
  if (repeated) return `      ↳ ${format.italic(`${DISPUTE_LABEL[dispute.kind]}${by}:`)} as above ${marker}`;
  return `      ↳ ${format.italic(`${DISPUTE_LABEL[dispute.kind]}${by}:`)} “${format.escape(dispute.counter)}” ${marker}`.trimEnd();
}

function confirmationLine(confirmation: Confirmation, format: InlineFormat): string {
  const by = confirmation.confirmedBy ? ` by ${format.escape(confirmation.confirmedBy)}` : '';
  const marker = citationMarkers(confirmation.confirmationCitations);
  return `      ↳ ✅ ${format.italic(`Confirmed later${by}:`)} “${format.escape(confirmation.confirmation)}” ${marker}`.trimEnd();
}
