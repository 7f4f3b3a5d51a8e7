import type { Answer, Citation } from '../../core/answer.js';
import { repeatedCounters } from '../../core/repeated-counters.js';

export interface TerminalStyle {
  /** Use ANSI colours (only when writing to a terminal). */
  color: boolean;
}

const ansi = (code: string, text: string, style: TerminalStyle): string => (style.color ? `\u001b[${code}m${text}\u001b[0m` : text);

/** Renders an answer for a terminal: the answer span first when there is one, the statements with [n] markers, disputes flagged, later confirmations shown, numbered sources. */
export function renderAnswerForTerminal(answer: Answer, style: TerminalStyle = { color: false }): string {
  if (answer.abstained) {
    return [answer.answer, answer.notice ? ansi('2', `(${answer.notice})`, style) : ''].filter(Boolean).join('\n');
  }
  const lines: string[] = [];
  const repeated = repeatedCounters(answer.statements, answer.disputes);
  if (answer.lead) lines.push(`${ansi('1', `Answer: ${answer.lead.text}`, style)} ${answer.lead.citations.map((n) => `[${n}]`).join('')}`);
  for (const statement of answer.statements) {
    const marker = statement.status === 'supported' ? '' : ansi('33', statement.status === 'disputed' ? '⚠ DISPUTED ' : '⚠ UNVERIFIED ', style);
    lines.push(`${marker}${statement.text} ${statement.citations.map((n) => `[${n}]`).join('')}`);
    for (const dispute of answer.disputes.filter((item) => item.claim === statement.text)) {
      const who = dispute.disputedBy && !dispute.counter.includes(dispute.disputedBy) ? `${dispute.disputedBy}: ` : '';
      const quote = repeated.has(dispute) ? 'as above' : `${who}“${dispute.counter}”`;
      lines.push(ansi('33', `    ↳ ${dispute.kind}: ${quote} ${dispute.counterCitations.map((n) => `[${n}]`).join('')}`, style));
    }
    for (const confirmation of (answer.confirmations ?? []).filter((item) => item.claim === statement.text)) {
      const who = confirmation.confirmedBy ? ` by ${confirmation.confirmedBy}` : '';
      lines.push(ansi('32', `    ↳ confirmed later${who}: “${confirmation.confirmation}” ${confirmation.confirmationCitations.map((n) => `[${n}]`).join('')}`, style));
    }
  }
  if (answer.notice) lines.push('', ansi('2', answer.notice, style));
  lines.push('', ansi('1', 'Sources', style));
  for (const citation of answer.citations) lines.push(renderCitation(citation, style));
  return lines.join('\n');
}

function renderCitation(citation: Citation, style: TerminalStyle): string {
  const meta = [citation.source, citation.published?.slice(0, 10)].filter(Boolean).join(', ');
  const head = `[${citation.n}] ${citation.title}${meta ? ` — ${meta}` : ''}`;
  const link = citation.url ? `\n    ${ansi('4', citation.url, style)}` : '';
  return `${head}${link}\n    ${ansi('2', `“${citation.quote}”`, style)}`;
}
