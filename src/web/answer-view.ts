import type { Answer, Citation, Confirmation, Dispute, Statement } from '../core/answer.js';
import { repeatedCounters } from '../core/repeated-counters.js';
import { citationLine } from './citation-line.js';
import { type Html, h } from './html.js';
import { statusChip } from './status-chip.js';

/** "[1][3]" as links to the numbered sources below the answer. */
function markers(numbers: readonly number[]): Html {
  if (numbers.length === 0) return h``;
  return h` <span class="markers">${numbers.map((n) => h`<a href="#source-${n}" aria-label="source ${n}">[${n}]</a>`)}</span>`;
}

function counterItem(dispute: Dispute, repeated: boolean): Html {
  const by = dispute.disputedBy && !dispute.counter.includes(dispute.disputedBy) ? ` by ${dispute.disputedBy}` : '';
  if (repeated) return h`<li>${statusChip(dispute.kind, by)} as above${markers(dispute.counterCitations)}</li>`;
  return h`<li>${statusChip(dispute.kind, by)} <span class="quote-text">${dispute.counter}</span>${markers(dispute.counterCitations)}</li>`;
}

function confirmationItem(confirmation: Confirmation): Html {
  const by = confirmation.confirmedBy ? ` by ${confirmation.confirmedBy}` : '';
  return h`<li>${statusChip('confirmed', by)} <span class="quote-text">${confirmation.confirmation}</span>${markers(confirmation.confirmationCitations)}</li>`;
}

function flaggedStatement(statement: Statement, disputes: Dispute[], confirmations: Confirmation[], repeated: ReadonlySet<Dispute>): Html {
  const unverified = statement.status === 'unverified' || (disputes.length > 0 && disputes.every((dispute) => dispute.kind === 'unverified'));
  const flagged = disputes.length > 0 || statement.status !== 'supported';
  const chip = flagged ? statusChip(unverified && statement.status !== 'disputed' ? 'unverified' : 'disputed') : statusChip('confirmed');
  const counters = [...disputes.map((dispute) => counterItem(dispute, repeated.has(dispute))), ...confirmations.map(confirmationItem)];
  return h`<div class="statement card">
<p>${chip} ${statement.text}${markers(statement.citations)}</p>
${counters.length > 0 ? h`<ul class="counters">${counters}</ul>` : ''}
</div>`;
}

/**
 * An answer as HTML, laid out like the chat replies: supported statements flow as paragraphs; a disputed or
 * unverified statement stands apart with its status and every counter statement under it; a statement a later
 * report confirms shows that report. Every [n] links to its numbered, quoted source.
 */
export function answerView(answer: Answer): Html {
  if (answer.abstained || answer.statements.length === 0) return h`<div class="answer"><p>${answer.answer}</p></div>`;
  const blocks: Html[] = [];
  let paragraph: Html[] = [];
  const endParagraph = (): void => {
    if (paragraph.length > 0) blocks.push(h`<p>${paragraph}</p>`);
    paragraph = [];
  };
  const shown = new Set<Dispute>();
  const repeated = repeatedCounters(answer.statements, answer.disputes);
  for (const statement of answer.statements) {
    const disputes = answer.disputes.filter((dispute) => dispute.claim === statement.text);
    const confirmations = (answer.confirmations ?? []).filter((confirmation) => confirmation.claim === statement.text);
    if (statement.status === 'supported' && disputes.length === 0 && confirmations.length === 0) {
      paragraph.push(h`${statement.text}${markers(statement.citations)} `);
      continue;
    }
    endParagraph();
    for (const dispute of disputes) shown.add(dispute);
    blocks.push(flaggedStatement(statement, disputes, confirmations, repeated));
  }
  endParagraph();
  // Disputes about claims the answer does not state word for word still deserve a mention.
  for (const dispute of answer.disputes.filter((item) => !shown.has(item))) {
    blocks.push(h`<div class="statement card"><p>${statusChip('disputed')} <span class="quote-text">${dispute.claim}</span>${markers(dispute.claimCitations)}</p><ul class="counters">${counterItem(dispute, repeated.has(dispute))}</ul></div>`);
  }
  return h`<div class="answer">${blocks}</div>`;
}

/** The numbered sources under an answer, each with outlet, date, linked title and the quoted passage. */
export function sourcesView(citations: readonly Citation[]): Html {
  if (citations.length === 0) return h``;
  return h`<section aria-labelledby="sources-heading">
<h2 id="sources-heading">Sources</h2>
<ol class="sources">${citations.map(
    (citation) => h`<li id="source-${citation.n}" class="card"><p class="side-label">Source ${citation.n}</p><blockquote><p>${citation.quote}</p></blockquote>${citationLine(citation)}</li>`,
  )}</ol>
</section>`;
}
