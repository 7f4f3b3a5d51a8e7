import type { Dispute, Statement } from './answer.js';

/**
 * The disputes whose counter-statement a reply has already quoted under an earlier claim, in the order replies
 * lay them out (each statement's disputes, then those of claims not stated word for word). Two claims of one
 * article are often denied by the same spokesperson: the second shows "as above" with the citation instead of
 * the whole quote again.
 */
export function repeatedCounters(statements: readonly Statement[], disputes: readonly Dispute[]): Set<Dispute> {
  const quoted = new Set<string>();
  const repeated = new Set<Dispute>();
  const visit = (dispute: Dispute): void => {
    const key = `${dispute.kind}\u0000${dispute.counter}\u0000${dispute.counterCitations.join(',')}`;
    if (quoted.has(key)) repeated.add(dispute);
    quoted.add(key);
  };
  for (const statement of statements) for (const dispute of disputes) if (dispute.claim === statement.text) visit(dispute);
  for (const dispute of disputes) if (!statements.some((statement) => statement.text === dispute.claim)) visit(dispute);
  return repeated;
}
